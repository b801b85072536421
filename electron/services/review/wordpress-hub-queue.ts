// Runs in: services. The WordPress review hub's queue: packages (with the companion plugin) and
// pending posts read from their HTML, longest waiting first; unreadable ones go to `problems`. Only
// the post statuses the filter can match are read, most recently changed first; past
// `queueLimit` posts the rest are left out and a problem says so.
import { isAppError } from '../../../common/app-error';
import { articleIdSchema, type ArticleStatus } from '../../../common/article';
import { docText } from '../../../common/doc-text';
import { textStats } from '../../../common/text/text-stats';
import { sameActorName } from '../../../common/workflow/newsroom-profile';
import { derivedArticleId, gmtToIso, modifiedToken, wordpressErrorDetails, type QueryValue } from '../wordpress';
import { DESK, hubListFilterSchema, type HubEntry, type HubListFilter, type HubListing, type HubProblem } from './review-package';
import { fallbackArticleId, fallbackArticleText, type WpReviewPost } from './wordpress-hub-fallback';
import { authorActor, editUrl, hasCompanion, messageOf, valid, type HubContext } from './wordpress-hub-context';
import { locatedOf } from './wordpress-hub-locate';
import type { WordPressPackage } from './wordpress-hub-package';

const PACKAGE_PAGE = 20;
const POST_PAGE = 50;
// The queue reads packages from meta, and only posts without one from their content.
const PACKAGE_FIELDS = 'id,status,link,date_gmt,modified_gmt,author,title,meta';
const POST_FIELDS = 'id,status,slug,link,date_gmt,modified_gmt,author,featured_media,title,content,excerpt,meta';

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

/**
 * The review queue: packages and pending posts, longest waiting first; unreadable ones go to
 * `problems`. Only the post statuses the filter can match are read, most recently changed first;
 * past `queueLimit` posts the rest are left out and a problem says so.
 */
export async function listQueue(ctx: HubContext, filter: HubListFilter = {}): Promise<HubListing> {
  const { to, status } = valid(hubListFilterSchema, filter, 'the review queue filter');
  const companion = await hasCompanion(ctx);
  const entries: HubEntry[] = [];
  const problems: HubProblem[] = [];
  if (companion) {
    const statuses = postStatusesFor(status);
    const read = await recentPosts(ctx, { dateline_review: 'with', status: statuses.join(','), _fields: PACKAGE_FIELDS }, PACKAGE_PAGE);
    if (read.more) problems.push(cutProblem(ctx, 'queue-limit-packages', 'sent for review with Dateline', statuses));
    problems.push(...read.oversized);
    for (const post of read.posts) {
      const documentId = post.meta?.dateline_document;
      const articleId = typeof documentId === 'string' && articleIdSchema.safeParse(documentId).success ? documentId : derivedArticleId(ctx.options.siteUrl, post.id);
      try {
        const located = await locatedOf(ctx, post, articleId);
        if (located.pkg) entries.push(packageEntry(located.pkg, located.token));
      } catch (error) {
        problems.push({ articleId, path: editUrl(ctx, post.id), message: messageOf(error) });
      }
    }
  }
  // Posts without a package are read from their HTML: a pending one stands for a submitted article.
  const unpackaged: RecentPosts = !status || status.includes('submitted') ? await recentPosts(ctx, { ...(companion ? { dateline_review: 'without' } : {}), status: 'pending', _fields: POST_FIELDS }, POST_PAGE) : { posts: [], more: false, oversized: [] };
  problems.push(...unpackaged.oversized);
  if (unpackaged.more) problems.push(cutProblem(ctx, 'queue-limit-pending', companion ? 'pending review without a Dateline package' : 'pending review', ['pending']));
  for (const post of unpackaged.posts) {
    const articleId = fallbackArticleId(post, derivedArticleId(ctx.options.siteUrl, post.id));
    try {
      const article = fallbackArticleText(post, articleId, ctx.options.siteUrl);
      const author = await authorActor(ctx, post.author);
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
      problems.push({ articleId, path: editUrl(ctx, post.id), message: `Post ${post.id} cannot be read as an article: ${messageOf(error)}` });
    }
  }
  const wanted = entries.filter((e) => (!status || status.includes(e.status)) && (!to || addressedTo(e.submittedTo, to)));
  wanted.sort((a, b) => (a.submittedAt < b.submittedAt ? -1 : a.submittedAt > b.submittedAt ? 1 : a.articleId < b.articleId ? -1 : 1));
  problems.sort((a, b) => (a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : 0));
  return { entries: wanted, problems };
}

