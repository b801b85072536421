// Runs in: services. The WordPress review hub: an article sent for review is a post with status
// `pending` (a Contributor account is enough), Gutenberg content, the summary as excerpt, and —
// through the Dateline Companion plugin (resources/wordpress/) — Dateline's own review package in
// post meta. Editors list pending posts and open them in Dateline; the post id is offered to the
// publishing outbox so approving and publishing updates this very post instead of creating a twin.
//
// Concurrency. Every write names the hub revision it started from:
// - With the plugin, the check and the write are atomic on the server: the plugin takes a MySQL
//   GET_LOCK per article, compares `dateline_base_revision` with the stored revision, answers 409
//   (mapped to AppError 'conflict') or lets WordPress save and bumps the revision, then unlocks.
// - Without it (and for posts without a package) the revision token is the post's modified time in
//   seconds. The hub waits until the clock has left the base's second (so its own write moves the
//   token), re-reads the post and checks the token, writes, then after `settleMs` reads the post back
//   and answers 'conflict' if another write landed on top of its own (the last writer wins, the
//   others are told). Two first submissions at once: the newer post deletes itself. Remaining race:
//   a writer whose check passed before our write but whose write takes longer than `settleMs` to
//   land overwrites us unseen; a server clock lagging ours by over a second can reuse a token. Only
//   the plugin closes these.
//   Without the plugin review comments cannot be kept in WordPress (writes carrying them are
//   refused) and the workflow history is not kept (WordPress's own status and dates stand in).
//   A publishing job replaces the content (and its marker), so the hub remembers which post it last
//   found for an article and looks there when the marker is gone.
// Photos come down only from the site (and the media origins the newsroom listed), read by
// attachment id; an attachment is reused for a write only once its bytes hash to the media id.
// The queue reads only the post statuses the filter can match, most recently changed first, and
// says so in `problems` when it had to stop at `queueLimit` posts.
import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import { AppError, isAppError } from '../../../common/app-error';
import { articleIdSchema, articleSchema, type Article, type ArticleStatus } from '../../../common/article';
import { docText } from '../../../common/doc-text';
import { bodyToGutenberg, bylineBlock } from '../../../common/serialize/body-to-gutenberg';
import { textStats } from '../../../common/text/text-stats';
import { actorSchema, sameActorName, type Actor } from '../../../common/workflow/newsroom-profile';
import type { QueryValue } from '../publish/wordpress/rest-url';
import { WordPressClient, type FetchImpl } from '../publish/wordpress/wordpress-client';
import { wordpressErrorDetails } from '../publish/wordpress/wordpress-error';
import { KeyedQueue } from '../store/keyed-queue';
import { contentHash } from './canonical-json';
import { downloadPhoto, isOutsideSite, PhotoOrigins, type HostLookup } from '../publish/wordpress/wordpress-photo-download';
import { hashMatches } from '../media/photo-hash';
import type { HubMedia } from './hub-photos';
import type { ReviewHub } from './review-hub';
import { articleTitle, parseHubInput } from './hub-input';
import { sharedHubPackageReader, type HubPackageReader } from './hub-package-reader';
import {
  DESK,
  hubListFilterSchema,
  REVIEW_PACKAGE_FORMAT,
  REVIEW_PACKAGE_VERSION,
  reviewPackageSchema,
  type HubEntry,
  type HubListFilter,
  type HubListing,
  type HubProblem,
  type HubWriteResult,
  type OpenedPackage,
  type SubmitOptions,
  type UpdateOptions,
} from './review-package';
import { fallbackArticle, fallbackArticleId, fallbackArticleText, type WpReviewPost } from './wordpress-hub-fallback';
import {
  derivedArticleId,
  encodePackage,
  gmtToIso,
  MAX_ENCODED_PACKAGE,
  modifiedToken,
  articleIdInContent,
  articleMarkerBlock,
  postIdOfDerived,
  writeNonceInContent,
  type RemotePhoto,
  type WordPressPackage,
} from './wordpress-hub-package';
import { importReviewPhotos, remotePhotoOf, uploadReviewPhotos, type WpMediaItem } from './wordpress-hub-photos';

export interface WordPressHubOptions {
  /** The publishing target this site is, for the wiring that adopts posts. */
  targetId: string;
  siteUrl: string;
  username: string;
  password: string | null;
  /** How the site is named in messages, e.g. "The WordPress site news.example.com". */
  targetLabel: string;
  media: HubMedia;
  /** The post this site's publishing recorded for the article (kept across restarts), when any. */
  knownPostId?: (articleId: string) => Promise<string | null>;
  /** Called when an article is opened: the publishing job that follows should update this post. */
  offerPost?: (articleId: string, postId: string) => Promise<void>;
  fetchImpl?: FetchImpl;
  timeoutMs?: number;
  /** Photo transfers get longer; defaults to max(timeoutMs, 120 s). */
  uploadTimeoutMs?: number;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  /** Without the plugin, how long after a write to look whether another write landed on top. @default 1_000 */
  settleMs?: number;
  /** The most posts of each kind (with a package, without one) the queue reads. @default 400 */
  queueLimit?: number;
  /** Origins besides the site's that its photos are downloaded from (the target's mediaOrigins, e.g. a CDN). */
  mediaOrigins?: readonly string[];
  /** Resolves host names before a photo is downloaded from a listed origin. @default the system resolver */
  lookup?: HostLookup;
  /** Where packages from post meta are decoded and checked, off the services' event loop. @default the shared pool */
  packages?: HubPackageReader;
}

