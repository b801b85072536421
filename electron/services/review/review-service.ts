// Runs in: services. The editorial workflow behind the review operations: workflow actions through
// the state machine in common/workflow, comments, the review queue, opening a hub's version and the
// diff bases. The hub is written first and the library second, so a refused hub write (someone else
// changed the article, the hub is unreachable) changes nothing on this machine; the library status
// is repaired from the history if a local write after a hub write failed.
import { AppError, isAppError } from '../../../common/app-error';
import type { Article, ArticleStatus } from '../../../common/article';
import type { OperationHandlers } from '../../../common/contract';
import { diffArticles } from '../../../common/workflow/article-diff';
import type { NewsroomProfile } from '../../../common/workflow/newsroom-profile';
import { sameActorName } from '../../../common/workflow/newsroom-profile';
import { addComment, reanchorAll, reopenComment, replyTo, resolveComment, type ReviewComment } from '../../../common/workflow/review-comment';
import { DESK, type DiffBaseInfo, type HubLink, type ReviewQueue, type ReviewState } from '../../../common/workflow/review-contract';
import type { WorkflowAction, WorkflowEvent } from '../../../common/workflow/workflow-event';
import { allowedActions, isOwnArticle, transition } from '../../../common/workflow/workflow-machine';
import { appendEvent, currentStatusOf, ownerOf } from '../../../common/workflow/workflow-history';
import { KeyedQueue } from '../store/keyed-queue';
import { contentHash } from './canonical-json';
import type { ReviewHub } from './review-hub';
import type { HubWriteResult, OpenedPackage, UpdateOptions } from './review-package';
import { createHubStatusFollower } from './hub-status-follower';
import { isSyncDue } from './sync-due';
import { consoleLogger, type Logger } from '../log/logger';
import type { ReviewRecord, ReviewRecordStore } from './review-record-store';

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

/** The part of the library the workflow needs. LibraryStore satisfies it. */
export interface ReviewLibrary {
  get(id: string): Promise<Article>;
  setStatus(id: string, status: ArticleStatus): Promise<Article>;
  importVersion(article: Article, options?: { who?: string }): Promise<Article>;
}

export interface ReviewServiceOptions {
  library: ReviewLibrary;
  records: ReviewRecordStore;
  /** The user's newsroom profile from settings; null when no name or role is set. */
  profile(): Promise<NewsroomProfile | null>;
  /** The hub settings name now. */
  hub(): Promise<ReviewHub>;
  /** Called after any change to an article's status (the library list caches summaries). */
  onChange?(articleId: string): void;
  /** Called when an article is spiked: nothing queued for it may still go out. */
  onSpiked?(articleId: string): Promise<void>;
  newId(): string;
  now?: () => Date;
  /** Where problems are written. @default consoleLogger */
  logger?: Logger;
}

export interface ReviewService {
  handlers: ReviewHandlers;
  /** Throws unless the workflow lets the user put the article live now (publish.start asks first). */
  checkMayPublish(articleId: string, publishStatus: string): Promise<void>;
  /** "Approve and publish": approves a submitted story (an approved one stays as it is). */
  approveForPublish(articleId: string): Promise<void>;
  /** Tries to send everything recorded while the hub could not be reached; returns how much still waits. */
  syncPending(options?: { onlyDue?: boolean }): Promise<number>;
  /** Brings what the hub says happened to this user's stories into their records; returns those ids. */
  followHub(): Promise<string[]>;
  /** A publishing job went live (or was scheduled): record it in the workflow. Never throws. */
  recordPublished(articleId: string, outcome: { status: 'publish' | 'future'; scheduledAt: string | null }): Promise<void>;
}

interface TransitionRequest {
  action: WorkflowAction;
  note?: string;
  scheduledAt?: string;
  to?: string;
}

