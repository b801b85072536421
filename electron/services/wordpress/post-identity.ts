// Runs in: services. How Dateline knows which article a WordPress post belongs to, for publishing
// and for the review hub alike:
// - post meta: `dateline_article` (written by a publish) and `dateline_document` (written by the
//   review hub), both kept by the companion plugin;
// - without the plugin, a marker comment in the content. A publish puts
//   `<!-- dateline:article <id> job <job> -->` after the last block; the review hub puts
//   `<!-- dateline-article:<id> write:<nonce> -->` in a Custom HTML block at the start (WordPress
//   refuses Contributors a slug of their own on a pending post, and the content is the one field
//   they fully control). Both forms stay readable: posts on real sites carry them;
// - a post that carries no article at all gets a derived id: "wp", 8 hex of the site, "p", the post id.
import { createHash } from 'node:crypto';
import { siteBase } from './rest-url';

/** The fields of a post the identity is read from (context=edit). */
export interface WpMarkedPost {
  id: number;
  status: string;
  slug: string;
  content?: { raw?: string };
  meta?: Record<string, unknown>;
}

/** An article or job id as markers carry them. */
export const MARKER_ID = '[0-9a-z]{10,40}';
const PUBLISH_MARKER = new RegExp(`<!-- dateline:article (${MARKER_ID}) job (${MARKER_ID}) -->`);
const REVIEW_MARKER = new RegExp(`<!--\\s*dateline-article:(${MARKER_ID})(?:\\s+write:([0-9a-f]{8,64}))?\\s*-->`);
const JOB_SLUG_PATTERN = new RegExp(`^dateline-${MARKER_ID}$`);

/** The comment a publish leaves in the post's content: the article's id and the job that wrote it. */
export function articleMarkerComment(articleId: string, jobId: string): string {
  return `<!-- dateline:article ${articleId} job ${jobId} -->`;
}

/** The content with the publish marker at its end (after the last block, where no reader sees it). */
export function withArticleMarker(content: string, articleId: string, jobId: string): string {
  return `${content}\n\n${articleMarkerComment(articleId, jobId)}`;
}

/** The article a post was published from: its meta (companion plugin), else its publish marker. */
export function articleOfPost(post: WpMarkedPost): string | null {
  const meta = post.meta?.dateline_article;
  if (typeof meta === 'string' && new RegExp(`^${MARKER_ID}$`).test(meta)) return meta;
  return PUBLISH_MARKER.exec(post.content?.raw ?? '')?.[1] ?? null;
}

/** The job that last wrote a post and the computer it ran on, as the post records them. */
export function lastWriterOfPost(post: WpMarkedPost): { jobId: string; host: string | null } | null {
  const meta = post.meta?.dateline_publisher;
  if (typeof meta === 'string') {
    const match = new RegExp(`^(${MARKER_ID}):(.{0,100})$`).exec(meta);
    if (match?.[1]) return { jobId: match[1], host: match[2] || null };
  }
  const jobId = PUBLISH_MARKER.exec(post.content?.raw ?? '')?.[2];
  return jobId ? { jobId, host: null } : null;
}

/** The marker slug a freshly created draft of job `jobId` carries until its final update. */
export function postMarker(jobId: string): string {
  return `dateline-${jobId}`;
}

/** A draft still under the marker slug a create gave it: nobody has published or renamed it. */
export function isMarkerDraft(post: WpMarkedPost): boolean {
  return post.status === 'draft' && JOB_SLUG_PATTERN.test(post.slug);
}

/**
 * The review hub's marker, at the start of a post sent without the companion plugin. The write
 * nonce tells this write from another one that landed at the same moment. Invisible on the site.
 */
export function articleMarkerBlock(articleId: string, writeNonce: string): string {
  return `<!-- wp:html -->\n<!-- dateline-article:${articleId} write:${writeNonce} -->\n<!-- /wp:html -->`;
}

/** The article id a post's content is marked with by the review hub, or null. */
export function articleIdInContent(raw: string | undefined): string | null {
  return REVIEW_MARKER.exec(raw ?? '')?.[1] ?? null;
}

/** The nonce of the review write that last set the marker, or null. */
export function writeNonceInContent(raw: string | undefined): string | null {
  return REVIEW_MARKER.exec(raw ?? '')?.[2] ?? null;
}

/** The article id of a post that carries no Dateline article: "wp", 8 hex of the site, "p", the post id. */
export function derivedArticleId(siteUrl: string, postId: number): string {
  return `wp${siteKey(siteUrl)}p${postId}`;
}

/** The post id behind a derived article id of this site, or null when the id is not one. */
export function postIdOfDerived(siteUrl: string, articleId: string): number | null {
  const match = /^wp([0-9a-f]{8})p([1-9][0-9]{0,15})$/.exec(articleId);
  if (!match || match[1] !== siteKey(siteUrl)) return null;
  const id = Number(match[2]);
  return Number.isSafeInteger(id) ? id : null;
}

function siteKey(siteUrl: string): string {
  let base: string;
  try {
    base = siteBase(siteUrl).toLowerCase();
  } catch {
    base = siteUrl.trim().toLowerCase();
  }
  return createHash('sha256').update(base, 'utf8').digest('hex').slice(0, 8);
}
