// Runs in: vitest (node). A job's progress reaches the screen on every step, the outbox list hears
// only of state changes, and the workflow hears of what went live or was scheduled, once per change.
import { describe, expect, it } from 'vitest';
import type { JobState, OutboxJob } from '../../../common/publish/publish-job';
import type { PublishStatus } from '../../../common/publish/publish-target-config';
import type { EventName } from '../../../common/contract-events';
import { jobChangeAnnouncer, type PublishedOutcome } from './job-change-announcer';

const job = (state: JobState, status: PublishStatus | null = null, scheduledAt: string | null = null): OutboxJob =>
  ({ id: 'job-1', articleId: 'story', state, options: { status: status ?? 'published', scheduledAt, overriddenWarnings: [] }, result: status === null ? null : { status } }) as unknown as OutboxJob;

function announcer() {
  const heard: EventName[] = [];
  const published: [string, PublishedOutcome][] = [];
  const announce = jobChangeAnnouncer({ emit: (name) => void heard.push(name) }, (articleId, outcome) => void published.push([articleId, outcome]));
  return { heard, published, announce };
}

describe('job change announcer', () => {
  it('announces every progress step, and the outbox only when the state changes', () => {
    const { heard, announce } = announcer();
    announce(job('queued'));
    announce(job('running'));
    announce(job('running'));
    expect(heard).toEqual(['job.changed', 'outbox.changed', 'job.changed', 'outbox.changed', 'job.changed']);
  });

  it('tells the workflow when a job put the story live or scheduled it, and not for a draft', () => {
    const { published, announce } = announcer();
    announce(job('done', 'draft'));
    announce(job('done', 'published'));
    announce(job('done', 'scheduled', '2026-12-24T08:00:00.000Z'));
    expect(published).toEqual([
      ['story', { status: 'published', scheduledAt: null }],
      ['story', { status: 'scheduled', scheduledAt: '2026-12-24T08:00:00.000Z' }],
    ]);
  });
});
