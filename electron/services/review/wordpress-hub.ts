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
//
// The parts: wordpress-hub-context.ts (what they share), -locate.ts (finding an article's post),
// -queue.ts (the queue), -write.ts (writes, twins, conflicts), -attachments.ts and -photos.ts
// (photos), -fallback.ts (posts without a package), -package.ts (the package in post meta).
import type { Article } from '../../../common/article';
import { articleIdSchema, articleSchema } from '../../../common/article';
import { AppError } from '../../../common/app-error';
import { actorSchema } from '../../../common/workflow/newsroom-profile';
import { gmtToIso } from '../wordpress';
import { KeyedQueue } from '../store/keyed-queue';
import { contentHash } from './canonical-json';
import { checkStillInHub } from './hub-base-check';
import { articleTitle } from './hub-input';
import type { ReviewHub } from './review-hub';
import { DESK, reviewPackageSchema, type HubListFilter, type HubListing, type HubWriteResult, type OpenedPackage, type SubmitOptions, type UpdateOptions } from './review-package';
import { fetchAttachment, fallbackOptions, markVerified } from './wordpress-hub-attachments';
import { authorActor, createHubContext, hasCompanion, notFound, valid, type HubContext, type WordPressHubOptions } from './wordpress-hub-context';
import { fallbackArticle } from './wordpress-hub-fallback';
import { checkBase, locate } from './wordpress-hub-locate';
import { importReviewPhotos } from './wordpress-hub-photos';
import { listQueue } from './wordpress-hub-queue';
import { writePost, type PackageDraft } from './wordpress-hub-write';

export type { WordPressHubOptions } from './wordpress-hub-context';
export { postStatusesFor } from './wordpress-hub-queue';
export { wordpressStatusFor } from './wordpress-hub-write';

export class WordPressHub implements ReviewHub {
  readonly kind = 'wordpress' as const;
  readonly location: string;
  readonly targetId: string;
  private readonly ctx: HubContext;
  private readonly queue = new KeyedQueue();

  constructor(options: WordPressHubOptions) {
    this.ctx = createHubContext(options);
    this.location = options.siteUrl;
    this.targetId = options.targetId;
  }

  /** Sends the article (and its photos) for review: creates the pending post, or updates it on a resubmission. */
  async submit(article: Article, options: SubmitOptions): Promise<HubWriteResult> {
    const incoming = valid(articleSchema, article, 'the article');
    const by = valid(actorSchema, options.by, 'the sender');
    const to = valid(reviewPackageSchema.shape.submittedTo, options.to, 'the recipient (the desk or an editor)');
    const history = valid(reviewPackageSchema.shape.history, options.history, 'the workflow history');
    const comments = valid(reviewPackageSchema.shape.comments, options.comments, 'the comments');
    return this.queue.run(incoming.id, async () => {
      const companion = await hasCompanion(this.ctx);
      const current = await locate(this.ctx, incoming.id, companion);
      checkStillInHub(current, options.baseHubRevision, articleTitle(incoming), 'WordPress');
      if (current !== null) checkBase(current, options.baseHubRevision, incoming);
      const at = this.ctx.now().toISOString();
      return writePost(this.ctx, current, companion, options.baseHubRevision, {
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
      const companion = await hasCompanion(this.ctx);
      const current = await locate(this.ctx, id, companion);
      if (current === null) throw notFound(this.ctx, article ? `“${articleTitle(article)}”` : `The article ${id}`);
      checkBase(current, options.baseHubRevision, article ?? null);
      let base: PackageDraft;
      if (current.pkg) {
        base = { ...current.pkg, media: current.pkg.media };
      } else {
        const read = await fallbackArticle(current.post, id, fallbackOptions(this.ctx));
        markVerified(this.ctx, read.media);
        const author = await authorActor(this.ctx, current.post.author);
        const submittedAt = gmtToIso(current.post.date_gmt) ?? read.article.createdAt;
        base = { article: read.article, history: [], comments: [], submittedBy: author, submittedTo: DESK, submittedAt, updatedBy: author, previousSubmission: null, media: read.media };
      }
      return writePost(this.ctx, current, companion, options.baseHubRevision, {
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
  list(filter: HubListFilter = {}): Promise<HubListing> {
    return listQueue(this.ctx, filter);
  }

  /** The hub's revision token of the article now (after a publishing job changed its post, too); null when it is not in WordPress. */
  async currentRevision(articleId: string): Promise<number | null> {
    const id = valid(articleIdSchema, articleId, 'the article id');
    const current = await locate(this.ctx, id, await hasCompanion(this.ctx));
    return current?.token ?? null;
  }

  /** The article under review with its photos in this machine's library; its post is offered to the publishing outbox. */
  async open(articleId: string): Promise<OpenedPackage> {
    const id = valid(articleIdSchema, articleId, 'the article id');
    const companion = await hasCompanion(this.ctx);
    const current = await locate(this.ctx, id, companion);
    if (current === null) throw notFound(this.ctx, `The article ${id}`);
    let opened: OpenedPackage;
    if (current.pkg) {
      const pkg = current.pkg;
      const imported = await importReviewPhotos(pkg.article, pkg.media, this.ctx.options.media, (id, what) => fetchAttachment(this.ctx, id, what), pkg.updatedBy.name);
      markVerified(this.ctx, imported);
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
      const read = await fallbackArticle(current.post, id, fallbackOptions(this.ctx));
      markVerified(this.ctx, read.media);
      const author = await authorActor(this.ctx, current.post.author);
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
    await this.ctx.options.offerPost?.(id, String(current.post.id));
    return opened;
  }
}