/** A post of the hub with what it carries. */
interface Located {
  post: WpReviewPost;
  articleId: string;
  pkg: WordPressPackage | null;
  /** The revision callers name: the package revision, or the modified-time token. */
  token: number;
  /** The plugin's stored revision (0 before the first package), the base its check compares. */
  storedRevision: number;
}

/** A post too large to read: only its id is known. */
interface OversizedPost {
  id: number;
  oversized: true;
}

/** The posts read for the queue, whether there were more, and the posts left out as too large. */
interface RecentPosts {
  posts: WpReviewPost[];
  more: boolean;
  oversized: HubProblem[];
}

/** Everything of a package except what a write computes. */
type PackageDraft = Pick<WordPressPackage, 'article' | 'history' | 'comments' | 'submittedBy' | 'submittedTo' | 'submittedAt' | 'updatedBy' | 'previousSubmission'> & {
  media: Record<string, RemotePhoto>;
};

const ALL_STATUSES = 'pending,draft,future,publish,private';
// Posts in these statuses are live (or about to be): review writes keep to the package and leave the post alone.
const LIVE_STATUSES = new Set(['publish', 'future', 'private']);
const PACKAGE_PAGE = 20;
const POST_PAGE = 50;
// The queue reads packages from meta, and only posts without one from their content.
const PACKAGE_FIELDS = 'id,status,link,date_gmt,modified_gmt,author,title,meta';
const POST_FIELDS = 'id,status,slug,link,date_gmt,modified_gmt,author,featured_media,title,content,excerpt,meta';

export class WordPressHub implements ReviewHub {
  readonly kind = 'wordpress' as const;
  readonly location: string;
  readonly targetId: string;
  private readonly client: WordPressClient;
  private readonly options: WordPressHubOptions;
  private readonly uploadTimeoutMs: number;
  private readonly now: () => Date;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly settleMs: number;
  private readonly queueLimit: number;
  private readonly queue = new KeyedQueue();
  private readonly packages: HubPackageReader;
  private readonly authors = new Map<number, Promise<string>>();
  private readonly origins: PhotoOrigins;
  /** Attachments (by `<media id>#<attachment id>`) whose bytes this hub saw hash to the media id, or stored itself. */
  private readonly verified = new Map<string, RemotePhoto>();
  /** The post each article was last found in (without the plugin a publishing job removes the marker). */
  private readonly postOf = new Map<string, number>();
  private companion: Promise<boolean> | null = null;

  constructor(options: WordPressHubOptions) {
    this.options = options;
    this.location = options.siteUrl;
    this.targetId = options.targetId;
    this.client = new WordPressClient({
      siteUrl: options.siteUrl,
      username: options.username,
      password: options.password,
      targetLabel: options.targetLabel,
      fetchImpl: options.fetchImpl,
      timeoutMs: options.timeoutMs,
    });
    this.uploadTimeoutMs = options.uploadTimeoutMs ?? Math.max(options.timeoutMs ?? 0, 120_000);
    this.now = options.now ?? (() => new Date());
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.settleMs = options.settleMs ?? 1_000;
    this.queueLimit = Math.max(1, options.queueLimit ?? 400);
    this.origins = new PhotoOrigins(options.siteUrl, { mediaOrigins: options.mediaOrigins, lookup: options.lookup });
    this.packages = options.packages ?? sharedHubPackageReader();
  }

  /** Sends the article (and its photos) for review: creates the pending post, or updates it on a resubmission. */
  async submit(article: Article, options: SubmitOptions): Promise<HubWriteResult> {
    const incoming = valid(articleSchema, article, 'the article');
    const by = valid(actorSchema, options.by, 'the sender');
    const to = valid(reviewPackageSchema.shape.submittedTo, options.to, 'the recipient (the desk or an editor)');
    const history = valid(reviewPackageSchema.shape.history, options.history, 'the workflow history');
    const comments = valid(reviewPackageSchema.shape.comments, options.comments, 'the comments');
    return this.queue.run(incoming.id, async () => {
      const companion = await this.hasCompanion();
      const current = await this.locate(incoming.id, companion);
      if (current === null && options.baseHubRevision !== null) {
        throw new AppError(
          'conflict',
          `“${articleTitle(incoming)}” was removed from WordPress since you last opened it (revision ${options.baseHubRevision}); submit it again as new if it should be reviewed`,
          { kind: 'hub-removed', headline: articleTitle(incoming), hubRevision: null },
        );
      }
      if (current !== null) this.checkBase(current, options.baseHubRevision, incoming);
      const at = this.now().toISOString();
      return this.write(current, companion, options.baseHubRevision, {
        article: incoming,
        history,
        comments,
        submittedBy: by,
        submittedTo: to,
        submittedAt: at,
        updatedBy: by,
        previousSubmission: current?.pkg?.article ?? null,
        media: current?.pkg?.media ?? {},
      });
    });
  }

