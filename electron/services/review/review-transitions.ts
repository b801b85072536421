// Runs in: services. Workflow actions through the state machine in common/workflow: the hub is
// written first and the library second, so a refused hub write changes nothing on this machine.
// Also what publishing asks of the workflow: may this person put it live, approve it first, and
// record a publication that already happened.
import { AppError } from '../../../common/app-error';
import type { Article, ArticleStatus } from '../../../common/article';
import { reanchorAll } from '../../../common/workflow/review-comment';
import { DESK, type ReviewState } from '../../../common/workflow/review-contract';
import { transition } from '../../../common/workflow/workflow-machine';
import { appendEvent, currentStatusOf, ownerOf } from '../../../common/workflow/workflow-history';
import { isHubUnreachable } from './hub-unreachable';
import { deferred, writeToHub, type TransitionRequest } from './hub-write';
import { consistent, requireProfile, type ReviewContext } from './review-context';
import { syncedAfter } from './review-record-store';
import { stateOf } from './review-state';

export interface PublicationOutcome {
  status: 'published' | 'scheduled';
  scheduledAt: string | null;
}

export interface ReviewTransitions {
  /**
   * One workflow action, run on the article's queue by the caller. `local` records it on this
   * machine only (an article that never went to a hub); `rebase` takes the hub's current token
   * first (recording our own publishing job, which itself changed the WordPress post); `recordAnyway`
   * records what already happened (a publication) here whatever the hub answers, and leaves the hub
   * write waiting with the reason, retried later.
   */
  run(id: string, request: TransitionRequest, mode?: { local?: boolean; rebase?: boolean; recordAnyway?: boolean }): Promise<ReviewState>;
  /** Throws unless the workflow lets the user put the article live now (publish.start asks first). */
  checkMayPublish(articleId: string, publishStatus: string): Promise<void>;
  /** "Approve and publish": approves a submitted story (an approved one stays as it is). */
  approveForPublish(articleId: string): Promise<void>;
  /** A publishing job went live (or was scheduled): record it in the workflow. Never throws. */
  recordPublished(articleId: string, outcome: PublicationOutcome): Promise<void>;
  /** Resolves once a publication being recorded for the article is in its history. */
  recorded(articleId: string): Promise<void>;
  /** Resolves once every publication being recorded is in its history (on close, before the library goes). */
  settled(): Promise<void>;
}

