// Runs in: services. Writing one article's review package to the hub, and what a failed write
// means: an unreachable hub is worth retrying later (the work waits in the record), a package gone
// from the hub is submitted again, and the token remembered after a rebased write keeps comments
// nobody here has seen from being replaced.
import { recordedError } from '../../../common/errors/recorded-error';
import type { Article } from '../../../common/article';
import { isAppError } from '../../../common/app-error';
import type { NewsroomProfile } from '../../../common/workflow/newsroom-profile';
import type { ReviewComment } from '../../../common/workflow/review-comment';
import { DESK, type HubLink } from '../../../common/workflow/review-contract';
import type { WorkflowAction, WorkflowEvent } from '../../../common/workflow/workflow-event';
import { isHubUnreachable } from './hub-unreachable';
import { hubOf, type ReviewContext } from './review-context';
import type { HubWriteResult, UpdateOptions } from './review-package';
import type { ReviewRecord } from './review-record-store';

export interface TransitionRequest {
  action: WorkflowAction;
  note?: string;
  scheduledAt?: string;
  to?: string;
}

type PendingSync = ReviewRecord['pendingSync'];

/**
 * A change to a package already in the hub, written now; or, when the hub cannot be reached,
 * recorded to go with the next sync. With work already waiting it joins that work unsent.
 */
export async function updateOrQueue(
  ctx: Pick<ReviewContext, 'hub'>,
  id: string,
  link: HubLink,
  waiting: PendingSync,
  at: string,
  change: Omit<UpdateOptions, 'baseHubRevision'>,
): Promise<{ hub: HubLink; pendingSync: PendingSync }> {
  if (waiting) return { hub: link, pendingSync: waiting };
  try {
    const written = await (await hubOf(ctx, link)).update(id, { ...change, baseHubRevision: link.hubRevision });
    const localRevision = change.article ? change.article.revision : link.localRevision;
    return { hub: { ...link, hubRevision: written.hubRevision, syncedAt: at, localRevision, keepsComments: written.keepsComments }, pendingSync: null };
  } catch (error) {
    if (!isHubUnreachable(error)) throw error;
    return { hub: link, pendingSync: deferred('update', link.submittedTo, at, error) };
  }
}

/** Sends a workflow action's result: a submission, or an update of the package the article is in (null: in no hub). */
export async function writeToHub(
  ctx: Pick<ReviewContext, 'hub'>,
  request: TransitionRequest,
  article: Article,
  record: ReviewRecord,
  w: { events: WorkflowEvent[]; comments: ReviewComment[]; profile: NewsroomProfile; at: string; rebase: boolean },
): Promise<HubLink | null> {
  if (request.action === 'submit') {
    const hub = record.hub ? await hubOf(ctx, record.hub) : await ctx.hub();
    const to = request.to ?? record.hub?.submittedTo ?? DESK;
    const written = await hub.submit(article, { by: w.profile, to, history: w.events, comments: w.comments, baseHubRevision: record.hub?.hubRevision ?? null });
    return {
      kind: hub.kind,
      location: hub.location,
      hubRevision: written.hubRevision,
      submittedTo: to,
      syncedAt: w.at,
      localRevision: article.revision,
      keepsComments: written.keepsComments,
    };
  }
  if (!record.hub) return null;
  const hub = await hubOf(ctx, record.hub);
  const base = w.rebase ? ((await hub.currentRevision(article.id)) ?? record.hub.hubRevision) : record.hub.hubRevision;
  const moved = base !== record.hub.hubRevision;
  // A write rebased over someone else's leaves the comments as the hub has them.
  const written = await hub.update(article.id, { article, history: w.events, ...(moved ? {} : { comments: w.comments }), by: w.profile, baseHubRevision: base });
  return { ...record.hub, hubRevision: tokenAfter(record.hub.hubRevision, moved, written), syncedAt: w.at, keepsComments: written.keepsComments };
}

/**
 * The hub token to remember after a write. A write rebased over a token that moved (someone else
 * wrote: a comment, or our own publishing job on WordPress) left the hub's comments as they are, and
 * this machine has not seen them; keeping the old token makes the next comment or action from here
 * meet a conflict and take the latest first, instead of replacing comments it never saw. A hub that
 * keeps no comments has nothing to lose.
 */
export function tokenAfter(previous: number, moved: boolean, written: HubWriteResult): number {
  return moved && written.keepsComments ? previous : written.hubRevision;
}

/** Work waiting to be sent; `error` is why the attempt just made failed (null: none was made). */
export function deferred(kind: 'submit' | 'update', to: string, at: string, error: unknown, rebase = false): NonNullable<PendingSync> {
  if (error === null) return { kind, to, since: at, attempts: 0, lastError: null, conflict: false, refused: false, refusals: 0, lastTriedAt: null, rebase };
  const lastError = recordedError(error);
  const refused = !isHubUnreachable(error);
  return { kind, to, since: at, attempts: 1, lastError, conflict: false, refused, refusals: refused ? 1 : 0, lastTriedAt: at, rebase };
}

/** The hub no longer has the package (someone removed it): sending again means submitting it as new. */
export function packageGone(error: unknown): boolean {
  if (!isAppError(error)) return false;
  if (error.code === 'not-found') return true;
  return error.code === 'conflict' && (error.details as { hubRevision?: unknown } | undefined)?.hubRevision === null;
}