  /** A change to an article under review: comments, history, a new article version. */
  async update(articleId: string, options: UpdateOptions): Promise<HubWriteResult> {
    const id = valid(articleIdSchema, articleId, 'the article id');
    const article = options.article === undefined ? undefined : valid(articleSchema, options.article, 'the article');
    if (article && article.id !== id) throw new AppError('invalid-input', `The article sent (${article.id}) is not the one being updated (${id})`, { kind: 'hub-article-mismatch' });
    const by = valid(actorSchema, options.by, 'the person updating');
    const history = options.history === undefined ? undefined : valid(reviewPackageSchema.shape.history, options.history, 'the workflow history');
    const comments = options.comments === undefined ? undefined : valid(reviewPackageSchema.shape.comments, options.comments, 'the comments');
    return this.queue.run(id, async () => {
      const companion = await this.hasCompanion();
      const current = await this.locate(id, companion);
      if (current === null) throw this.notFound(article ? `“${articleTitle(article)}”` : `The article ${id}`);
      this.checkBase(current, options.baseHubRevision, article ?? null);
      let base: PackageDraft;
      if (current.pkg) {
        base = { ...current.pkg, media: current.pkg.media };
      } else {
        const read = await fallbackArticle(current.post, id, this.fallbackOptions());
        this.markVerified(read.media);
        const author = await this.authorActor(current.post.author);
        const submittedAt = gmtToIso(current.post.date_gmt) ?? read.article.createdAt;
        base = { article: read.article, history: [], comments: [], submittedBy: author, submittedTo: DESK, submittedAt, updatedBy: author, previousSubmission: null, media: read.media };
      }
      return this.write(current, companion, options.baseHubRevision, {
        ...base,
        article: article ?? base.article,
        history: history ?? base.history,
        comments: comments ?? base.comments,
        updatedBy: by,
      });
    });
  }

  /**
   * The review queue: packages and pending posts, longest waiting first; unreadable ones go to
   * `problems`. Only the post statuses the filter can match are read, most recently changed first;
   * past `queueLimit` posts the rest are left out and a problem says so.
   */
  async list(filter: HubListFilter = {}): Promise<HubListing> {
    const { to, status } = valid(hubListFilterSchema, filter, 'the review queue filter');
    const companion = await this.hasCompanion();
    const entries: HubEntry[] = [];
    const problems: HubProblem[] = [];
    if (companion) {
      const statuses = postStatusesFor(status);
      const read = await this.recentPosts({ dateline_review: 'with', status: statuses.join(','), _fields: PACKAGE_FIELDS }, PACKAGE_PAGE);
      if (read.more) problems.push(this.cutProblem('queue-limit-packages', 'sent for review with Dateline', statuses));
      problems.push(...read.oversized);
      for (const post of read.posts) {
        const documentId = post.meta?.dateline_document;
        const articleId = typeof documentId === 'string' && articleIdSchema.safeParse(documentId).success ? documentId : derivedArticleId(this.options.siteUrl, post.id);
        try {
          const located = await this.located(post, articleId);
          if (located.pkg) entries.push(packageEntry(located.pkg, located.token));
        } catch (error) {
          problems.push({ articleId, path: this.editUrl(post.id), message: messageOf(error) });
        }
      }
    }
    // Posts without a package are read from their HTML: a pending one stands for a submitted article.
    const unpackaged: RecentPosts = !status || status.includes('submitted') ? await this.recentPosts({ ...(companion ? { dateline_review: 'without' } : {}), status: 'pending', _fields: POST_FIELDS }, POST_PAGE) : { posts: [], more: false, oversized: [] };
    problems.push(...unpackaged.oversized);
    if (unpackaged.more) problems.push(this.cutProblem('queue-limit-pending', companion ? 'pending review without a Dateline package' : 'pending review', ['pending']));
    for (const post of unpackaged.posts) {
      const articleId = fallbackArticleId(post, derivedArticleId(this.options.siteUrl, post.id));
      try {
        const article = fallbackArticleText(post, articleId, this.options.siteUrl);
        const author = await this.authorActor(post.author);
        const stats = textStats(docText(article.body));
        entries.push({
          articleId,
          headline: article.headline,
          status: article.status,
          submittedBy: author,
          submittedTo: DESK,
          submittedAt: gmtToIso(post.date_gmt) ?? article.createdAt,
          hubRevision: modifiedToken(post.modified_gmt),
          updatedAt: article.updatedAt,
          updatedBy: author,
          words: stats.words,
          cjkChars: stats.cjkChars,
          openComments: 0,
        });
      } catch (error) {
        problems.push({ articleId, path: this.editUrl(post.id), message: `Post ${post.id} cannot be read as an article: ${messageOf(error)}` });
      }
    }
    const wanted = entries.filter((e) => (!status || status.includes(e.status)) && (!to || addressedTo(e.submittedTo, to)));
    wanted.sort((a, b) => (a.submittedAt < b.submittedAt ? -1 : a.submittedAt > b.submittedAt ? 1 : a.articleId < b.articleId ? -1 : 1));
    problems.sort((a, b) => (a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : 0));
    return { entries: wanted, problems };
  }

  /** The hub's revision token of the article now (after a publishing job changed its post, too); null when it is not in WordPress. */
  async currentRevision(articleId: string): Promise<number | null> {
    const id = valid(articleIdSchema, articleId, 'the article id');
    const current = await this.locate(id, await this.hasCompanion());
    return current?.token ?? null;
  }

