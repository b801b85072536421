// Runs in: renderer. Which outbox jobs still need the app's (or a person's) attention.
import type { JobState, OutboxJob } from '../../../common/publish/publish-job';
import type { MessageKey } from '../../i18n/messages/catalogues';

/** States the dialog keeps polling in: the outbox is still working on the job. */
export const POLLING_STATES: readonly JobState[] = ['queued', 'running', 'waiting'];

/** Jobs counted on the Outbox badge: still working, or waiting for a person to resolve a conflict. */
export function isActiveJob(job: Pick<OutboxJob, 'state'>): boolean {
  return POLLING_STATES.includes(job.state) || job.state === 'conflict';
}

export function isPollingJob(job: Pick<OutboxJob, 'state'>): boolean {
  return POLLING_STATES.includes(job.state);
}

export function canCancelJob(job: Pick<OutboxJob, 'state'>): boolean {
  return POLLING_STATES.includes(job.state) || job.state === 'conflict';
}

/** How a job's state reads: a job that ended without sending says why (overtaken, or already up to date). */
export function jobStateKey(job: Pick<OutboxJob, 'state' | 'skipped'>): MessageKey {
  if (job.state === 'cancelled' && job.skipped?.reason === 'overtaken') return 'publish.state.overtaken';
  if (job.state === 'done' && job.skipped?.reason === 'unchanged') return 'publish.state.unchanged';
  return `publish.state.${job.state}`;
}
