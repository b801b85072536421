// Runs in: services. Opening the hub's version of an article: what waits to be sent goes first,
// changes the hub has not seen are never replaced unasked, the hub's version is checked before it is
// taken, and the record keeps the bases of the diff view ("since you last saw it", "since it was
// submitted").
import { AppError, isAppError } from '../../../common/app-error';
import type { Article } from '../../../common/article';
import type { OperationHandlers } from '../../../common/contract';
import type { MergeSummary } from '../../../common/workflow/review-contract';
import { docBoundsProblem } from '../../../common/doc-bounds';
import { authorIdOf } from '../../../common/editor/author-colour';
import { editorArticleSchema } from '../../../common/editor/editor-schema';
import type { NewsroomProfile } from '../../../common/workflow/newsroom-profile';
import type { WorkflowEvent } from '../../../common/workflow/workflow-event';
import { currentStatusOf } from '../../../common/workflow/workflow-history';
import { contentHash } from './canonical-json';
import { deferred, updateOrQueue } from './hub-write';
import { mergeArticle, type ArticleMerge, type MergeSuggestion } from './merge-article';
import { consistent, type ReviewContext } from './review-context';
import type { ReviewHubSync } from './review-hub-sync';
import type { OpenedPackage } from './review-package';
import { mergeBaseOf, type ReviewRecord } from './review-record-store';
import { stateOf } from './review-state';