  /** The article under review with its photos in this machine's library; its post is offered to the publishing outbox. */
  async open(articleId: string): Promise<OpenedPackage> {
    const id = valid(articleIdSchema, articleId, 'the article id');
    const companion = await this.hasCompanion();
    const current = await this.locate(id, companion);
    if (current === null) throw this.notFound(`The article ${id}`);
    let opened: OpenedPackage;
    if (current.pkg) {
      const pkg = current.pkg;
      const imported = await importReviewPhotos(pkg.article, pkg.media, this.options.media, (id, what) => this.fetchAttachment(id, what), pkg.updatedBy.name);
      this.markVerified(imported);
      opened = {
        article: pkg.article,
        history: pkg.history,
        comments: pkg.comments,
        hubRevision: current.token,
        contentHash: pkg.contentHash,
        submittedBy: pkg.submittedBy,
        submittedTo: pkg.submittedTo,
        submittedAt: pkg.submittedAt,
        updatedBy: pkg.updatedBy,
        previousSubmission: pkg.previousSubmission,
        keepsComments: companion,
      };
    } else {
      const read = await fallbackArticle(current.post, id, this.fallbackOptions());
      this.markVerified(read.media);
      const author = await this.authorActor(current.post.author);
      opened = {
        article: read.article,
        history: [],
        comments: [],
        hubRevision: current.token,
        contentHash: contentHash(read.article),
        submittedBy: author,
        submittedTo: DESK,
        submittedAt: gmtToIso(current.post.date_gmt) ?? read.article.createdAt,
        updatedBy: author,
        previousSubmission: null,
        keepsComments: companion,
      };
    }
    await this.options.offerPost?.(id, String(current.post.id));
    return opened;
  }

  private async write(current: Located | null, companion: boolean, baseHubRevision: number | null, draft: PackageDraft): Promise<HubWriteResult> {
    const article = draft.article;
    const label = `“${articleTitle(article)}”`;
    if (!companion && draft.comments.length > 0) {
      throw new AppError(
        'invalid-input',
        `${this.options.targetLabel} cannot keep review comments: the Dateline Companion plugin is not installed there. Ask the site's administrator to install resources/wordpress/dateline-companion.php, or send ${label} without comments`,
        { kind: 'hub-comments-need-plugin', target: this.options.siteUrl },
      );
    }
    let target = current;
    if (!companion && current !== null) {
      // Let the clock leave the base's second (so this write moves the token), then look again right before writing.
      await this.waitPastSecond(current.token);
      target = await this.locate(current.articleId, companion);
      if (target === null) throw new AppError('conflict', `${label} was removed from WordPress while you were saving it`, {
          kind: 'hub-removed',
          headline: articleTitle(article),
          hubRevision: null,
        });
      this.checkBase(target, baseHubRevision, article);
    }
    const live = target !== null && LIVE_STATUSES.has(target.post.status);
    // Nothing of a live post changes for review without the plugin: the publishing job sends the article.
    if (!companion && live) return { hubRevision: target?.token ?? 0, contentHash: contentHash(article), updatedAt: this.now().toISOString(), keepsComments: false };
    const media = await uploadReviewPhotos(article, {
      client: this.client,
      media: this.options.media,
      companion,
      known: draft.media,
      uploadTimeoutMs: this.uploadTimeoutMs,
      holds: (mediaId, photo, what) => this.holds(mediaId, photo, what),
    });
    this.markVerified(media);
    const updatedAt = this.now().toISOString();
    const nextRevision = (target?.storedRevision ?? 0) + 1;
    const pkg: WordPressPackage = {
      format: REVIEW_PACKAGE_FORMAT,
      version: REVIEW_PACKAGE_VERSION,
      hubRevision: nextRevision,
      contentHash: contentHash(article),
      article,
      history: draft.history,
      comments: draft.comments,
      submittedBy: draft.submittedBy,
      submittedTo: draft.submittedTo,
      submittedAt: draft.submittedAt,
      updatedAt,
      updatedBy: draft.updatedBy,
      previousSubmission: draft.previousSubmission,
      media,
    };
    const fields: Record<string, unknown> = {};
    const nonce = randomBytes(8).toString('hex');
    if (!live) {
      fields.title = article.headline;
      fields.content = companion ? this.content(article, media) : `${articleMarkerBlock(article.id, nonce)}\n\n${this.content(article, media)}`;
      fields.excerpt = article.summary;
      const status = wordpressStatusFor(article.status);
      if (status) fields.status = status;
    } else if (article.status === 'spiked' && target?.post.status === 'future') {
      // Spiking a scheduled story takes it off the schedule: it must never go live by itself.
      fields.status = 'draft';
    }
    if (companion) {
      const encoded = encodePackage(pkg);
      if (encoded.length > MAX_ENCODED_PACKAGE) {
        throw new AppError(
          'invalid-input',
          `${label} with its history and comments is too large to keep in WordPress (${Math.ceil(encoded.length / 1_048_576)} MB; at most ${MAX_ENCODED_PACKAGE / 1_048_576} MB): resolve and remove old comments, or shorten the article`,
          { kind: 'hub-package-too-large', headline: articleTitle(article), megabytes: Math.ceil(encoded.length / 1_048_576), maxMegabytes: MAX_ENCODED_PACKAGE / 1_048_576 },
        );
      }
      fields.meta = { dateline_document: article.id, dateline_review: encoded };
      fields.dateline_base_revision = target?.storedRevision ?? 0;
    }
    const route = target ? `wp/v2/posts/${target.post.id}` : 'wp/v2/posts';
    let saved: WpReviewPost;
    try {
      saved = await this.client.request<WpReviewPost>('POST', route, {
        json: fields,
        query: { context: 'edit' },
        purpose: { action: target ? `send ${label} for review (the post belongs to someone else or is already published)` : 'write posts' },
      });
    } catch (error) {
      throw this.asConflict(error, label);
    }
    if (target && saved.id !== target.post.id) {
      throw new AppError('remote-bad-response', `WordPress answered about post ${saved.id} where Dateline saved post ${target.post.id}; a proxy in between may have mixed up replies. Open the article again`, {
        kind: 'answer-mixed-up',
        retryable: false,
        mayHaveArrived: true,
      });
    }
    this.postOf.set(article.id, saved.id);
    if (companion) {
      const stored = Number(saved.meta?.dateline_hub_revision);
      if (stored !== nextRevision) {
        throw new AppError(
          'remote-bad-response',
          `WordPress saved ${label} but not its review revision (it holds ${Number.isFinite(stored) ? stored : 'none'}, Dateline expected ${nextRevision}): the Dateline Companion plugin on ${this.options.siteUrl} may be out of date`,
          { kind: 'hub-revision-not-kept', headline: articleTitle(article) },
        );
      }
      return { hubRevision: stored, contentHash: pkg.contentHash, updatedAt, keepsComments: true };
    }
    if (target === null) await this.removeIfTwin(saved, article.id, label);
    else await this.checkNotOverwritten(saved, nonce, label);
    return { hubRevision: modifiedToken(saved.modified_gmt), contentHash: pkg.contentHash, updatedAt, keepsComments: companion };
  }