/**
 * The posts matching `query`, most recently changed first, at most `queueLimit`; `more` when
 * WordPress holds more than that (the client gives no headers, so a short page ends the list and
 * one more page tells whether a full one was the last).
 */
async function recentPosts(ctx: HubContext, query: Record<string, QueryValue>, perPage: number): Promise<RecentPosts> {
  const seen = new Set<number>();
  const posts: WpReviewPost[] = [];
  const oversized: HubProblem[] = [];
  const lastPage = Math.ceil(ctx.queueLimit / perPage);
  for (let page = 1; page <= lastPage; page++) {
    const items = await postsPageOneByOneIfTooLarge(ctx, query, perPage, page, oversized);
    for (const post of items) {
      if (seen.has(post.id)) continue;
      seen.add(post.id);
      if (!('oversized' in post)) posts.push(post);
    }
    if (items.length < perPage) return { posts: posts.slice(0, ctx.queueLimit), more: posts.length > ctx.queueLimit, oversized };
  }
  if (posts.length > ctx.queueLimit) return { posts: posts.slice(0, ctx.queueLimit), more: true, oversized };
  const next = await postsPage(ctx, { ...query, _fields: 'id' }, perPage, lastPage + 1);
  return { posts, more: next.some((p) => !seen.has(p.id)), oversized };
}

/**
 * One page of posts; when the page is larger than Dateline reads (a contributor can put up to
 * the plugin's limit in each post's meta), its posts are read one at a time, so only a post that
 * is too large by itself is left out, named in `oversized` instead of failing the whole queue.
 */
async function postsPageOneByOneIfTooLarge(ctx: HubContext, query: Record<string, QueryValue>, perPage: number, page: number, oversized: HubProblem[]): Promise<(WpReviewPost | OversizedPost)[]> {
  try {
    return await postsPage(ctx, query, perPage, page);
  } catch (error) {
    if (!isAppError(error) || error.code !== 'remote-too-large') throw error;
  }
  const ids = (await postsPage(ctx, { ...query, _fields: 'id' }, perPage, page)).map((p) => p.id);
  const posts: (WpReviewPost | OversizedPost)[] = [];
  for (const id of ids) {
    try {
      posts.push(
        await ctx.client.request<WpReviewPost>('GET', `wp/v2/posts/${id}`, {
          query: { _fields: query._fields ?? 'id', context: 'edit' },
          purpose: { action: 'list posts sent for review (it needs an account that may write posts, e.g. Contributor)', subject: `post ${id}` },
        }),
      );
    } catch (error) {
      if (!isAppError(error) || error.code !== 'remote-too-large') throw error;
      oversized.push({
        articleId: derivedArticleId(ctx.options.siteUrl, id),
        path: editUrl(ctx, id),
        message: `Post ${id} at ${ctx.options.siteUrl} is larger than Dateline reads, so it was left out of the review queue: ${error.message}`,
      });
      // Its place on the page still counts, so paging goes on past it.
      posts.push({ id, oversized: true });
    }
  }
  return posts;
}

async function postsPage(ctx: HubContext, query: Record<string, QueryValue>, perPage: number, page: number): Promise<WpReviewPost[]> {
  try {
    return await ctx.client.request<WpReviewPost[]>('GET', 'wp/v2/posts', {
      query: { ...query, context: 'edit', per_page: perPage, page, orderby: 'modified', order: 'desc' },
      purpose: { action: 'list posts sent for review (it needs an account that may write posts, e.g. Contributor)' },
    });
  } catch (error) {
    if (page > 1 && wordpressErrorDetails(error)?.wpCode === 'rest_post_invalid_page_number') return [];
    throw error;
  }
}

/** The problem that says the queue was cut short, and how to see the rest; `key` (never an article id) tells the two lists apart. */
function cutProblem(ctx: HubContext, key: string, what: string, statuses: readonly string[]): HubProblem {
  return {
    articleId: key,
    path: `${ctx.options.siteUrl.replace(/\/+$/, '')}/wp-admin/edit.php?post_status=${statuses[0] ?? 'pending'}`,
    message:
      `The review queue was cut short: WordPress at ${ctx.options.siteUrl} holds more than ${ctx.queueLimit} posts ${what} (${statuses.join(', ')}), ` +
      `so only the ${ctx.queueLimit} most recently changed are listed and older ones are left out. Narrow the list with "For me" (what was sent to you or the desk), ` +
      `or publish, spike or return the stories that are done so they leave the queue`,
  };
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
