// Runs in: services. Finds the post of an article under review and reads what it carries: derived
// ids name the post; with the companion plugin its meta query finds it, without it the marker in
// the content (WordPress's search reads the content), or the post this hub last found it in when a
// publishing job replaced the marker. A package from post meta is decoded and checked off the
// event loop, and must match the article, its content hash and the plugin's revision.
import { AppError } from '../../../common/app-error';
import type { Article } from '../../../common/article';
import { articleIdInContent, modifiedToken, POST_STATUSES_TO_SEARCH, postIdOfDerived, postsMentioning } from '../wordpress';
import { contentHash } from './canonical-json';
import { checkHubBase } from './hub-base-check';
import { articleTitle } from './hub-input';
import type { WpReviewPost } from './wordpress-hub-fallback';
import { getPost, htmlTitle, type HubContext } from './wordpress-hub-context';
import type { WordPressPackage } from './wordpress-hub-package';

/** A post of the hub with what it carries. */
export interface Located {
  post: WpReviewPost;
  articleId: string;
  pkg: WordPressPackage | null;
  /** The revision callers name: the package revision, or the modified-time token. */
  token: number;
  /** The plugin's stored revision (0 before the first package), the base its check compares. */
  storedRevision: number;
}

/** Finds the post of an article: derived ids name the post; else the plugin's marker query, or the marker in the content without it. */
export async function locate(ctx: HubContext, articleId: string, companion: boolean): Promise<Located | null> {
  const derived = postIdOfDerived(ctx.options.siteUrl, articleId);
  let post: WpReviewPost | null;
  if (derived !== null) {
    post = await getPost(ctx, derived);
  } else if (companion) {
    const found = await ctx.client.request<WpReviewPost[]>('GET', 'wp/v2/posts', {
      query: { dateline_document: articleId, status: POST_STATUSES_TO_SEARCH, context: 'edit', per_page: 10, orderby: 'id', order: 'asc' },
      purpose: { action: 'look up posts sent for review' },
    });
    post = found.find((p) => typeof p.meta?.dateline_review === 'string' && p.meta.dateline_review.length > 0) ?? found[0] ?? null;
  } else {
    // WordPress's search reads the content, where the marker carries the id.
    const found = await postsMentioning<WpReviewPost>(ctx.client, articleId, { purpose: 'look up posts sent for review' });
    post = found.find((p) => articleIdInContent(p.content?.raw) === articleId) ?? (await rememberedPost(ctx, articleId));
  }
  if (post === null) return null;
  ctx.postOf.set(articleId, post.id);
  return await locatedOf(ctx, post, articleId);
}

/** Without the plugin: the post this hub last found the article in, when a publishing job replaced its marker. */
async function rememberedPost(ctx: HubContext, articleId: string): Promise<WpReviewPost | null> {
  const recorded = ctx.postOf.has(articleId) ? null : await ctx.options.knownPostId?.(articleId).catch(() => null);
  const id = ctx.postOf.get(articleId) ?? (recorded && /^\d+$/.test(recorded) ? Number(recorded) : undefined);
  if (id === undefined) return null;
  const post = await getPost(ctx, id);
  // Marked for another article now: not this one's post any more.
  if (post === null || (articleIdInContent(post.content?.raw) ?? articleId) !== articleId) {
    ctx.postOf.delete(articleId);
    return null;
  }
  return post;
}

/** A post's package (checked) and revision; a damaged package is an error here (list() reports it instead). */
export async function locatedOf(ctx: HubContext, post: WpReviewPost, articleId: string): Promise<Located> {
  const storedRevision = Number(post.meta?.dateline_hub_revision ?? 0) || 0;
  const raw = post.meta?.dateline_review;
  if (typeof raw !== 'string' || raw.length === 0) {
    return { post, articleId, pkg: null, token: modifiedToken(post.modified_gmt), storedRevision };
  }
  const where = `${ctx.options.siteUrl} (post ${post.id})`;
  // A contributor writes this meta: it is decoded, bounded and checked in a worker.
  const decoded = await ctx.packages.run({ kind: 'meta', encoded: raw });
  if (decoded.kind !== 'ok') {
    const reason = decoded.kind === 'unreadable' ? decoded.reason : 'the package is empty';
    throw new AppError('corrupt-file', `The review copy of ${articleId} in WordPress at ${where} cannot be read: ${reason}. Ask the sender to submit the article again`, { kind: 'hub-package' });
  }
  const pkg = decoded.value as WordPressPackage;
  if (pkg.article.id !== articleId) {
    throw new AppError('corrupt-file', `Post ${post.id} at ${ctx.options.siteUrl} holds the review copy of another article (${pkg.article.id}), not ${articleId}`, { kind: 'hub-package-other-article' });
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

export function checkBase(current: Located, base: number | null, article: Article | null): void {
  if (current.token === base) return;
  const headline = current.pkg ? articleTitle(current.pkg.article) : article ? articleTitle(article) : htmlTitle(current.post);
  checkHubBase({ headline, hubRevision: current.token, updatedBy: current.pkg?.updatedBy.name ?? null, postId: current.post.id }, base, 'WordPress');
}