  /** Without the plugin: of two first submissions at once the older post stays; the newer one deletes itself. */
  private async removeIfTwin(saved: WpReviewPost, articleId: string, label: string): Promise<void> {
    if (postIdOfDerived(this.options.siteUrl, articleId) !== null) return;
    const found = await this.client.request<WpReviewPost[]>('GET', 'wp/v2/posts', {
      query: { search: articleId, status: ALL_STATUSES, context: 'edit', per_page: 20, orderby: 'id', order: 'asc' },
      purpose: { action: 'look up posts sent for review' },
    });
    const older = found.find((p) => p.id < saved.id && articleIdInContent(p.content?.raw) === articleId);
    if (!older) return;
    await this.client.request<unknown>('DELETE', `wp/v2/posts/${saved.id}`, {
      query: { force: true },
      purpose: { action: 'delete its own duplicate post', subject: `post ${saved.id}` },
    });
    throw new AppError('conflict', `${label} was sent to WordPress from another machine at the same moment (post ${older.id}); open it there to continue`, {
      kind: 'hub-twin',
      headline: label.slice(1, -1),
      hubRevision: modifiedToken(older.modified_gmt),
      postId: older.id,
    });
  }

  /** Without the plugin: a write that landed on top of ours (its nonce replaced ours) means ours is lost — say so. */
  private async checkNotOverwritten(saved: WpReviewPost, nonce: string, label: string): Promise<void> {
    let now: WpReviewPost | null = saved;
    // WordPress answers with the post as it is after the write: another write may already show.
    if (writeNonceInContent(now.content?.raw) === nonce) {
      // A writer whose check passed just before our write lands its write within a request's time: wait that out.
      await this.sleep(this.settleMs);
      now = await this.getPost(saved.id);
    }
    if (now === null || writeNonceInContent(now.content?.raw) !== nonce) {
      throw new AppError('conflict', `Someone else saved ${label} in WordPress at the same moment as you, over your change; reopen it to see theirs and make your change again`, {
        kind: 'hub-race-lost',
        headline: label.slice(1, -1),
        hubRevision: now ? modifiedToken(now.modified_gmt) : null,
      });
    }
  }

  private checkBase(current: Located, base: number | null, article: Article | null): void {
    if (current.token === base) return;
    const name = current.pkg ? articleTitle(current.pkg.article) : article ? articleTitle(article) : htmlTitle(current.post);
    throw new AppError('conflict', `Someone else changed “${name}” in WordPress since you opened it (revision ${current.token}); reopen it to see their changes`, {
      kind: 'hub-changed',
      headline: name,
      hubRevision: current.token,
      updatedBy: current.pkg?.updatedBy.name ?? null,
      postId: current.post.id,
    });
  }

  private asConflict(error: unknown, label: string): unknown {
    const details = wordpressErrorDetails(error);
    if (!details || details.status !== 409 || !details.wpCode?.startsWith('dateline_review')) return error;
    if (details.wpCode === 'dateline_review_busy') {
      return new AppError('conflict', `${label} is being saved to WordPress by someone else right now; try again in a moment`, {
        kind: 'hub-busy',
        headline: label.slice(1, -1),
        hubRevision: null,
      });
    }
    const revision = typeof details.wpData?.hubRevision === 'number' ? details.wpData.hubRevision : null;
    return new AppError(
      'conflict',
      `Someone else changed ${label} in WordPress since you opened it${revision !== null ? ` (revision ${revision})` : ''}; reopen it to see their changes`,
      { kind: 'hub-changed', headline: label.slice(1, -1), hubRevision: revision, postId: typeof details.wpData?.postId === 'number' ? details.wpData.postId : null },
    );
  }