export function createReviewService(options: ReviewServiceOptions): ReviewService {
  const now = () => (options.now ?? (() => new Date()))().toISOString();
  const queue = new KeyedQueue();
  const { library, records } = options;
  const logger = options.logger ?? consoleLogger;
  // Publications being recorded: reading an article's state waits for them, so the panel that
  // reloads when a job is done sees the article published.
  const recording = new Map<string, Promise<void>>();

  const requireProfile = async (): Promise<NewsroomProfile> => {
    const profile = await options.profile();
    if (!profile) throw new AppError('invalid-input', 'Set your name and role (reporter or editor) in Settings first: the review workflow records who did what.', { kind: 'profile-missing', field: 'profile' });
    return profile;
  };

  const stateOf = async (article: Article, record: ReviewRecord): Promise<ReviewState> => {
    const profile = await options.profile();
    const owner = ownerOf({ schemaVersion: 1, events: record.history });
    const isOwn = profile ? isOwnArticle({ status: article.status, owner }, profile) : true;
    return {
      articleId: article.id,
      status: article.status,
      owner,
      profile,
      allowedActions: profile ? allowedActions(article.status, profile.role, isOwn) : [],
      canSendChanges: mayChange(article.status, record, profile, owner),
      history: record.history,
      comments: reanchorAll(record.comments, article.body),
      hub: record.hub,
      pendingSync: record.pendingSync
        ? {
            since: record.pendingSync.since,
            attempts: record.pendingSync.attempts,
            lastError: record.pendingSync.lastError,
            conflict: record.pendingSync.conflict,
            refused: record.pendingSync.refused,
          }
        : null,
      diffBases: {
        lastSeen: record.lastSeen ? baseInfo(record.lastSeen.article, record.lastSeen.at) : null,
        submitted: record.submitted ? baseInfo(record.submitted.article, record.submitted.at) : null,
        previousSubmission: record.previousSubmission ? baseInfo(record.previousSubmission, record.previousSubmission.updatedAt) : null,
      },
    };
  };

  /** The article with the status its history says: a library write that failed after a hub write is mended here. */
  const consistent = async (article: Article, record: ReviewRecord): Promise<Article> => {
    if (record.history.length === 0) return article;
    const status = currentStatusOf({ schemaVersion: 1, events: record.history });
    if (status === article.status) return article;
    const mended = await library.setStatus(article.id, status);
    options.onChange?.(article.id);
    return mended;
  };

  /** The hub the article is in, checked against the one settings name now. */
  const hubOf = async (link: HubLink): Promise<ReviewHub> => {
    const hub = await options.hub();
    if (hub.kind !== link.kind || hub.location !== link.location) {
      throw new AppError(
        'conflict',
        `This article is in the review hub ${link.location}, but Settings now name ${hub.location}. Switch the hub back in Settings to go on reviewing it.`,
        { kind: 'hub-moved', articleHub: true, linkedHub: link.location, settingsHub: hub.location },
      );
    }
    return hub;
  };

  /** Changes the comments, in the hub first when the article is in one. */
  const changeComments = (id: string, change: (comments: readonly ReviewComment[], profile: NewsroomProfile, at: string) => ReviewComment[]) =>
    queue.run(id, async () => {
      const profile = await requireProfile();
      const article = await library.get(id);
      const record = await records.get(id);
      const at = now();
      const comments = change(reanchorAll(record.comments, article.body), profile, at);
      const { hub, pendingSync } = record.hub ? await updateOrQueue(id, record.hub, record.pendingSync, at, { comments, by: profile }) : record;
      const next = await records.update(id, (r) => ({ ...r, comments, hub, pendingSync }));
      return stateOf(article, next);
    });

  /**
   * A change to a package already in the hub, written now; or, when the hub cannot be reached,
   * recorded to go with the next sync. With work already waiting it joins that work unsent.
   */
  const updateOrQueue = async (
    id: string,
    link: HubLink,
    waiting: ReviewRecord['pendingSync'],
    at: string,
    change: Omit<UpdateOptions, 'baseHubRevision'>,
  ): Promise<{ hub: HubLink; pendingSync: ReviewRecord['pendingSync'] }> => {
    if (waiting) return { hub: link, pendingSync: waiting };
    try {
      const written = await (await hubOf(link)).update(id, { ...change, baseHubRevision: link.hubRevision });
      const localRevision = change.article ? change.article.revision : link.localRevision;
      return { hub: { ...link, hubRevision: written.hubRevision, syncedAt: at, localRevision, keepsComments: written.keepsComments }, pendingSync: null };
    } catch (error) {
      if (!isUnreachable(error)) throw error;
      return { hub: link, pendingSync: deferred('update', link.submittedTo, at, error) };
    }
  };

  /**
   * One workflow action. `local` records it on this machine only (an article that never went to a
   * hub); `rebase` takes the hub's current token first (recording our own publishing job, which
   * itself changed the WordPress post); `recordAnyway` records what already happened (a publication)
   * here whatever the hub answers, and leaves the hub write waiting with the reason, retried later.
   */
  const runTransition = async (
    id: string,
    request: TransitionRequest,
    mode: { local?: boolean; rebase?: boolean; recordAnyway?: boolean } = {},
  ): Promise<ReviewState> => {
    const profile = await requireProfile();
    const record = await records.get(id);
    const article = await consistent(await library.get(id), record);
    if (request.action === 'submit' && !mode.local && article.headline.trim() === '') {
      throw new AppError('invalid-input', 'Give the story a headline before sending it for review: the desk finds stories by their headlines.', { kind: 'headline-missing', field: 'headline' });
    }
    const at = now();
    const history = { schemaVersion: 1 as const, events: record.history };
    const result = transition({ status: article.status, owner: ownerOf(history) }, request.action, profile, {
      id: options.newId(),
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
        hub = await writeToHub(request, moved, record, { events, comments, profile, at, rebase: mode.rebase ?? false });
      } catch (error) {
        if (!isUnreachable(error) && !mode.recordAnyway) throw error;
        // Offline, or the share is not mounted: recorded here, sent when the hub can be reached.
        pendingSync = deferred(request.action === 'submit' ? 'submit' : 'update', request.to ?? record.hub?.submittedTo ?? DESK, at, error, mode.rebase ?? false);
      }
    }
    const saved = await library.setStatus(id, result.status);
    options.onChange?.(id);
    const next = await records.update(id, (r) => ({
      ...r,
      history: events,
      comments,
      submitted: request.action === 'submit' ? { article: moved, at } : r.submitted,
      // The revision that was sent, not whatever autosave landed while the hub was being written.
      hub: hub && !pendingSync ? { ...hub, localRevision: article.revision } : hub,
      pendingSync,
    }));
    if (request.action === 'spike') await options.onSpiked?.(id).catch((error: unknown) => logger.warn(`[review] could not stop queued publishing of ${id}:`, error));
    return stateOf(saved, next);
  };

  async function writeToHub(
    request: TransitionRequest,
    article: Article,
    record: ReviewRecord,
    w: { events: WorkflowEvent[]; comments: ReviewComment[]; profile: NewsroomProfile; at: string; rebase: boolean },
  ): Promise<HubLink | null> {
    if (request.action === 'submit') {
      const hub = record.hub ? await hubOf(record.hub) : await options.hub();
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
    const hub = await hubOf(record.hub);
    const base = w.rebase ? ((await hub.currentRevision(article.id)) ?? record.hub.hubRevision) : record.hub.hubRevision;
    const moved = base !== record.hub.hubRevision;
    // A write rebased over someone else's leaves the comments as the hub has them.
    const written = await hub.update(article.id, { article, history: w.events, ...(moved ? {} : { comments: w.comments }), by: w.profile, baseHubRevision: base });
    return { ...record.hub, hubRevision: tokenAfter(record.hub.hubRevision, moved, written), syncedAt: w.at, keepsComments: written.keepsComments };
  }

  const handlers: ReviewHandlers = {
    'review.get': async ({ id }) => {
      await recording.get(id);
      return queue.run(id, async () => {
        const record = await records.get(id);
        return stateOf(await consistent(await library.get(id), record), record);
      });
    },

    'review.transition': ({ id, action, note, scheduledAt, to }) => queue.run(id, () => runTransition(id, { action, note, scheduledAt, to })),

    'review.queue': async ({ scope }) => {
      const hub = await options.hub();
      const profile = await options.profile();
      // "For me": an editor's stories to review; a reporter's own stories returned for changes.
      const forMe = scope === 'for-me' && profile !== null;
      const filter = forMe ? (profile.role === 'editor' ? { to: profile.name, status: ['submitted' as const] } : { status: ['changes_requested' as const] }) : {};
      // Nobody to wait for without a name: "for me" is empty until the profile is set.
      if (scope === 'for-me' && profile === null) return { hub: { kind: hub.kind, location: hub.location }, entries: [], problems: [] };
      const listing = await hub.list(filter);
      const onlyMine = scope === 'mine' || (forMe && profile.role === 'reporter');
      const entries = listing.entries.filter((e) => !onlyMine || (profile !== null && sameActorName(e.submittedBy.name, profile.name)));
      const result: ReviewQueue = {
        hub: { kind: hub.kind, location: hub.location },
        entries: entries.map((e) => ({
          articleId: e.articleId,
          headline: e.headline,
          status: e.status,
          submittedBy: e.submittedBy.name,
          submittedTo: e.submittedTo,
          submittedAt: e.submittedAt,
          updatedAt: e.updatedAt,
          updatedBy: e.updatedBy.name,
          words: e.words,
          cjkChars: e.cjkChars,
          openComments: e.openComments,
        })),
        problems: listing.problems.map((p) => ({ articleId: p.articleId, message: p.message })),
      };
      return result;
    },

    'review.open': ({ id, replaceLocal }) =>
      queue.run(id, async () => {
        const profile = await options.profile();
        const hub = await options.hub();
        // What waits to be sent goes first: opening must never drop it.
        if ((await records.get(id)).pendingSync?.conflict === false) await syncUnqueued(id);
        const record = await records.get(id);
        if (record.pendingSync?.rebase) {
          // Taking the hub's version now would undo a publication the hub has not recorded yet.
          const title = (await library.get(id).catch(() => null))?.headline || id;
          throw new AppError(
            'conflict',
            `"${title}" was published from this computer and the review hub has not recorded that yet${record.pendingSync.lastError ? ` (${record.pendingSync.lastError.replace(/\.$/, '')})` : ''}. Dateline keeps sending it; the hub's version can be opened once it is recorded. Use "Send now" to try at once.`,
            { kind: 'hub-publication-unsent', headline: title, publicationPending: true },
          );
        }
        const local = await library.get(id).catch((error: unknown) => {
          if (isAppError(error) && error.code === 'not-found') return null;
          throw error;
        });
        if (local && !replaceLocal && hasLocalChanges(local, record)) {
          const unsent = record.pendingSync ? unsentActions(record) : [];
          throw new AppError(
            'conflict',
            `"${local.headline || id}" has changes on this computer that the review hub has not seen. Opening the hub's version replaces them; your version is kept under Revisions${
              unsent.length > 0 ? ` and your comments are kept, but what you did here (${unsent.join('; ')}) was not sent and must be done again` : ''
            }.`,
            unsent.length > 0
              ? { kind: 'local-changes-and-actions-unsent', headline: local.headline || id, localChanges: true, localRevision: local.revision, actions: unsent.length }
              : { kind: 'local-changes-unsent', headline: local.headline || id, localChanges: true, localRevision: local.revision },
          );
        }
        const opened = await hub.open(id);
        checkOpened(id, opened.article, opened.history);
        const changed = !local || contentHash(local) !== contentHash({ ...opened.article, revision: local.revision, updatedAt: local.updatedAt, createdAt: local.createdAt });
        const article = changed ? await library.importVersion(opened.article, { who: profile?.name ?? '' }) : await consistent(local, { ...record, history: opened.history.length > 0 ? opened.history : record.history });
        options.onChange?.(id);
        const at = now();
        // Comments written here that the hub does not have yet are kept and sent with the next write.
        const localOnly = record.comments.filter((c) => !opened.comments.some((o) => o.id === c.id));
        const next = await records.update(id, (r) => ({
          ...r,
          pendingSync: localOnly.length > 0 ? deferred('update', opened.submittedTo, at, null) : null,
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
            localRevision: article.revision,
            keepsComments: opened.keepsComments,
          },
          previousSubmission: opened.previousSubmission,
          submitted: submittedVersion(opened, r.submitted),
          // What this person saw before taking the newer version: "changes since you last saw it".
          lastSeen: local && changed ? { article: local, at } : r.lastSeen,
        }));
        return stateOf(article, next);
      }),

    'review.diff': async ({ id, base }) => {
      const article = await library.get(id);
      const record = await records.get(id);
      const bases = {
        'last-seen': record.lastSeen,
        submitted: record.submitted,
        'previous-submission': record.previousSubmission ? { article: record.previousSubmission, at: record.previousSubmission.updatedAt } : null,
      };
      const chosen = bases[base];
      if (!chosen) {
        const why = {
          'last-seen': 'There is no earlier version to compare with: this is the first version of the article you opened.',
          submitted: 'There is no submitted version to compare with: the article was not submitted from this computer, nor opened here while it was submitted.',
          'previous-submission': 'There is no earlier submission to compare with: this is the first time the article was submitted.',
        };
        throw new AppError('not-found', why[base], { kind: 'hub-base-missing', base });
      }
      const before = chosen.article;
      const info = baseInfo(before, chosen.at);
      return { base, baseInfo: info, diff: diffArticles(before, article) };
    },

    'review.sendChanges': ({ id }) =>
      queue.run(id, async () => {
        const profile = await requireProfile();
        const record = await records.get(id);
        const article = await consistent(await library.get(id), record);
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
        const { hub, pendingSync } = await updateOrQueue(id, record.hub, record.pendingSync, now(), {
          article,
          history: record.history,
          comments: reanchorAll(record.comments, article.body),
          by: profile,
        });
        // With work already waiting, the whole article goes with it anyway.
        const next = await records.update(id, (r) => ({ ...r, hub, pendingSync }));
        if (alreadyWaiting) await syncUnqueued(id);
        return stateOf(article, pendingSync ? await records.get(id) : next);
      }),

    'review.sync': async ({ id }) => {
      if (id) await syncOne(id);
      return { pending: id ? ((await records.get(id)).pendingSync ? 1 : 0) : await syncPending() };
    },

    'comments.add': ({ id, body, anchor }) =>
      changeComments(id, (comments, author, createdAt) => addComment(comments, { id: options.newId(), author, createdAt, body, anchor: anchor ?? null })),
    'comments.reply': ({ id, commentId, body }) =>
      changeComments(id, (comments, author, createdAt) => replyTo(comments, commentId, { id: options.newId(), author, createdAt, body })),
    'comments.resolve': ({ id, commentId }) => changeComments(id, (comments, by, at) => resolveComment(comments, commentId, by, at)),
    'comments.reopen': ({ id, commentId }) => changeComments(id, (comments) => reopenComment(comments, commentId)),
  };

  /** Sends one article's waiting changes: the whole article, history and comments as they are now. */
  function syncOne(id: string): Promise<void> {
    return queue.run(id, () => syncUnqueued(id));
  }

  async function syncUnqueued(id: string): Promise<void> {
    const record = await records.get(id);
    const pending = record.pendingSync;
    // A publication waiting to be recorded is always sent, even from a record that held it as a conflict.
    if (!pending || (pending.conflict && !pending.rebase)) return;
    const profile = await options.profile();
    if (!profile) return;
    const at = now();
    try {
      const article = await library.get(id);
      const hub = record.hub ? await hubOf(record.hub) : await options.hub();
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
        // A submission made offline: what went out is the submitted version (edits since included).
        submitted: pending.kind === 'submit' ? { article, at: r.submitted?.at ?? at } : r.submitted,
      }));
    } catch (error) {
      // Someone else changed the article in the hub: only a person can decide. A hub switched in
      // Settings, an unreachable hub, anything else: tried again later.
      // A publication being recorded (rebase) is never held back for a person: the story is live,
      // so the next try takes the hub's token again rather than letting "get the latest" undo it.
      const conflict = !pending.rebase && isAppError(error) && error.code === 'conflict' && !(error.details as { articleHub?: unknown } | undefined)?.articleHub;
      const message = (error instanceof Error ? error.message : String(error)).replace(/\.$/, '');
      await records.update(id, (r) =>
        r.pendingSync
          ? {
              ...r,
              pendingSync: {
                ...r.pendingSync,
                attempts: r.pendingSync.attempts + 1,
                conflict,
                refused: !conflict && !isUnreachable(error),
                refusals: !conflict && !isUnreachable(error) ? r.pendingSync.refusals + 1 : 0,
                lastTriedAt: at,
                lastError: conflict ? `${message}. What you did here was not sent: get the latest from the review hub and do it again.` : `${message}.`,
              },
            }
          : r,
      );
    }
  }

  /** `onlyDue`: the periodic run, which offers refused work again only when its turn came (sync-due.ts). */
  async function syncPending(options: { onlyDue?: boolean } = {}): Promise<number> {
    let left = 0;
    const at = new Date(now());
    for (const id of await records.pendingIds()) {
      const waiting = options.onlyDue ? (await records.get(id).catch(() => null))?.pendingSync : null;
      if (waiting && !isSyncDue(waiting, at)) {
        left++;
        continue;
      }
      await syncOne(id).catch((error: unknown) => logger.warn(`[review] could not send ${id} to the review hub:`, error));
      if ((await records.get(id).catch(() => null))?.pendingSync) left++;
    }
    return left;
  }

  async function checkMayPublish(articleId: string, publishStatus: string): Promise<void> {
    if (publishStatus !== 'publish' && publishStatus !== 'future') return;
    const [article, record, actor] = await Promise.all([library.get(articleId), records.get(articleId), options.profile()]);
    const status = record.history.length > 0 ? currentStatusOf({ schemaVersion: 1, events: record.history }) : article.status;
    const label = `"${article.headline || 'This article'}"`;
    if (status === 'spiked') throw new AppError('conflict', `${label} was spiked; an editor must reopen it before it can be published.`, { kind: 'spiked', headline: article.headline || articleId, status });
    if (!actor && (record.history.length > 0 || record.hub)) {
      throw new AppError('permission-denied', `${label} is in the review workflow: set your name and role in Settings; only editors can publish it.`, { kind: 'publish-needs-profile', headline: article.headline || articleId });
    }
    if (actor?.role === 'reporter') {
      throw new AppError('permission-denied', 'Only editors can publish articles: submit it for review, and an editor will approve and publish it.', { kind: 'publish-editors-only' });
    }
  }

  function recordPublished(articleId: string, outcome: { status: 'publish' | 'future'; scheduledAt: string | null }): Promise<void> {
    const run = (recording.get(articleId) ?? Promise.resolve()).then(() => queue.run(articleId, () => recordPublication(articleId, outcome)));
    recording.set(articleId, run);
    void run.then(() => {
      if (recording.get(articleId) === run) recording.delete(articleId);
    });
    return run;
  }

  async function recordPublication(articleId: string, outcome: { status: 'publish' | 'future'; scheduledAt: string | null }): Promise<void> {
    try {
      const profile = await options.profile();
      const record = await records.get(articleId);
      const article = await consistent(await library.get(articleId), record);
      const target: ArticleStatus = outcome.status === 'publish' ? 'published' : 'scheduled';
      if (article.status === target && outcome.status === 'publish') return;
      if (!profile) {
        // No newsroom profile and never in the workflow (checkMayPublish refused the rest): one person working alone.
        if (record.history.length === 0 && !record.hub) {
          await library.setStatus(articleId, target);
          options.onChange?.(articleId);
        }
        return;
      }
      // A story that never went to a hub is recorded on this machine only, however it got here.
      const local = record.hub === null;
      // An editor publishing a story nobody approved yet approves it by publishing it.
      // The story is live whatever the hub says: a hub that refuses the record now (a damaged
      // package, a server error) gets it later, and the panel shows why it is still waiting.
      if (profile.role === 'editor' && (article.status === 'draft' || article.status === 'changes_requested')) {
        await runTransition(articleId, { action: 'submit', to: DESK }, { local, recordAnyway: true });
      }
      if (profile.role === 'editor' && (await library.get(articleId)).status === 'submitted') {
        await runTransition(articleId, { action: 'approve' }, { local, recordAnyway: true });
      }
      await runTransition(
        articleId,
        outcome.status === 'publish' ? { action: 'publish' } : { action: 'schedule', scheduledAt: outcome.scheduledAt ?? undefined },
        { local, rebase: true, recordAnyway: true },
      );
    } catch (error) {
      logger.warn(`[review] could not record the publication of ${articleId} in its workflow history:`, error);
    }
  }

  const approveForPublish = (articleId: string): Promise<void> =>
    queue.run(articleId, async () => {
      const status = (await library.get(articleId)).status;
      if (status === 'approved' || status === 'scheduled') return;
      await runTransition(articleId, { action: 'approve' });
    });

  const follower = createHubStatusFollower({ hub: options.hub, records, library, queue, ...(options.onChange ? { onChange: options.onChange } : {}) });
  const followHub = async (): Promise<string[]> => ((await options.profile()) === null ? [] : follower.follow());
  return { handlers, checkMayPublish, approveForPublish, syncPending, followHub, recordPublished };
}

