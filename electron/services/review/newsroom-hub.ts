// Runs in: services. The "Newsroom server" review hub: stories live on the newsroom server (see
// README "Running a newsroom server"), which keeps the workflow and the comments and enforces the
// roles. The review service records an action here as on any hub, and this hub sends it to the
// server as a workflow call carrying the same event id, so the server checks it with the same
// workflow machine, and a call retried after a lost reply is not applied twice.
//
// The hub token (`hubRevision`) is the number of workflow events plus comments the server holds:
// both only grow, so it changes whenever anyone acts on the story. The story's text is the shared
// Yjs document: a first submission writes the article into it when it is still empty; after that
// the live document is the story, and this hub never overwrites it from a package.
import { articleMetaSchema, EMPTY_DOC, type Article } from '../../../common/article';
import type { ServerComment, StoryRecord, StorySummary } from '../../../common/collab/newsroom-server-protocol';
import { isStoryEmpty, readArticleFromStory, writeArticleToStory } from '../../../common/collab/story-article';
import { workflowRoleOf } from '../../../common/collab/story-access';
import type { Actor } from '../../../common/workflow/newsroom-profile';
import type { ReviewComment } from '../../../common/workflow/review-comment';
import type { WorkflowEvent } from '../../../common/workflow/workflow-event';
import type { StoryConnection } from '../collab/story-connection';
import { contentHash } from './canonical-json';
import { newsroomError, type NewsroomApi } from './newsroom-api';
import type { ReviewHub } from './review-hub';
import { DESK, hubListFilterSchema, type HubEntry, type HubListFilter, type HubListing, type HubWriteResult, type OpenedPackage, type SubmitOptions, type UpdateOptions } from './review-package';

export interface NewsroomHubOptions {
  api: NewsroomApi;
  /** Opens the story's shared document (connectStoryDoc with the server's collab URL and the token). */
  connect(articleId: string): StoryConnection;
  /** How long to wait for a story's document before calling the server unreachable. @default 15_000 */
  syncTimeoutMs?: number;
}

export class NewsroomHub implements ReviewHub {
  readonly kind = 'newsroom' as const;
  readonly location: string;
  private readonly api: NewsroomApi;
  private readonly connect: (articleId: string) => StoryConnection;
  private readonly syncTimeoutMs: number;

  constructor(options: NewsroomHubOptions) {
    this.api = options.api;
    this.location = options.api.serverUrl;
    this.connect = options.connect;
    this.syncTimeoutMs = options.syncTimeoutMs ?? 15_000;
  }

  async submit(article: Article, options: SubmitOptions): Promise<HubWriteResult> {
    // Opening the document makes the story on the server, owned by the opener.
    await this.withStory(article.id, (connection) => {
      if (isStoryEmpty(connection.doc)) writeArticleToStory(connection.doc, article, 'dateline-submit');
    });
    return this.send(article.id, options.history, options.comments, article);
  }

  async update(articleId: string, options: UpdateOptions): Promise<HubWriteResult> {
    if ((await this.api.story(articleId)) === null) throw newsroomError('not-found', 'not-found', `Story ${articleId} is not on the newsroom server ${this.location}.`);
    return this.send(articleId, options.history ?? [], options.comments ?? [], options.article ?? null);
  }

  async list(filter: HubListFilter = {}): Promise<HubListing> {
    const { status } = hubListFilterSchema.parse(filter);
    const stories = await this.api.stories();
    // Everything on the server goes to the desk; the server lists only what this account may open.
    const entries = stories.filter((s) => !status || status.includes(s.status)).map(entryOf);
    entries.sort((a, b) => (a.updatedAt < b.updatedAt ? -1 : a.updatedAt > b.updatedAt ? 1 : a.articleId < b.articleId ? -1 : 1));
    return { entries, problems: [] };
  }

  async open(articleId: string): Promise<OpenedPackage> {
    const record = await this.api.story(articleId);
    if (record === null) throw newsroomError('not-found', 'not-found', `Story ${articleId} is not on the newsroom server ${this.location}, or it is not yours to open.`);
    const article = await this.withStory(articleId, (connection) => readArticleFromStory(connection.doc, baseArticle(record)));
    const submit = record.history.findLast((e) => e.action === 'submit');
    const last = record.history.at(-1);
    const owner: Actor = { name: record.owner, role: 'reporter' };
    return {
      article,
      history: record.history,
      comments: record.comments.map(reviewCommentOf),
      hubRevision: tokenOf(record),
      contentHash: contentHash(article),
      submittedBy: submit?.by ?? owner,
      submittedTo: DESK,
      submittedAt: submit?.at ?? record.updatedAt,
      updatedBy: last?.by ?? owner,
      previousSubmission: null,
      keepsComments: true,
    };
  }

