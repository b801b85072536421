// Runs in: services. Tells the renderer about publishing jobs: `job.changed` on every change
// (progress included), `outbox.changed` only when a job's state changed, and the workflow when a
// job put its story live or scheduled it.
import type { JobState, OutboxJob } from '../../../common/publish/publish-job';
import type { EventBus } from '../events/event-bus';

export interface PublishedOutcome {
  status: 'published' | 'scheduled';
  scheduledAt: string | null;
}

export function jobChangeAnnouncer(events: Pick<EventBus, 'emit'>, onPublished: (articleId: string, outcome: PublishedOutcome) => void): (job: OutboxJob) => void {
  /** The last state announced per job. */
  const states = new Map<string, JobState>();
  return (job) => {
    events.emit('job.changed', { job });
    if (states.get(job.id) !== job.state) {
      states.set(job.id, job.state);
      events.emit('outbox.changed', { jobId: job.id, state: job.state });
    }
    const status = job.result?.status;
    if (job.state === 'done' && (status === 'published' || status === 'scheduled')) onPublished(job.articleId, { status, scheduledAt: job.options.scheduledAt });
  };
}