/**
 * The hub token to remember after a write. A write rebased over a token that moved (someone else
 * wrote: a comment, or our own publishing job on WordPress) left the hub's comments as they are, and
 * this machine has not seen them; keeping the old token makes the next comment or action from here
 * meet a conflict and take the latest first, instead of replacing comments it never saw. A hub that
 * keeps no comments has nothing to lose.
 */
function tokenAfter(previous: number, moved: boolean, written: HubWriteResult): number {
  return moved && written.keepsComments ? previous : written.hubRevision;
}

/**
 * Whether the user may send the article's edits to the hub on their own, while nobody else is
 * working on it: editors while it waits for the desk or is approved (not while it is returned: the
 * reporter is revising it); reporters only their own story, known by its history, while it waits
 * for the desk.
 */
function mayChange(status: ArticleStatus, record: ReviewRecord, profile: NewsroomProfile | null, owner: string | null): boolean {
  if (!profile || !record.hub) return false;
  if (profile.role === 'reporter') return status === 'submitted' && owner !== null && sameActorName(owner, profile.name);
  return status === 'submitted' || status === 'approved';
}

/** The hub cannot be reached right now (offline, share not mounted, site down): worth retrying later. */
function isUnreachable(error: unknown): boolean {
  if (!isAppError(error)) return false;
  if (error.code === 'remote-unreachable' || error.code === 'remote-timeout' || error.code === 'remote-server-error') return true;
  return (error.details as { unreachable?: unknown } | undefined)?.unreachable === true;
}

