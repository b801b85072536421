// Runs in: services. The editorial workflow behind the review operations, put together from its
// parts: workflow actions (review-transitions), comments (review-comments), sending to the hub
// (review-hub-sync, hub-write), opening a hub's version (review-open), the diff (review-diff), the
// queue (review-queue-view) and following the hub (hub-status-follower). The hub is written first
// and the library second, so a refused hub write (someone else changed the article, the hub is
// unreachable) changes nothing on this machine; the library status is repaired from the history if
// a local write after a hub write failed.
import type { OperationHandlers } from '../../../common/contract';
import type { ReviewQueue } from '../../../common/workflow/review-contract';
import { consoleLogger, type Logger } from '../log/logger';
import { KeyedQueue } from '../store/keyed-queue';
import { createHubStatusFollower } from './hub-status-follower';
import { consistent, type ReviewContext } from './review-context';
import { reviewCommentHandlers } from './review-comments';
import { reviewDiffHandler } from './review-diff';
import { createReviewHubSync } from './review-hub-sync';
import { reviewOpenHandler } from './review-open';
import { queueFilter, queueView } from './review-queue-view';
import { stateOf } from './review-state';
import { createReviewTransitions, type PublicationOutcome } from './review-transitions';

export type { ReviewLibrary } from './review-context';

export type ReviewOperation =
  | 'review.get'
  | 'review.transition'
  | 'review.queue'
  | 'review.open'
  | 'review.diff'
  | 'review.sync'
  | 'review.sendChanges'
  | 'comments.add'
  | 'comments.reply'
  | 'comments.resolve'
  | 'comments.reopen';

export type ReviewHandlers = Pick<OperationHandlers, ReviewOperation>;

/** The review context without what the service makes itself (the per-article queue); the clock and logger are optional. */
export type ReviewServiceOptions = Omit<ReviewContext, 'now' | 'queue' | 'logger'> & {
  now?: () => Date;
  /** Where problems are written. @default consoleLogger */
  logger?: Logger;
};

export interface ReviewService {
  handlers: ReviewHandlers;
  /** Throws unless the workflow lets the user put the article live now (publish.start asks first). */
  checkMayPublish(articleId: string, publishStatus: string): Promise<void>;
  /** "Approve and publish": approves a submitted story (an approved one stays as it is). */
  approveForPublish(articleId: string): Promise<void>;
  /** Tries to send everything recorded while the hub could not be reached; returns how much still waits. */
  syncPending(options?: { onlyDue?: boolean }): Promise<number>;
  /**
   * Brings what the hub says happened to this user's stories into their records: `learned` are
   * those ids; `forMe` is what waits for this person, from the same listing of the hub.
   */
  followHub(): Promise<{ learned: string[]; forMe: ReviewQueue | null }>;
  /** A publishing job went live (or was scheduled): record it in the workflow. Never throws. */
  recordPublished(articleId: string, outcome: PublicationOutcome): Promise<void>;
  /** Waits for the publications still being recorded; call after publishing closed, before the library. */
  close(): Promise<void>;
}

export function createReviewService(options: ReviewServiceOptions): ReviewService {
  const clock = options.now ?? (() => new Date());
  const ctx: ReviewContext = {
    library: options.library,
    records: options.records,
    profile: options.profile,
    hub: options.hub,
    ...(options.onChange ? { onChange: options.onChange } : {}),
    ...(options.onSpiked ? { onSpiked: options.onSpiked } : {}),
    newId: options.newId,
    now: () => clock().toISOString(),
    queue: new KeyedQueue(),
    logger: options.logger ?? consoleLogger,
  };
  const transitions = createReviewTransitions(ctx);
  const sync = createReviewHubSync(ctx);
  const follower = createHubStatusFollower({ hub: ctx.hub, records: ctx.records, library: ctx.library, queue: ctx.queue, ...(ctx.onChange ? { onChange: ctx.onChange } : {}) });

  const handlers: ReviewHandlers = {
    'review.get': async ({ id }) => {
      await transitions.recorded(id);
      return ctx.queue.run(id, async () => {
        const record = await ctx.records.get(id);
        return stateOf(ctx, await consistent(ctx, await ctx.library.get(id), record), record);
      });
    },
    'review.transition': ({ id, action, note, scheduledAt, to }) => ctx.queue.run(id, () => transitions.run(id, { action, note, scheduledAt, to })),
    'review.queue': async ({ scope }) => {
      const hub = await ctx.hub();
      const profile = await ctx.profile();
      const filter = queueFilter(scope, profile);
      // Nobody to wait for without a name: "for me" is empty until the profile is set.
      return queueView(hub, filter === null ? { entries: [], problems: [] } : await hub.list(filter), scope, profile);
    },
    'review.open': reviewOpenHandler(ctx, sync),
    'review.diff': reviewDiffHandler(ctx),
    ...sync.handlers,
    ...reviewCommentHandlers(ctx),
  };

  const followHub: ReviewService['followHub'] = async () => {
    const profile = await ctx.profile();
    if (profile === null) return { learned: [], forMe: null };
    // One listing of the whole hub serves both the follower and the queue of what waits.
    const hub = await ctx.hub();
    const listing = await hub.list({});
    return { learned: await follower.follow({ hub, listing }), forMe: queueView(hub, listing, 'for-me', profile) };
  };

  return {
    handlers,
    checkMayPublish: transitions.checkMayPublish,
    approveForPublish: transitions.approveForPublish,
    syncPending: sync.syncPending,
    followHub,
    recordPublished: transitions.recordPublished,
    close: transitions.settled,
  };
}
