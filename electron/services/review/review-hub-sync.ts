// Runs in: services. Sending what was recorded while the hub could not be reached: one article's
// waiting work (the whole article, history and comments as they are now), every article's on the
// periodic run (refused work only when its turn came, sync-due.ts), and "Send changes", an update
// of the package the article is in made on its own.
import { recordedError } from '../../../common/errors/recorded-error';
import { AppError, isAppError } from '../../../common/app-error';
import type { OperationHandlers } from '../../../common/contract';
import { reanchorAll } from '../../../common/workflow/review-comment';
import type { HubLink } from '../../../common/workflow/review-contract';
import { ownerOf } from '../../../common/workflow/workflow-history';
import { isHubUnreachable } from './hub-unreachable';
import { packageGone, tokenAfter, updateOrQueue } from './hub-write';
import { consistent, hubOf, requireProfile, type ReviewContext } from './review-context';
import { mayChange, stateOf } from './review-state';
import { isSyncDue } from './sync-due';
import { syncedAfter } from './review-record-store';

export interface ReviewHubSync {
  handlers: Pick<OperationHandlers, 'review.sync' | 'review.sendChanges'>;
  /** Sends one article's waiting work, on its queue. */
  syncOne(id: string): Promise<void>;
  /** The same, for a caller already on the article's queue. */
  syncUnqueued(id: string): Promise<void>;
  /** Tries to send everything waiting; returns how much still waits. `onlyDue`: the periodic run. */
  syncPending(options?: { onlyDue?: boolean }): Promise<number>;
}