  /** Finds the post of an article: derived ids name the post; else the plugin's marker query, or the marker in the content without it. */
  private async locate(articleId: string, companion: boolean): Promise<Located | null> {
    const derived = postIdOfDerived(this.options.siteUrl, articleId);
    let post: WpReviewPost | null;
    if (derived !== null) {
      post = await this.getPost(derived);
    } else if (companion) {
      const found = await this.client.request<WpReviewPost[]>('GET', 'wp/v2/posts', {
        query: { dateline_document: articleId, status: ALL_STATUSES, context: 'edit', per_page: 10, orderby: 'id', order: 'asc' },
        purpose: { action: 'look up posts sent for review' },
      });
      post = found.find((p) => typeof p.meta?.dateline_review === 'string' && p.meta.dateline_review.length > 0) ?? found[0] ?? null;
    } else {
      // WordPress's search reads the content, where the marker carries the id.
      const found = await this.client.request<WpReviewPost[]>('GET', 'wp/v2/posts', {
        query: { search: articleId, status: ALL_STATUSES, context: 'edit', per_page: 20, orderby: 'id', order: 'asc' },
        purpose: { action: 'look up posts sent for review' },
      });
      post = found.find((p) => articleIdInContent(p.content?.raw) === articleId) ?? (await this.rememberedPost(articleId));
    }
    if (post === null) return null;
    this.postOf.set(articleId, post.id);
    return await this.located(post, articleId);
  }

  /** Without the plugin: the post this hub last found the article in, when a publishing job replaced its marker. */
  private async rememberedPost(articleId: string): Promise<WpReviewPost | null> {
    const recorded = this.postOf.has(articleId) ? null : await this.options.knownPostId?.(articleId).catch(() => null);
    const id = this.postOf.get(articleId) ?? (recorded && /^\d+$/.test(recorded) ? Number(recorded) : undefined);
    if (id === undefined) return null;
    const post = await this.getPost(id);
    // Marked for another article now: not this one's post any more.
    if (post === null || (articleIdInContent(post.content?.raw) ?? articleId) !== articleId) {
      this.postOf.delete(articleId);
      return null;
    }
    return post;
  }

  /** A post's package (checked) and revision; a damaged package is an error here (list() reports it instead). */
  private async located(post: WpReviewPost, articleId: string): Promise<Located> {
    const storedRevision = Number(post.meta?.dateline_hub_revision ?? 0) || 0;
    const raw = post.meta?.dateline_review;
    if (typeof raw !== 'string' || raw.length === 0) {
      return { post, articleId, pkg: null, token: modifiedToken(post.modified_gmt), storedRevision };
    }
    const where = `${this.options.siteUrl} (post ${post.id})`;
    // A contributor writes this meta: it is decoded, bounded and checked in a worker.
    const decoded = await this.packages.run({ kind: 'meta', encoded: raw });
    if (decoded.kind !== 'ok') {
      const reason = decoded.kind === 'unreadable' ? decoded.reason : 'the package is empty';
      throw new AppError('corrupt-file', `The review copy of ${articleId} in WordPress at ${where} cannot be read: ${reason}. Ask the sender to submit the article again`, { kind: 'hub-package' });
    }
    const pkg = decoded.value as WordPressPackage;
    if (pkg.article.id !== articleId) {
      throw new AppError('corrupt-file', `Post ${post.id} at ${this.options.siteUrl} holds the review copy of another article (${pkg.article.id}), not ${articleId}`, { kind: 'hub-package-other-article' });
    }
    if (contentHash(pkg.article) !== pkg.contentHash) {
      throw new AppError('corrupt-file', `The review copy of “${articleTitle(pkg.article)}” in WordPress at ${where} was changed outside Dateline: its content hash does not match`, { kind: 'hub-package-edited', headline: articleTitle(pkg.article) });
    }
    if (storedRevision !== pkg.hubRevision) {
      throw new AppError(
        'corrupt-file',
        `The review copy of “${articleTitle(pkg.article)}” in WordPress at ${where} is at revision ${pkg.hubRevision} but WordPress counts ${storedRevision}: it was written without the Dateline Companion plugin's check. Ask the sender to submit it again`,
        { kind: 'hub-package-revision', headline: articleTitle(pkg.article) },
      );
    }
    return { post, articleId, pkg, token: pkg.hubRevision, storedRevision };
  }

  private async getPost(id: number): Promise<WpReviewPost | null> {
    try {
      const post = await this.client.request<WpReviewPost>('GET', `wp/v2/posts/${id}`, {
        query: { context: 'edit' },
        purpose: { action: 'open posts sent for review', subject: `post ${id}` },
      });
      return post.status === 'trash' ? null : post;
    } catch (error) {
      if (isAppError(error) && error.code === 'remote-not-found') return null;
      throw error;
    }
  }

  /**
   * The posts matching `query`, most recently changed first, at most `queueLimit`; `more` when
   * WordPress holds more than that (the client gives no headers, so a short page ends the list and
   * one more page tells whether a full one was the last).
   */
  private async recentPosts(query: Record<string, QueryValue>, perPage: number): Promise<RecentPosts> {
    const seen = new Set<number>();
    const posts: WpReviewPost[] = [];
    const oversized: HubProblem[] = [];
    const lastPage = Math.ceil(this.queueLimit / perPage);
    for (let page = 1; page <= lastPage; page++) {
      const items = await this.postsPageOneByOneIfTooLarge(query, perPage, page, oversized);
      for (const post of items) {
        if (seen.has(post.id)) continue;
        seen.add(post.id);
        if (!('oversized' in post)) posts.push(post);
      }
      if (items.length < perPage) return { posts: posts.slice(0, this.queueLimit), more: posts.length > this.queueLimit, oversized };
    }
    if (posts.length > this.queueLimit) return { posts: posts.slice(0, this.queueLimit), more: true, oversized };
    const next = await this.postsPage({ ...query, _fields: 'id' }, perPage, lastPage + 1);
    return { posts, more: next.some((p) => !seen.has(p.id)), oversized };
  }