export function reviewOpenHandler(ctx: ReviewContext, sync: Pick<ReviewHubSync, 'syncUnqueued'>): OperationHandlers['review.open'] {
  const { library, records } = ctx;
  const open: OperationHandlers['review.open'] = ({ id, replaceLocal, merge }) =>
    ctx.queue.run(id, async () => {
      const profile = await ctx.profile();
      const hub = await ctx.hub();
      // What waits to be sent goes first: opening must never drop it.
      if ((await records.get(id)).pendingSync?.conflict === false) await sync.syncUnqueued(id);
      const record = await records.get(id);
      if (record.pendingSync?.rebase) {
        // Taking the hub's version now would undo a publication the hub has not recorded yet.
        const title = (await library.get(id).catch(() => null))?.headline || id;
        throw new AppError(
          'conflict',
          `"${title}" was published from this computer and the review hub has not recorded that yet${record.pendingSync.lastError ? ` (${record.pendingSync.lastError.message.replace(/\.$/, '')})` : ''}. Dateline keeps sending it; the hub's version can be opened once it is recorded. Use "Send now" to try at once.`,
          { kind: 'hub-publication-unsent', headline: title, publicationPending: true },
        );
      }
      const local = await library.get(id).catch((error: unknown) => {
        if (isAppError(error) && error.code === 'not-found') return null;
        throw error;
      });
      const localChanges = local !== null && hasLocalChanges(local, record);
      // The hub has not changed since this computer last exchanged the story with it (a second
      // "Get the latest" after a merge or a send): there is nothing to get, so nothing to ask.
      if (local && localChanges && !replaceLocal && record.hub && (await hub.currentRevision(id)) === record.hub.hubRevision) {
        return { ...(await stateOf(ctx, local, record)), merged: NOTHING_NEW };
      }
      // The version both last had: without it a merge cannot tell whose change a difference is.
      const base = localChanges && merge ? mergeBaseOf(record) : null;
      if (local && localChanges && merge && !base) {
        throw new AppError(
          'conflict',
          `"${local.headline || id}" cannot be merged with the review hub's version: this computer does not hold the version it last exchanged with the hub. Open the hub's version instead; yours is kept under Revisions.`,
          { kind: 'merge-base-missing', headline: local.headline || id, localChanges: true, localRevision: local.revision, mergeable: false },
        );
      }
      if (local && localChanges && !replaceLocal && !merge) {
        const unsent = record.pendingSync ? unsentActions(record) : [];
        const mergeable = mergeBaseOf(record) !== null;
        throw new AppError(
          'conflict',
          `"${local.headline || id}" has changes on this computer that the review hub has not seen. Opening the hub's version replaces them; your version is kept under Revisions${
            unsent.length > 0 ? ` and your comments are kept, but what you did here (${unsent.join('; ')}) was not sent and must be done again` : ''
          }.`,
          unsent.length > 0
            ? { kind: 'local-changes-and-actions-unsent', headline: local.headline || id, localChanges: true, localRevision: local.revision, actions: unsent.length, mergeable }
            : { kind: 'local-changes-unsent', headline: local.headline || id, localChanges: true, localRevision: local.revision, mergeable },
        );
      }
      const opened = await hub.open(id);
      checkOpened(id, opened.article, opened.history);
      const changed = !local || !sameContent(local, opened.article);
      // A merge cut short (written, the record not): finished as it was, not merged again.
      const resumed = merge && local && record.merging?.revision === local.revision && record.merging.hubRevision === opened.hubRevision ? record.merging : null;
      // Merged and checked before anything is written: a merge that cannot be kept changes nothing.
      const merged = !resumed && local && base && changed ? mergeChecked(base, local, opened.article, { id: ctx.newId(), authorId: authorIdOf(profile?.name ?? ''), authorName: profile?.name ?? '', at: ctx.now() }) : null;
      // The hub brought nothing this copy lacks (a second Merge, or the desk made the same edits): nothing is written.
      const nothingNew = local !== null && merged !== null && sameContent(local, merged.article);
      const summary = resumed?.summary ?? (merged && nothingNew ? { ...merged.summary, nothingNew } : merged?.summary) ?? null;
      const mergeDiffers = resumed !== null || (merged !== null && !nothingNew && contentHash(merged.article) !== contentHash(opened.article));
      // Merging: one write, the merge in place of this copy (which is kept under Revisions). The
      // record says so first, and names the hub's version only after it.
      if (local && merged && mergeDiffers && summary) {
        await records.update(id, (r) => ({ ...r, merging: { hubRevision: opened.hubRevision, revision: local.revision + 1, lastSeen: local, summary } }));
      }
      let article: Article;
      if ((resumed || nothingNew) && local) article = local;
      else if (merged && mergeDiffers) article = await library.importVersion(merged.article, { who: profile?.name ?? '' });
      else if (changed) article = await library.importVersion(opened.article, { who: profile?.name ?? '' });
      else article = await consistent(ctx, local, { ...record, history: opened.history.length > 0 ? opened.history : record.history });
      // The hub's version stands for the revision before the merge: what came after it is unsent.
      // With nothing new, the revision last agreed stays.
      const agreedRevision = nothingNew ? (record.hub?.localRevision ?? 0) : mergeDiffers ? article.revision - 1 : article.revision;
      ctx.onChange?.(id);
      const at = ctx.now();
      // Comments written here that the hub does not have yet are kept and sent with the next write.
      const localOnly = record.comments.filter((c) => !opened.comments.some((o) => o.id === c.id));
      const next = await records.update(id, (r) => ({
        ...r,
        // After a merge nothing is queued: the periodic sync would send the whole unchecked merge.
        pendingSync: localOnly.length > 0 && !summary ? deferred('update', opened.submittedTo, at, null) : null,
        merging: null,
        // A hub that keeps no history (WordPress without the companion plugin): ours stays while it
        // agrees with the hub's status; when it does not, the hub's status wins.
        history:
          opened.history.length > 0 || r.history.length === 0 || currentStatusOf({ schemaVersion: 1, events: r.history }) !== opened.article.status
            ? opened.history
            : r.history,
        comments: [...opened.comments, ...localOnly],
        hub: {
          kind: hub.kind,
          location: hub.location,
          hubRevision: opened.hubRevision,
          submittedTo: opened.submittedTo,
          syncedAt: at,
          localRevision: agreedRevision,
          keepsComments: opened.keepsComments,
        },
        previousSubmission: opened.previousSubmission,
        submitted: submittedVersion(opened, r.submitted),
        // With nothing new, this copy already holds the hub's version: that is the base from now on.
        synced: nothingNew || mergeDiffers ? { ...opened.article, revision: agreedRevision, createdAt: article.createdAt } : article,
        // What this person saw before taking the newer version: "changes since you last saw it".
        lastSeen: resumed ? { article: resumed.lastSeen, at } : local && changed && !nothingNew ? { article: local, at } : r.lastSeen,
      }));
      if (!summary) return stateOf(ctx, article, next);
      // Comments written here go now, on their own; if the hub cannot take them they go with the
      // writer's next send, which the merge waits for anyway.
      const settled = localOnly.length > 0 && profile ? await sendCommentsAlone(ctx, id, next, profile, at) : next;
      return { ...(await stateOf(ctx, article, settled)), merged: summary };
    });
  return open;
}

/**
 * Sends the record's comments without the article. If the hub cannot take them now, they wait for
 * the writer's next send or action, which carries them with the merge: queued as before, the
 * periodic sync would send the whole article, the merge the writer has not checked yet.
 */