/** Work waiting to be sent; `error` is why the attempt just made failed (null: none was made). */
function deferred(kind: 'submit' | 'update', to: string, at: string, error: unknown, rebase = false): NonNullable<ReviewRecord['pendingSync']> {
  if (error === null) return { kind, to, since: at, attempts: 0, lastError: null, conflict: false, refused: false, refusals: 0, lastTriedAt: null, rebase };
  const lastError = error instanceof Error ? error.message : String(error);
  const refused = !isUnreachable(error);
  return { kind, to, since: at, attempts: 1, lastError, conflict: false, refused, refusals: refused ? 1 : 0, lastTriedAt: at, rebase };
}

/** The workflow actions recorded here since the last sync, for messages: "request changes by Sam Editor". */
function unsentActions(record: ReviewRecord): string[] {
  const since = record.pendingSync?.since ?? '';
  return record.history.filter((e) => e.at >= since).map((e) => `${e.action.replace('-', ' ')} by ${e.by.name}`);
}

/** The hub no longer has the package (someone removed it): sending again means submitting it as new. */
function packageGone(error: unknown): boolean {
  if (!isAppError(error)) return false;
  if (error.code === 'not-found') return true;
  return error.code === 'conflict' && (error.details as { hubRevision?: unknown } | undefined)?.hubRevision === null;
}

/** Whether the library holds edits made since the last sync with the hub. */
function hasLocalChanges(local: Article, record: ReviewRecord): boolean {
  // Never synced: a local article with this id is someone's own work, not a copy of the hub's.
  if (!record.hub || record.pendingSync) return true;
  return local.revision > record.hub.localRevision;
}

/** Refuses a hub version that is not this article, or whose history does not lead to its status. */
function checkOpened(id: string, article: Article, history: readonly WorkflowEvent[]): void {
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
function submittedVersion(opened: OpenedPackage, kept: ReviewRecord['submitted']): ReviewRecord['submitted'] {
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

function baseInfo(article: Article, at: string): DiffBaseInfo {
  return { revision: article.revision, at, headline: article.headline };
}
