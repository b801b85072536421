// Runs in: services. The editorial workflow behind the review operations: workflow actions through
// the state machine in common/workflow, comments, the review queue, opening a hub's version and the
// diff bases. The hub is written first and the library second, so a refused hub write (someone else
// changed the article, the hub is unreachable) changes nothing on this machine.
import { AppError } from '../../../common/app-error';
import type { Article, ArticleStatus } from '../../../common/article';
import type { OperationHandlers } from '../../../common/contract';
import { diffArticles } from '../../../common/workflow/article-diff';
import type { NewsroomProfile } from '../../../common/workflow/newsroom-profile';
import { sameActorName } from '../../../common/workflow/newsroom-profile';
import {
  addComment,
  reanchorAll,
  reopenComment,
  replyTo,
  resolveComment,
  type ReviewComment,
} from '../../../common/workflow/review-comment';
import { DESK, type DiffBaseInfo, type HubLink, type ReviewQueue, type ReviewState } from '../../../common/workflow/review-contract';
import type { WorkflowAction } from '../../../common/workflow/workflow-event';
import { allowedActions, isOwnArticle, transition } from '../../../common/workflow/workflow-machine';
import { appendEvent, ownerOf } from '../../../common/workflow/workflow-history';
import { KeyedQueue } from '../store/keyed-queue';
import type { ReviewHub } from './review-hub';
import type { ReviewRecord, ReviewRecordStore } from './review-record-store';

export type ReviewOperation =
  | 'review.get'
  | 'review.transition'
  | 'review.queue'
  | 'review.open'
  | 'review.diff'
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
  newId(): string;
  now?: () => Date;
}

export interface ReviewService {
  handlers: ReviewHandlers;
  /** A publishing job went live (or was scheduled): record it in the workflow. Never throws. */
  recordPublished(articleId: string, outcome: { status: 'publish' | 'future'; scheduledAt: string | null }): Promise<void>;
}

