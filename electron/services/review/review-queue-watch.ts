// Runs in: the services process (plain Node). Tells the renderer when what waits for this person in
// the review hub changed: the review sync loop and every local review action ask it to look, and it
// announces `review.queueChanged` only when the "for me" queue differs from the last one announced.
import type { ReviewQueue } from '../../../common/workflow/review-contract';
import type { EventBus } from '../events/event-bus';

export interface ReviewQueueWatch {
  /**
   * Looks again soon; calls made while a look is under way are folded into one more look. `known`:
   * the queue as the caller just read it from the hub (the sync run), so the hub is not listed again.
   */
  check(known?: ReviewQueue | null): Promise<void>;
}

export interface ReviewQueueWatchOptions {
  /** The "for me" queue, as `review.queue` answers it; null when nobody has a newsroom role (nothing waits). */
  queue(): Promise<ReviewQueue | null>;
  events: Pick<EventBus, 'emit'>;
  /** A hub that cannot be read is not a change: the queue screen says why when it is opened. */
  onError?(error: unknown): void;
}

function fingerprintOf(queue: ReviewQueue | null): string {
  return JSON.stringify((queue?.entries ?? []).map((e) => [e.articleId, e.status, e.updatedAt, e.openComments]));
}

export function createReviewQueueWatch(options: ReviewQueueWatchOptions): ReviewQueueWatch {
  let announced: string | null = null;
  let running: Promise<void> | null = null;
  let again = false;

  const look = async (known: ReviewQueue | null | undefined): Promise<void> => {
    try {
      const queue = known === undefined ? await options.queue() : known;
      const fingerprint = fingerprintOf(queue);
      if (fingerprint === announced) return;
      announced = fingerprint;
      options.events.emit('review.queueChanged', { waiting: queue?.entries.length ?? 0 });
    } catch (error) {
      options.onError?.(error);
    }
  };

  const check = (known?: ReviewQueue | null): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = look(known).finally(() => {
      running = null;
      if (again) {
        again = false;
        void check();
      }
    });
    return running;
  };
  return { check };
}