  /**
   * One page of posts; when the page is larger than Dateline reads (a contributor can put up to
   * the plugin's limit in each post's meta), its posts are read one at a time, so only a post that
   * is too large by itself is left out, named in `oversized` instead of failing the whole queue.
   */
  private async postsPageOneByOneIfTooLarge(query: Record<string, QueryValue>, perPage: number, page: number, oversized: HubProblem[]): Promise<(WpReviewPost | OversizedPost)[]> {
    try {
      return await this.postsPage(query, perPage, page);
    } catch (error) {
      if (!isAppError(error) || error.code !== 'remote-too-large') throw error;
    }
    const ids = (await this.postsPage({ ...query, _fields: 'id' }, perPage, page)).map((p) => p.id);
    const posts: (WpReviewPost | OversizedPost)[] = [];
    for (const id of ids) {
      try {
        posts.push(
          await this.client.request<WpReviewPost>('GET', `wp/v2/posts/${id}`, {
            query: { _fields: query._fields ?? 'id', context: 'edit' },
            purpose: { action: 'list posts sent for review (it needs an account that may write posts, e.g. Contributor)', subject: `post ${id}` },
          }),
        );
      } catch (error) {
        if (!isAppError(error) || error.code !== 'remote-too-large') throw error;
        oversized.push({
          articleId: derivedArticleId(this.options.siteUrl, id),
          path: this.editUrl(id),
          message: `Post ${id} at ${this.options.siteUrl} is larger than Dateline reads, so it was left out of the review queue: ${error.message}`,
        });
        // Its place on the page still counts, so paging goes on past it.
        posts.push({ id, oversized: true });
      }
    }
    return posts;
  }

  private async postsPage(query: Record<string, QueryValue>, perPage: number, page: number): Promise<WpReviewPost[]> {
    try {
      return await this.client.request<WpReviewPost[]>('GET', 'wp/v2/posts', {
        query: { ...query, context: 'edit', per_page: perPage, page, orderby: 'modified', order: 'desc' },
        purpose: { action: 'list posts sent for review (it needs an account that may write posts, e.g. Contributor)' },
      });
    } catch (error) {
      if (page > 1 && wordpressErrorDetails(error)?.wpCode === 'rest_post_invalid_page_number') return [];
      throw error;
    }
  }

  /** The problem that says the queue was cut short, and how to see the rest; `key` (never an article id) tells the two lists apart. */
  private cutProblem(key: string, what: string, statuses: readonly string[]): HubProblem {
    return {
      articleId: key,
      path: `${this.options.siteUrl.replace(/\/+$/, '')}/wp-admin/edit.php?post_status=${statuses[0] ?? 'pending'}`,
      message:
        `The review queue was cut short: WordPress at ${this.options.siteUrl} holds more than ${this.queueLimit} posts ${what} (${statuses.join(', ')}), ` +
        `so only the ${this.queueLimit} most recently changed are listed and older ones are left out. Narrow the list with "For me" (what was sent to you or the desk), ` +
        `or publish, spike or return the stories that are done so they leave the queue`,
    };
  }

  /** Whether the companion plugin answers (once per hub; a failure is asked again next time). */
  private hasCompanion(): Promise<boolean> {
    if (!this.companion) {
      const check = async (): Promise<boolean> => {
        const me = await this.client.request<{ roles?: string[] }>('GET', 'wp/v2/users/me', { query: { context: 'edit' }, purpose: { action: 'read its own profile' } });
        this.client.role = (me.roles ?? [])[0] ?? null;
        try {
          await this.client.request<unknown>('GET', 'dateline/v1/companion', {
            purpose: { action: 'take part in Dateline review (it needs an account that may write posts, e.g. Contributor)' },
          });
          return true;
        } catch (error) {
          if (isAppError(error) && error.code === 'remote-not-found') return false;
          throw error;
        }
      };
      const pending = check();
      this.companion = pending;
      pending.catch(() => {
        if (this.companion === pending) this.companion = null;
      });
    }
    return this.companion;
  }

  private content(article: Article, media: Record<string, RemotePhoto>): string {
    const body = bodyToGutenberg(article.body, {
      media: (mediaId) => {
        const remote = media[mediaId];
        return remote ? { id: remote.id, url: remote.url } : null;
      },
    });
    const byline = bylineBlock(article);
    return byline ? `${byline}\n\n${body}` : body;
  }

  private fallbackOptions() {
    return {
      media: this.options.media,
      siteUrl: this.options.siteUrl,
      fetchAttachment: (id: number, what: string) => this.fetchAttachment(id, what),
      download: (url: string, what: string) => this.download(url, what),
    };
  }

  /** Bytes from the site (or a media origin the newsroom listed); anything else is refused before any request. */
  private download(url: string, what: string): Promise<Uint8Array> {
    return downloadPhoto(url, { fetchImpl: this.options.fetchImpl, timeoutMs: this.uploadTimeoutMs, targetLabel: this.options.targetLabel, origins: this.origins, what });
  }