async function sendCommentsAlone(ctx: ReviewContext, id: string, record: ReviewRecord, profile: NewsroomProfile, at: string): Promise<ReviewRecord> {
  let sent: Awaited<ReturnType<typeof updateOrQueue>> | null = null;
  try {
    if (record.hub) sent = await updateOrQueue(ctx, id, record.hub, null, at, { comments: record.comments, by: profile });
  } catch (error) {
    ctx.logger.warn(`[review] the comments of ${id} go with the next send:`, error);
  }
  const link = sent && !sent.pendingSync ? sent.hub : record.hub;
  return ctx.records.update(id, (r) => ({ ...r, hub: link, pendingSync: null }));
}

/** What an open says when the hub had nothing this copy lacks. */
const NOTHING_NEW: MergeSummary = { fieldsFromHub: [], blocksBothChanged: 0, blocksKeptFromHub: 0, nothingNew: true };

/** The same story, whatever the revision and times of either copy. */
function sameContent(local: Article, other: Article): boolean {
  return contentHash(local) === contentHash({ ...other, revision: local.revision, updatedAt: local.updatedAt, createdAt: local.createdAt });
}

/** The merge, refused before anything is written when it would not fit in one article (both sides' long versions of many passages). */
function mergeChecked(base: Article, local: Article, hub: Article, suggestion: MergeSuggestion): ArticleMerge {
  const merged = mergeArticle(base, local, hub, suggestion);
  if (docBoundsProblem(merged.article.body) !== null) {
    throw new AppError(
      'conflict',
      `"${local.headline || local.id}" and the review hub's version together are too large to merge into one article. Open the hub's version instead; yours is kept under Revisions.`,
      // Still a question of local changes: the prompt comes back, offering to replace them.
      { kind: 'merge-too-large', headline: local.headline || local.id, localChanges: true, localRevision: local.revision, mergeable: false },
    );
  }
  // Anything else wrong with it is a fault in the merge, not in either version.
  const checked = editorArticleSchema.safeParse(merged.article);
  if (!checked.success) throw new Error(`The merge of ${local.id} is not a valid article: ${checked.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
  return merged;
}

/** The workflow actions recorded here since the last sync, for messages: "request changes by Sam Editor". */
export function unsentActions(record: ReviewRecord): string[] {
  const since = record.pendingSync?.since ?? '';
  return record.history.filter((e) => e.at >= since).map((e) => `${e.action.replace('-', ' ')} by ${e.by.name}`);
}

/** Whether the library holds edits made since the last sync with the hub. */
export function hasLocalChanges(local: Article, record: ReviewRecord): boolean {
  // Never synced: a local article with this id is someone's own work, not a copy of the hub's.
  if (!record.hub || record.pendingSync) return true;
  return local.revision > record.hub.localRevision;
}

/** Refuses a hub version that is not this article, or whose history does not lead to its status. */
export function checkOpened(id: string, article: Article, history: readonly WorkflowEvent[]): void {
  if (article.id !== id) {
    throw new AppError('corrupt-file', `The review hub returned another article (${article.id}) for ${id}; it was not opened.`, { kind: 'hub-package-other-article' });
  }
  for (let i = 1; i < history.length; i++) {
    if (history[i]?.from !== history[i - 1]?.to) {
      throw new AppError('corrupt-file', `The review hub's history of "${article.headline || id}" is broken at event ${i + 1}; it was not opened.`, { kind: 'hub-history-broken', headline: article.headline || id });
    }
  }
  const last = history.at(-1);
  if (last && last.to !== article.status) {
    throw new AppError('corrupt-file', `The review hub says "${article.headline || id}" is ${article.status}, but its history ends ${last.to}; it was not opened.`, { kind: 'hub-status-mismatch', headline: article.headline || id });
  }
}

/**
 * The base of "changes since it was submitted" after opening the hub's version: the hub's article
 * when it is still as submitted (the last event is the submission and the article is unchanged
 * since); else what this machine kept, unless the hub saw a later submission than that.
 */
export function submittedVersion(opened: OpenedPackage, kept: ReviewRecord['submitted']): ReviewRecord['submitted'] {
  const last = opened.history.at(-1);
  if (!last) {
    // A hub that keeps no history (WordPress without the plugin): a submitted post is as submitted.
    return opened.article.status === 'submitted' ? { article: opened.article, at: opened.submittedAt } : kept;
  }
  // Still as submitted: the article is at the revision the submission recorded (comments written
  // since do not change it). Once changed (late changes sent, an offline submission sent with more
  // edits), the hub no longer holds the submitted version: no base rather than a wrong one.
  if (last.action === 'submit' && opened.article.revision === last.revision) return { article: opened.article, at: last.at };
  const latestSubmit = opened.history.findLast((e) => e.action === 'submit');
  return kept && (!latestSubmit || latestSubmit.at <= kept.at) ? kept : null;
}
