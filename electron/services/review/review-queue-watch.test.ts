// Runs in: vitest (Node). The review queue watch announces what waits only when it changed, folds
// looks asked for while one is under way into one more, and treats an unreadable hub as no change.
import { describe, expect, it } from 'vitest';
import type { ReviewQueue, ReviewQueueEntry } from '../../../common/workflow/review-contract';
import { createEventBus } from '../events/event-bus';
import { createReviewQueueWatch } from './review-queue-watch';

function entry(articleId: string, updatedAt = '2026-12-01T10:00:00.000Z'): ReviewQueueEntry {
  return { articleId, headline: 'Flood', status: 'submitted', submittedBy: 'Li Na', submittedTo: 'Sam', submittedAt: updatedAt, updatedAt, updatedBy: 'Li Na', words: 3, cjkChars: 0, openComments: 0 };
}

function queueOf(entries: ReviewQueueEntry[]): ReviewQueue {
  return { hub: { kind: 'folder', location: '/hub' }, entries, problems: [] } as ReviewQueue;
}

describe('review queue watch', () => {
  it('announces the count when the queue changes, and nothing when it does not', async () => {
    let current: ReviewQueue | null = null;
    const bus = createEventBus();
    const heard: unknown[] = [];
    bus.subscribe((event) => heard.push(event));
    const watch = createReviewQueueWatch({ queue: async () => current, events: bus });
    await watch.check();
    current = queueOf([entry('0123456789ab')]);
    await watch.check();
    await watch.check();
    current = queueOf([entry('0123456789ab', '2026-12-01T11:00:00.000Z')]);
    await watch.check();
    expect(heard).toEqual([
      { name: 'review.queueChanged', payload: { waiting: 0 } },
      { name: 'review.queueChanged', payload: { waiting: 1 } },
      { name: 'review.queueChanged', payload: { waiting: 1 } },
    ]);
  });

  it('a hub that cannot be read announces nothing and is reported', async () => {
    const errors: unknown[] = [];
    const heard: unknown[] = [];
    const bus = createEventBus();
    bus.subscribe((event) => heard.push(event));
    const watch = createReviewQueueWatch({
      queue: async () => {
        throw new Error('hub unplugged');
      },
      events: bus,
      onError: (error) => errors.push(error),
    });
    await watch.check();
    expect(heard).toEqual([]);
    expect(errors).toHaveLength(1);
  });

  it('looks asked for during a look become one more look, not one each', async () => {
    let looks = 0;
    let release: () => void = () => undefined;
    const watch = createReviewQueueWatch({
      queue: () => {
        looks += 1;
        return new Promise((resolve) => (release = () => resolve(queueOf([]))));
      },
      events: createEventBus(),
    });
    const first = watch.check();
    void watch.check();
    void watch.check();
    release();
    await first;
    await expect.poll(() => looks).toBe(2);
    release();
  });

  it('takes a queue the caller just read as it is, without asking for it again', async () => {
    let asked = 0;
    const heard: unknown[] = [];
    const bus = createEventBus();
    bus.subscribe((event) => heard.push(event));
    const watch = createReviewQueueWatch({
      queue: async () => {
        asked += 1;
        return null;
      },
      events: bus,
    });
    await watch.check(queueOf([entry('0123456789ab')]));
    expect(asked).toBe(0);
    expect(heard).toEqual([{ name: 'review.queueChanged', payload: { waiting: 1 } }]);
  });
});