  /** A media library item read by id through the REST API, and its original bytes; null when it is gone. */
  private async fetchAttachment(attachmentId: number, what: string): Promise<{ bytes: Uint8Array; remote: RemotePhoto } | null> {
    let item: WpMediaItem;
    try {
      item = await this.client.request<WpMediaItem>('GET', `wp/v2/media/${attachmentId}`, {
        purpose: { action: 'read the media library', subject: what },
      });
    } catch (error) {
      if (isAppError(error) && error.code === 'remote-not-found') return null;
      throw error;
    }
    if (item.id !== attachmentId || typeof item.source_url !== 'string') {
      throw new AppError('remote-bad-response', `WordPress answered about another media item when Dateline asked for ${what} (media item ${attachmentId}); try again`, { kind: 'answer-mixed-up', retryable: true, mayHaveArrived: true });
    }
    const remote = remotePhotoOf(item);
    return { bytes: await this.download(remote.originalUrl, what), remote };
  }

  /** The attachment as WordPress reports it when it holds the photo a media id names (downloaded by id and hashed, once per hub); else null. */
  private async holds(mediaId: string, photo: RemotePhoto, what: string): Promise<RemotePhoto | null> {
    const key = `${mediaId}#${photo.id}`;
    const known = this.verified.get(key);
    if (known) return known;
    let found: Awaited<ReturnType<WordPressHub['fetchAttachment']>>;
    try {
      found = await this.fetchAttachment(photo.id, what);
    } catch (error) {
      if (isOutsideSite(error)) return null;
      throw error;
    }
    if (!found || !hashMatches(mediaId, found.bytes)) return null;
    this.verified.set(key, found.remote);
    return found.remote;
  }

  private markVerified(media: Record<string, RemotePhoto>): void {
    for (const [mediaId, photo] of Object.entries(media)) this.verified.set(`${mediaId}#${photo.id}`, photo);
  }

  /** The author of a post as the queue names them; WordPress may not show a contributor other people's profiles. */
  private async authorActor(userId: number): Promise<Actor> {
    let name = this.authors.get(userId);
    if (!name) {
      name = this.client
        .request<{ name?: string }>('GET', `wp/v2/users/${userId}`, { purpose: { action: 'read user profiles' } })
        .then((user) => (typeof user.name === 'string' && user.name.trim() ? user.name.trim().slice(0, 200) : `WordPress user ${userId}`))
        .catch(() => `WordPress user ${userId}`);
      this.authors.set(userId, name);
    }
    return { name: await name, role: 'reporter' };
  }

  private async waitPastSecond(token: number): Promise<void> {
    const wait = (token + 1) * 1000 + 50 - this.now().getTime();
    if (wait > 0 && wait <= 2_000) await this.sleep(wait);
  }

  private notFound(what: string): AppError {
    const role = this.client.role ? ` (${this.client.role})` : '';
    return new AppError(
      'not-found',
      `${what} is not in WordPress at ${this.options.siteUrl} for review: it may have been deleted, or your WordPress account${role} may not see other people's posts (that needs the Editor role)`,
      { kind: 'hub-post-missing', headline: what.replace(/^“|”$/g, ''), site: this.options.siteUrl },
    );
  }

  private editUrl(postId: number): string {
    return `${this.options.siteUrl.replace(/\/+$/, '')}/wp-admin/post.php?post=${postId}&action=edit`;
  }
}

/** The WordPress status a review state puts the post in; null leaves it as it is (the publishing job decides). */
export function wordpressStatusFor(status: ArticleStatus): 'pending' | 'draft' | null {
  switch (status) {
    case 'submitted':
    case 'approved':
      return 'pending';
    case 'draft':
    case 'changes_requested':
    case 'spiked':
      return 'draft';
    default:
      return null;
  }
}

function packageEntry(pkg: WordPressPackage, token: number): HubEntry {
  const stats = textStats(docText(pkg.article.body));
  return {
    articleId: pkg.article.id,
    headline: pkg.article.headline,
    status: pkg.article.status,
    submittedBy: pkg.submittedBy,
    submittedTo: pkg.submittedTo,
    submittedAt: pkg.submittedAt,
    hubRevision: token,
    updatedAt: pkg.updatedAt,
    updatedBy: pkg.updatedBy,
    words: stats.words,
    cjkChars: stats.cjkChars,
    openComments: pkg.comments.filter((c) => !c.resolved).length,
  };
}

/**
 * The post statuses an article status filter can be found in: every article under review sits in a
 * pending or draft post; a scheduled (or spiked scheduled) one also in a future post, a published or
 * corrected one in a published (or private) post. Without a filter: pending and draft only.
 */
export function postStatusesFor(status: readonly ArticleStatus[] | undefined): string[] {
  const statuses = new Set(['pending', 'draft']);
  for (const s of status ?? []) {
    if (s === 'scheduled' || s === 'spiked') statuses.add('future');
    if (s === 'published' || s === 'corrected') {
      statuses.add('publish');
      statuses.add('private');
    }
  }
  return [...statuses];
}

/** An editor's queue holds what was sent to them by name and what was sent to the desk. */
function addressedTo(submittedTo: string, to: string): boolean {
  if (sameActorName(to, DESK)) return sameActorName(submittedTo, DESK);
  return sameActorName(submittedTo, to) || sameActorName(submittedTo, DESK);
}


function htmlTitle(post: WpReviewPost): string {
  return (post.title.raw ?? post.title.rendered ?? '').trim() || `post ${post.id}`;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function valid<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  return parseHubInput(schema, value, what, 'WordPress review');
}
