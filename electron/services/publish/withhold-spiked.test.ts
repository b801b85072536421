// Runs in: vitest (node). A spiked story never goes out by itself: what is queued is cancelled, and
// each target that holds it scheduled gets a withholding job; targets where it is live or that are
// gone are left alone.
import { describe, expect, it } from 'vitest';
import type { Article } from '../../../common/article';
import type { JobState, OutboxJob, PublishOptions } from '../../../common/publish/publish-job';
import type { PublishStatus } from '../../../common/publish/publish-target-config';
import type { TargetConfig } from '../../../common/publish/publish-target-config';
import { makeArticle } from '../../../tests/fixtures/sample-article';
import { withholdSpiked } from './withhold-spiked';

function job(id: string, targetId: string, state: JobState, updatedAt: string, status: PublishStatus | null = null): OutboxJob {
  return { id, articleId: 'story', targetId, state, updatedAt, result: status === null ? null : { status } } as OutboxJob;
}

function fakes(jobs: OutboxJob[], targetIds: string[]) {
  const cancelled: string[] = [];
  const enqueued: { headline: string; targetId: string; options: PublishOptions }[] = [];
  const article: Article = makeArticle({ headline: 'Harbour reopens' });
  return {
    cancelled,
    enqueued,
    deps: {
      outbox: {
        list: () => jobs,
        cancel: async (jobId: string) => void cancelled.push(jobId),
        enqueue: async (a: Article, target: TargetConfig, options: PublishOptions) => void enqueued.push({ headline: a.headline, targetId: target.id, options }),
      },
      targets: { has: (id: string) => targetIds.includes(id), get: (id: string) => ({ id }) as TargetConfig },
      store: { get: async () => article },
    },
  };
}

describe('withholding a spiked story', () => {
  it('cancels every job still queued or running, and leaves finished ones', async () => {
    const { deps, cancelled, enqueued } = fakes(
      [job('queued', 'wp', 'queued', '2026-12-01T10:00:00Z'), job('waiting', 'hook', 'waiting', '2026-12-01T10:00:00Z'), job('old', 'wp', 'cancelled', '2026-12-01T09:00:00Z')],
      ['wp', 'hook'],
    );
    await withholdSpiked('story', deps);
    expect(cancelled).toEqual(['queued', 'waiting']);
    expect(enqueued).toEqual([]);
  });

  it('sends a draft to each target whose latest finished job scheduled it, and to no other', async () => {
    const { deps, enqueued } = fakes(
      [
        // wp: scheduled, then scheduled again later: withheld once.
        job('wp-1', 'wp', 'done', '2026-12-01T09:00:00Z', 'scheduled'),
        job('wp-2', 'wp', 'done', '2026-12-01T10:00:00Z', 'scheduled'),
        // folder: scheduled, then published: it is live, nothing to withhold.
        job('folder-1', 'folder', 'done', '2026-12-01T09:00:00Z', 'scheduled'),
        job('folder-2', 'folder', 'done', '2026-12-01T10:00:00Z', 'published'),
        // gone: the target was removed since.
        job('gone-1', 'gone', 'done', '2026-12-01T10:00:00Z', 'scheduled'),
      ],
      ['wp', 'folder'],
    );
    await withholdSpiked('story', deps);
    expect(enqueued).toEqual([{ headline: 'Harbour reopens', targetId: 'wp', options: { status: 'draft', scheduledAt: null, overriddenWarnings: [] } }]);
  });
});