export function createReviewService(options: ReviewServiceOptions): ReviewService {
  const now = () => (options.now ?? (() => new Date()))().toISOString();
  const queue = new KeyedQueue();
  const { library, records } = options;
  // Publications being recorded: reading an article's state waits for them, so the panel that
  // reloads when a job is done sees the article published.
  const recording = new Map<string, Promise<void>>();

  const requireProfile = async (): Promise<NewsroomProfile> => {
    const profile = await options.profile();
    if (!profile) throw new AppError('invalid-input', 'Set your name and role (reporter or editor) in Settings first: the review workflow records who did what.', { field: 'profile' });
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
      history: record.history,
      comments: reanchorAll(record.comments, article.body),
      hub: record.hub,
      diffBases: {
        lastSeen: record.lastSeen ? baseInfo(record.lastSeen.article, record.lastSeen.at) : null,
        previousSubmission: record.previousSubmission ? baseInfo(record.previousSubmission, record.previousSubmission.updatedAt) : null,
      },
    };
  };

  /** The hub the article is in, checked against the one settings name now. */
  const hubOf = async (link: HubLink): Promise<ReviewHub> => {
    const hub = await options.hub();
    if (hub.kind !== link.kind || hub.location !== link.location) {
      throw new AppError(
        'conflict',
        `This article is in the review hub ${link.location}, but Settings now name ${hub.location}. Switch the hub back in Settings to go on reviewing it.`,
        { articleHub: link.location, settingsHub: hub.location },
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
      let hub = record.hub;
      if (hub) {
        const written = await (await hubOf(hub)).update(id, { comments, by: profile, baseHubRevision: hub.hubRevision });
        hub = { ...hub, hubRevision: written.hubRevision, syncedAt: at };
      }
      const next = await records.update(id, (r) => ({ ...r, comments, hub, lastSeen: { article, at } }));
      return stateOf(article, next);
    });

  const handlers: ReviewHandlers = {
    'review.get': async ({ id }) => {
      await recording.get(id);
      return stateOf(await library.get(id), await records.get(id));
    },

    'review.transition': ({ id, action, note, scheduledAt, to }) =>
      queue.run(id, async () => {
        const profile = await requireProfile();
        const article = await library.get(id);
        const record = await records.get(id);
        const at = now();
        const history = { schemaVersion: 1 as const, events: record.history };
        const result = transition({ status: article.status, owner: ownerOf(history) }, action, profile, {
          id: options.newId(),
          at,
          note,
          scheduledAt,
          revision: article.revision,
        });
        const events = appendEvent(history, result.event).events;
        const moved: Article = { ...article, status: result.status };
        const comments = reanchorAll(record.comments, article.body);
        const hub = await writeToHub(action, moved, record, { events, comments, profile, at, to });
        const saved = await library.setStatus(id, result.status);
        options.onChange?.(id);
        const next = await records.update(id, (r) => ({ ...r, history: events, comments, hub, lastSeen: { article: saved, at } }));
        return stateOf(saved, next);
      }),

    'review.queue': async ({ scope }) => {
      const hub = await options.hub();
      const profile = await options.profile();
      const listing = await hub.list(scope === 'for-me' && profile ? { to: profile.name, status: ['submitted'] } : {});
      const entries = listing.entries.filter((e) => scope !== 'mine' || (profile !== null && sameActorName(e.submittedBy.name, profile.name)));
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

    'review.open': ({ id }) =>
      queue.run(id, async () => {
        const profile = await options.profile();
        const hub = await options.hub();
        const opened = await hub.open(id);
        const article = await library.importVersion(opened.article, { who: profile?.name ?? '' });
        options.onChange?.(id);
        const at = now();
        const next = await records.update(id, (r) => ({
          ...r,
          history: opened.history,
          comments: opened.comments,
          hub: { kind: hub.kind, location: hub.location, hubRevision: opened.hubRevision, submittedTo: opened.submittedTo, syncedAt: at },
          previousSubmission: opened.previousSubmission,
        }));
        return stateOf(article, next);
      }),

    'review.diff': async ({ id, base }) => {
      const article = await library.get(id);
      const record = await records.get(id);
      const before = base === 'last-seen' ? record.lastSeen?.article : record.previousSubmission;
      if (!before) {
        throw new AppError(
          'not-found',
          base === 'last-seen'
            ? 'There is no earlier version to compare with: you have not commented on or acted on this article yet.'
            : 'There is no earlier submission to compare with: this is the first time the article was submitted.',
          { base },
        );
      }
      const info = base === 'last-seen' && record.lastSeen ? baseInfo(before, record.lastSeen.at) : baseInfo(before, before.updatedAt);
      return { base, baseInfo: info, diff: diffArticles(before, article) };
    },

    'comments.add': ({ id, body, anchor }) =>
      changeComments(id, (comments, author, createdAt) => addComment(comments, { id: options.newId(), author, createdAt, body, anchor: anchor ?? null })),
    'comments.reply': ({ id, commentId, body }) =>
      changeComments(id, (comments, author, createdAt) => replyTo(comments, commentId, { id: options.newId(), author, createdAt, body })),
    'comments.resolve': ({ id, commentId }) => changeComments(id, (comments, by, at) => resolveComment(comments, commentId, by, at)),
    'comments.reopen': ({ id, commentId }) => changeComments(id, (comments) => reopenComment(comments, commentId)),
  };

  async function writeToHub(
    action: WorkflowAction,
    article: Article,
    record: ReviewRecord,
    w: { events: ReviewRecord['history']; comments: ReviewComment[]; profile: NewsroomProfile; at: string; to: string | undefined },
  ): Promise<HubLink | null> {
    if (action === 'submit') {
      const hub = record.hub ? await hubOf(record.hub) : await options.hub();
      const to = w.to ?? record.hub?.submittedTo ?? DESK;
      const written = await hub.submit(article, {
        by: w.profile,
        to,
        history: w.events,
        comments: w.comments,
        baseHubRevision: record.hub?.hubRevision ?? null,
      });
      return { kind: hub.kind, location: hub.location, hubRevision: written.hubRevision, submittedTo: to, syncedAt: w.at };
    }
    if (!record.hub) return null;
    const written = await (await hubOf(record.hub)).update(article.id, {
      article,
      history: w.events,
      comments: w.comments,
      by: w.profile,
      baseHubRevision: record.hub.hubRevision,
    });
    return { ...record.hub, hubRevision: written.hubRevision, syncedAt: w.at };
  }

  function recordPublished(articleId: string, outcome: { status: 'publish' | 'future'; scheduledAt: string | null }): Promise<void> {
    const run = (recording.get(articleId) ?? Promise.resolve()).then(() => recordPublication(articleId, outcome));
    recording.set(articleId, run);
    void run.then(() => {
      if (recording.get(articleId) === run) recording.delete(articleId);
    });
    return run;
  }

  async function recordPublication(articleId: string, outcome: { status: 'publish' | 'future'; scheduledAt: string | null }): Promise<void> {
    try {
      const profile = await options.profile();
      const article = await library.get(articleId);
      const target: ArticleStatus = outcome.status === 'publish' ? 'published' : 'scheduled';
      if (article.status === target && outcome.status === 'publish') return;
      if (!profile) {
        // No newsroom profile: one person working alone, no workflow to record.
        await library.setStatus(articleId, target);
        options.onChange?.(articleId);
        return;
      }
      const input = outcome.status === 'publish' ? { note: undefined, scheduledAt: undefined } : { note: undefined, scheduledAt: outcome.scheduledAt ?? undefined };
      // An editor publishing a story nobody approved yet approves it by publishing it.
      if (profile.role === 'editor' && (article.status === 'draft' || article.status === 'submitted' || article.status === 'changes_requested')) {
        if (article.status !== 'submitted') await handlers['review.transition']({ id: articleId, action: 'submit', to: DESK });
        await handlers['review.transition']({ id: articleId, action: 'approve' });
      }
      await handlers['review.transition']({ id: articleId, action: outcome.status === 'publish' ? 'publish' : 'schedule', ...input });
    } catch (error) {
      console.warn(`[review] could not record the publication of ${articleId} in its workflow history:`, error);
    }
  }

  return { handlers, recordPublished };
}

function baseInfo(article: Article, at: string): DiffBaseInfo {
  return { revision: article.revision, at, headline: article.headline };
}