export function createReviewHubSync(ctx: ReviewContext): ReviewHubSync {
  const { library, records } = ctx;

  /** Sends one article's waiting changes: the whole article, history and comments as they are now. */
  function syncOne(id: string): Promise<void> {
    return ctx.queue.run(id, () => syncUnqueued(id));
  }

  async function syncUnqueued(id: string): Promise<void> {
    const record = await records.get(id);
    const pending = record.pendingSync;
    // A publication waiting to be recorded is always sent, even from a record that held it as a conflict.
    if (!pending || (pending.conflict && !pending.rebase)) return;
    const profile = await ctx.profile();
    if (!profile) return;
    const at = ctx.now();
    try {
      const article = await library.get(id);
      const hub = record.hub ? await hubOf(ctx, record.hub) : await ctx.hub();
      const comments = reanchorAll(record.comments, article.body);
      // After our own publishing job the hub's token moved (WordPress): take the current one.
      const base = record.hub ? (pending.rebase ? ((await hub.currentRevision(id)) ?? record.hub.hubRevision) : record.hub.hubRevision) : null;
      const moved = record.hub !== null && base !== record.hub.hubRevision;
      const send = (kind: 'submit' | 'update', baseHubRevision: number | null) =>
        kind === 'submit' || baseHubRevision === null
          ? hub.submit(article, { by: profile, to: pending.to, history: record.history, comments, baseHubRevision })
          : // Rebased over someone else's write: the hub's comments stay as they are (as in writeToHub).
            hub.update(id, { article, history: record.history, ...(moved ? {} : { comments }), by: profile, baseHubRevision });
      let written;
      let resubmitted = false;
      try {
        written = await send(pending.kind, base);
      } catch (error) {
        // The package was removed from the hub meanwhile: what was done here goes back in as new.
        if (!packageGone(error)) throw error;
        written = await send('submit', null);
        resubmitted = true;
      }
      const link: HubLink = {
        kind: hub.kind,
        location: hub.location,
        hubRevision: record.hub && !resubmitted ? tokenAfter(record.hub.hubRevision, moved, written) : written.hubRevision,
        submittedTo: pending.kind === 'submit' ? pending.to : (record.hub?.submittedTo ?? pending.to),
        syncedAt: at,
        localRevision: article.revision,
        keepsComments: written.keepsComments,
      };
      await records.update(id, (r) => ({
        ...r,
        hub: link,
        pendingSync: null,
        synced: syncedAfter(link, article, r.synced),
        // A submission made offline: what went out is the submitted version (edits since included).
        submitted: pending.kind === 'submit' ? { article, at: r.submitted?.at ?? at } : r.submitted,
      }));
    } catch (error) {
      // Someone else changed the article in the hub: only a person can decide. A hub switched in
      // Settings, an unreachable hub, anything else: tried again later.
      // A publication being recorded (rebase) is never held back for a person: the story is live,
      // so the next try takes the hub's token again rather than letting "get the latest" undo it.
      const conflict = !pending.rebase && isAppError(error) && error.code === 'conflict' && !(error.details as { articleHub?: unknown } | undefined)?.articleHub;
      const failure = recordedError(error);
      const message = failure.message.replace(/\.$/, '');
      await records.update(id, (r) =>
        r.pendingSync
          ? {
              ...r,
              pendingSync: {
                ...r.pendingSync,
                attempts: r.pendingSync.attempts + 1,
                conflict,
                refused: !conflict && !isHubUnreachable(error),
                refusals: !conflict && !isHubUnreachable(error) ? r.pendingSync.refusals + 1 : 0,
                lastTriedAt: at,
                lastError: { ...failure, message: conflict ? `${message}. What you did here was not sent: get the latest from the review hub and do it again.` : `${message}.` },
              },
            }
          : r,
      );
    }
  }

  /** `onlyDue`: the periodic run, which offers refused work again only when its turn came (sync-due.ts). */
  async function syncPending(options: { onlyDue?: boolean } = {}): Promise<number> {
    let left = 0;
    const at = new Date(ctx.now());
    for (const id of await records.pendingIds()) {
      const waiting = options.onlyDue ? (await records.get(id).catch(() => null))?.pendingSync : null;
      if (waiting && !isSyncDue(waiting, at)) {
        left++;
        continue;
      }
      await syncOne(id).catch((error: unknown) => ctx.logger.warn(`[review] could not send ${id} to the review hub:`, error));
      if ((await records.get(id).catch(() => null))?.pendingSync) left++;
    }
    return left;
  }

  const sendChanges: ReviewHubSync['handlers']['review.sendChanges'] = ({ id }) =>
    ctx.queue.run(id, async () => {
      const profile = await requireProfile(ctx);
      const record = await records.get(id);
      const article = await consistent(ctx, await library.get(id), record);
      const owner = ownerOf({ schemaVersion: 1, events: record.history });
      const label = `"${article.headline || id}"`;
      if (!record.hub) throw new AppError('not-found', `${label} is not in the review hub yet: submit it first.`, { kind: 'hub-not-submitted', headline: article.headline || id });
      if (!mayChange(article.status, record, profile, owner)) {
        throw new AppError(
          'permission-denied',
          `${label} is ${article.status.replace('_', ' ')}: its changes go to the review hub with the next workflow action${profile.role === 'reporter' ? ' by the desk' : ''}, not on their own.`,
          { kind: 'changes-wait-for-action', headline: article.headline || id, status: article.status },
        );
      }
      const alreadyWaiting = record.pendingSync !== null;
      const { hub, pendingSync } = await updateOrQueue(ctx, id, record.hub, record.pendingSync, ctx.now(), {
        article,
        history: record.history,
        comments: reanchorAll(record.comments, article.body),
        by: profile,
      });
      // With work already waiting, the whole article goes with it anyway.
      const next = await records.update(id, (r) => ({ ...r, hub, pendingSync, synced: syncedAfter(hub, article, r.synced) }));
      if (alreadyWaiting) await syncUnqueued(id);
      return stateOf(ctx, article, pendingSync ? await records.get(id) : next);
    });

  return {
    handlers: {
      'review.sendChanges': sendChanges,
      'review.sync': async ({ id }) => {
        if (id) await syncOne(id);
        return { pending: id ? ((await records.get(id)).pendingSync ? 1 : 0) : await syncPending() };
      },
    },
    syncOne,
    syncUnqueued,
    syncPending,
  };
}