  async currentRevision(articleId: string): Promise<number | null> {
    const record = await this.api.story(articleId);
    return record === null ? null : tokenOf(record);
  }

  /** Sends the events and comments the server does not have yet, in order, by their ids. */
  private async send(articleId: string, history: readonly WorkflowEvent[], comments: readonly ReviewComment[], article: Article | null): Promise<HubWriteResult> {
    let record = await this.api.story(articleId);
    if (record === null) throw newsroomError('not-found', 'not-found', `Story ${articleId} is not on the newsroom server ${this.location}.`);
    const knownEvents = new Set(record.history.map((e) => e.id));
    for (const event of history) {
      if (knownEvents.has(event.id)) continue;
      record = await this.api.workflow(articleId, {
        id: event.id,
        action: event.action,
        ...(event.note ? { note: event.note } : {}),
        ...(event.scheduledAt ? { scheduledAt: event.scheduledAt } : {}),
        ...(event.revision !== undefined && event.revision !== null ? { revision: event.revision } : {}),
      });
    }
    const knownComments = new Set(record.comments.map((c) => c.id));
    for (const comment of comments) {
      if (knownComments.has(comment.id)) continue;
      record = await this.api.comment(articleId, { id: comment.id, body: comment.body, anchor: null });
    }
    return { hubRevision: tokenOf(record), contentHash: article ? contentHash(article) : '0'.repeat(64), updatedAt: record.updatedAt, keepsComments: true };
  }

  private async withStory<T>(articleId: string, use: (connection: StoryConnection) => T): Promise<T> {
    const connection = this.connect(articleId);
    let timer: NodeJS.Timeout | undefined;
    try {
      const timedOut = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(newsroomError('remote-unreachable', 'unreachable', `The newsroom server ${this.location} did not open story ${articleId} in time.`)),
          this.syncTimeoutMs,
        );
      });
      await Promise.race([connection.synced, timedOut]);
      const result = use(connection);
      // What was written goes out before the connection closes.
      await waitUntilSent(connection, this.syncTimeoutMs);
      return result;
    } finally {
      clearTimeout(timer);
      connection.close();
    }
  }
}

function waitUntilSent(connection: StoryConnection, timeoutMs: number): Promise<void> {
  const provider = connection.provider;
  if (!provider.hasUnsyncedChanges) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      provider.off('unsyncedChanges', check);
      reject(newsroomError('remote-unreachable', 'unreachable', 'The newsroom server did not confirm the story was stored in time.'));
    }, timeoutMs);
    function check(): void {
      if (provider.hasUnsyncedChanges) return;
      clearTimeout(timer);
      provider.off('unsyncedChanges', check);
      resolve();
    }
    provider.on('unsyncedChanges', check);
  });
}

function tokenOf(record: StoryRecord): number {
  return record.history.length + record.comments.length;
}

function entryOf(story: StorySummary): HubEntry {
  const owner: Actor = { name: story.owner, role: 'reporter' };
  return {
    articleId: story.id,
    headline: '',
    status: story.status,
    submittedBy: owner,
    submittedTo: DESK,
    submittedAt: story.updatedAt,
    hubRevision: 0,
    updatedAt: story.updatedAt,
    updatedBy: owner,
    words: 0,
    cjkChars: 0,
    openComments: 0,
  };
}

function baseArticle(record: StoryRecord): Article {
  const createdAt = record.history[0]?.at ?? record.updatedAt;
  return {
    schemaVersion: 1,
    id: record.id,
    headline: '',
    subheadline: '',
    summary: '',
    body: EMPTY_DOC,
    meta: articleMetaSchema.parse({}),
    status: record.status,
    createdAt,
    updatedAt: record.updatedAt,
    revision: tokenOf(record),
  };
}

function reviewCommentOf(comment: ServerComment): ReviewComment {
  return {
    id: comment.id,
    author: { name: comment.by.name, role: workflowRoleOf(comment.by.role) },
    createdAt: comment.at,
    body: comment.body,
    anchor: null,
    orphanedQuote: null,
    resolved: false,
    resolvedBy: null,
    resolvedAt: null,
    replies: [],
  };
}