export function createReviewTransitions(ctx: ReviewContext): ReviewTransitions {
  const { library, records } = ctx;
  // Publications being recorded: reading an article's state waits for them, so the panel that
  // reloads when a job is done sees the article published.
  const recording = new Map<string, Promise<void>>();

  const run: ReviewTransitions['run'] = async (id, request, mode = {}) => {
    const profile = await requireProfile(ctx);
    const record = await records.get(id);
    const article = await consistent(ctx, await library.get(id), record);
    if (request.action === 'submit' && !mode.local && article.headline.trim() === '') {
      throw new AppError('invalid-input', 'Give the story a headline before sending it for review: the desk finds stories by their headlines.', { kind: 'headline-missing', field: 'headline' });
    }
    const at = ctx.now();
    const history = { schemaVersion: 1 as const, events: record.history };
    const result = transition({ status: article.status, owner: ownerOf(history) }, request.action, profile, {
      id: ctx.newId(),
      at,
      note: request.note,
      scheduledAt: request.scheduledAt,
      revision: article.revision,
    });
    const events = appendEvent(history, result.event).events;
    const moved: Article = { ...article, status: result.status };
    const comments = reanchorAll(record.comments, article.body);
    let hub = record.hub;
    let pendingSync = record.pendingSync;
    const sendsToHub = !mode.local && (request.action === 'submit' || record.hub !== null);
    if (sendsToHub && pendingSync) {
      // Something already waits to be sent: this goes with it, in order.
      if (request.action === 'submit') pendingSync = { ...pendingSync, kind: 'submit', to: request.to ?? pendingSync.to };
      // Recording a publication: the story is live, so what waits is sent on the hub's current
      // token even if it was held back as a conflict (the hub keeps its own comments then).
      if (mode.rebase) pendingSync = { ...pendingSync, rebase: true, conflict: false, refused: false, refusals: 0, lastError: null, lastTriedAt: null };
    } else if (sendsToHub) {
      try {
        hub = await writeToHub(ctx, request, moved, record, { events, comments, profile, at, rebase: mode.rebase ?? false });
      } catch (error) {
        if (!isHubUnreachable(error) && !mode.recordAnyway) throw error;
        // Offline, or the share is not mounted: recorded here, sent when the hub can be reached.
        pendingSync = deferred(request.action === 'submit' ? 'submit' : 'update', request.to ?? record.hub?.submittedTo ?? DESK, at, error, mode.rebase ?? false);
      }
    }
    const saved = await library.setStatus(id, result.status);
    ctx.onChange?.(id);
    // The revision that was sent, not whatever autosave landed while the hub was being written.
    const link = hub && !pendingSync ? { ...hub, localRevision: article.revision } : hub;
    const next = await records.update(id, (r) => ({
      ...r,
      history: events,
      comments,
      submitted: request.action === 'submit' ? { article: moved, at } : r.submitted,
      hub: link,
      synced: syncedAfter(link, moved, r.synced),
      pendingSync,
    }));
    if (request.action === 'spike') await ctx.onSpiked?.(id).catch((error: unknown) => ctx.logger.warn(`[review] could not stop queued publishing of ${id}:`, error));
    return stateOf(ctx, saved, next);
  };

  const checkMayPublish: ReviewTransitions['checkMayPublish'] = async (articleId, publishStatus) => {
    if (publishStatus !== 'published' && publishStatus !== 'scheduled') return;
    const [article, record, actor] = await Promise.all([library.get(articleId), records.get(articleId), ctx.profile()]);
    const status = record.history.length > 0 ? currentStatusOf({ schemaVersion: 1, events: record.history }) : article.status;
    const label = `"${article.headline || 'This article'}"`;
    if (status === 'spiked') throw new AppError('conflict', `${label} was spiked; an editor must reopen it before it can be published.`, { kind: 'spiked', headline: article.headline || articleId, status });
    if (!actor && (record.history.length > 0 || record.hub)) {
      throw new AppError('permission-denied', `${label} is in the review workflow: set your name and role in Settings; only editors can publish it.`, { kind: 'publish-needs-profile', headline: article.headline || articleId });
    }
    if (actor?.role === 'reporter') {
      throw new AppError('permission-denied', 'Only editors can publish articles: submit it for review, and an editor will approve and publish it.', { kind: 'publish-editors-only' });
    }
  };

  const recordPublication = async (articleId: string, outcome: PublicationOutcome): Promise<void> => {
    try {
      const profile = await ctx.profile();
      const record = await records.get(articleId);
      const article = await consistent(ctx, await library.get(articleId), record);
      const target: ArticleStatus = outcome.status === 'published' ? 'published' : 'scheduled';
      if (article.status === target && outcome.status === 'published') return;
      if (!profile) {
        // No newsroom profile and never in the workflow (checkMayPublish refused the rest): one person working alone.
        if (record.history.length === 0 && !record.hub) {
          await library.setStatus(articleId, target);
          ctx.onChange?.(articleId);
        }
        return;
      }
      // A story that never went to a hub is recorded on this machine only, however it got here.
      const local = record.hub === null;
      // An editor publishing a story nobody approved yet approves it by publishing it.
      // The story is live whatever the hub says: a hub that refuses the record now (a damaged
      // package, a server error) gets it later, and the panel shows why it is still waiting.
      if (profile.role === 'editor' && (article.status === 'draft' || article.status === 'changes_requested')) {
        await run(articleId, { action: 'submit', to: DESK }, { local, recordAnyway: true });
      }
      if (profile.role === 'editor' && (await library.get(articleId)).status === 'submitted') {
        await run(articleId, { action: 'approve' }, { local, recordAnyway: true });
      }
      await run(
        articleId,
        outcome.status === 'published' ? { action: 'publish' } : { action: 'schedule', scheduledAt: outcome.scheduledAt ?? undefined },
        { local, rebase: true, recordAnyway: true },
      );
    } catch (error) {
      ctx.logger.warn(`[review] could not record the publication of ${articleId} in its workflow history:`, error);
    }
  };

  const recordPublished: ReviewTransitions['recordPublished'] = (articleId, outcome) => {
    const recorded = (recording.get(articleId) ?? Promise.resolve()).then(() => ctx.queue.run(articleId, () => recordPublication(articleId, outcome)));
    recording.set(articleId, recorded);
    void recorded.then(() => {
      if (recording.get(articleId) === recorded) recording.delete(articleId);
    });
    return recorded;
  };

  const approveForPublish: ReviewTransitions['approveForPublish'] = (articleId) =>
    ctx.queue.run(articleId, async () => {
      const status = (await library.get(articleId)).status;
      if (status === 'approved' || status === 'scheduled') return;
      await run(articleId, { action: 'approve' });
    });

  const settled = async (): Promise<void> => {
    while (recording.size > 0) await Promise.all([...recording.values()]);
  };
  return { run, checkMayPublish, approveForPublish, recordPublished, recorded: async (articleId) => void (await recording.get(articleId)), settled };
}
