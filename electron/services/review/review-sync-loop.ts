// Runs in: services. What was recorded while the review hub could not be reached goes out as soon as
// it can: one run at start, one every `intervalMs`, one when the network comes back. A run sends what
// waits, then follows what the desk did meanwhile (the library shows the hub's status too), then
// tells the queue watch what waits for this person, all from one listing of the hub.
import type { Logger } from '../log/logger';
import type { ReviewQueueWatch } from './review-queue-watch';
import type { ReviewService } from './review-service';

/** How often work recorded while the review hub was unreachable is offered to it again. */
export const REVIEW_SYNC_MS = 30_000;
/** Quitting waits at most this long for a run stuck on an unreachable hub; its writes are atomic anyway. */
export const CLOSE_WAIT_MS = 5_000;

export interface ReviewSyncLoopOptions {
  review: Pick<ReviewService, 'syncPending' | 'followHub'>;
  queueWatch: Pick<ReviewQueueWatch, 'check'>;
  logger: Logger;
  /** @default REVIEW_SYNC_MS */
  intervalMs?: number;
}

export interface ReviewSyncLoop {
  /**
   * Runs soon. `online`: the network just came back, so everything waiting is tried now (refused
   * work too), and a run already going (stuck on the dead hub) is followed by a fresh one.
   */
  soon(online?: boolean): void;
  /** Stops the timer and waits (a bounded while) for a run under way. */
  close(): Promise<void>;
}

export function startReviewSyncLoop(options: ReviewSyncLoopOptions): ReviewSyncLoop {
  const { review, queueWatch, logger } = options;
  let syncing: Promise<unknown> | null = null;
  let runAgain = false;

  const soon = (online = false): void => {
    // One run at a time: a hub that hangs must not pile runs up behind it.
    if (syncing) {
      runAgain ||= online;
      return;
    }
    syncing = review
      .syncPending({ onlyDue: !online })
      .catch((error: unknown) => logger.warn('[services] review hub sync failed:', error))
      .then(() => review.followHub())
      .then(
        (followed) => queueWatch.check(followed.forMe),
        (error: unknown) => {
          logger.warn('[services] the review hub could not be followed:', error);
          return queueWatch.check();
        },
      )
      .finally(() => {
        syncing = null;
        if (runAgain) {
          runAgain = false;
          soon(true);
        }
      });
  };

  soon();
  const timer = setInterval(() => soon(), options.intervalMs ?? REVIEW_SYNC_MS);
  timer.unref();

  return {
    soon,
    async close() {
      clearInterval(timer);
      runAgain = false;
      if (syncing) await Promise.race([syncing, new Promise((resolve) => setTimeout(resolve, CLOSE_WAIT_MS).unref())]);
    },
  };
}
