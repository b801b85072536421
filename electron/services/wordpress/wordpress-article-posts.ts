// Runs in: services. Finds a Dateline article's posts on a WordPress site by the article's id, not
// by the job: post meta `dateline_article` (queryable through the companion plugin) and, without
// the plugin, a marker comment in the content found by a search. Every lookup is bounded (one
// page) and every hit is checked here, whatever the site claims to have filtered.
import { AppError } from '../../../common/app-error';
import type { WordPressClient } from './wordpress-client';

/** The fields of a post the lookups read (context=edit). */
export interface WpMarkedPost {
  id: number;
  status: string;
  slug: string;
  content?: { raw?: string };
  meta?: Record<string, unknown>;
}

const ID = '[0-9a-z]{10,40}';
const MARKER_PATTERN = new RegExp(`<!-- dateline:article (${ID}) job (${ID}) -->`);
const JOB_SLUG_PATTERN = new RegExp(`^dateline-${ID}$`);
/** Statuses a post of ours can have (trash is gone for us). */
export const POST_STATUSES_TO_SEARCH = 'draft,pending,publish,future,private';
/** At most this many posts per lookup: an article has one post, a race or a late commit a few more. */
const LOOKUP_PAGE = 20;
/** At most this many of the site's newest Dateline posts are looked at by one sweep. */
const SWEEP_PAGE = 50;
/** The raw content only: asking for `content` would make WordPress render every post. */
const FIELDS = 'id,status,slug,meta,content.raw';

/** The comment that carries the article's id (and the job that wrote it) inside the post's content. */
export function articleMarkerComment(articleId: string, jobId: string): string {
  return `<!-- dateline:article ${articleId} job ${jobId} -->`;
}

/** The content with the marker comment at its end (after the last block, where no reader sees it). */
export function withArticleMarker(content: string, articleId: string, jobId: string): string {
  return `${content}\n\n${articleMarkerComment(articleId, jobId)}`;
}

/** The article a post was published from: its meta (companion plugin), else its content marker. */
export function articleOfPost(post: WpMarkedPost): string | null {
  const meta = post.meta?.dateline_article;
  if (typeof meta === 'string' && new RegExp(`^${ID}$`).test(meta)) return meta;
  return MARKER_PATTERN.exec(post.content?.raw ?? '')?.[1] ?? null;
}

/** The job that last wrote a post and the computer it ran on, as the post records them. */
export function lastWriterOfPost(post: WpMarkedPost): { jobId: string; host: string | null } | null {
  const meta = post.meta?.dateline_publisher;
  if (typeof meta === 'string') {
    const match = new RegExp(`^(${ID}):(.{0,100})$`).exec(meta);
    if (match?.[1]) return { jobId: match[1], host: match[2] || null };
  }
  const jobId = MARKER_PATTERN.exec(post.content?.raw ?? '')?.[2];
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
 * The post every copy of the library agrees on for an article: a post that left the marker stage
 * if there is one, else the first marker draft (ids grow with each create, so whoever created
 * later sees the earlier one and gives way).
 */
export function canonicalPost<T extends WpMarkedPost>(posts: T[]): T | null {
  const sorted = [...posts].sort((a, b) => a.id - b.id);
  return sorted.find((p) => !isMarkerDraft(p)) ?? sorted[0] ?? null;
}

/**
 * Every post (not trashed) that carries this article's id, lowest id first. `byMeta` adds the
 * companion plugin's meta query (it finds a post whose marker comment the desk removed); the
 * content search alone sees a create the moment its row is written.
 */
export async function articlePosts(client: WordPressClient, articleId: string, signal: AbortSignal, opts: { byMeta: boolean }): Promise<WpMarkedPost[]> {
  const page = { status: POST_STATUSES_TO_SEARCH, context: 'edit', per_page: LOOKUP_PAGE, orderby: 'id', order: 'asc', _fields: FIELDS };
  const purpose = { action: 'look up its own posts' };
  const [byContent, byMeta] = await Promise.all([
    client.request<WpMarkedPost[]>('GET', 'wp/v2/posts', { query: { ...page, search: articleId }, purpose, signal }),
    // Without the plugin the parameter is ignored and the check below drops what does not belong.
    opts.byMeta ? client.request<WpMarkedPost[]>('GET', 'wp/v2/posts', { query: { ...page, dateline_article: articleId }, purpose, signal }) : Promise.resolve([]),
  ]);
  const found = new Map<number, WpMarkedPost>();
  for (const post of [...listOf(byContent), ...listOf(byMeta)]) {
    if (articleOfPost(post) === articleId && !found.has(post.id)) found.set(post.id, post);
  }
  return [...found.values()].sort((a, b) => a.id - b.id);
}

/**
 * Removes stray marker drafts from the site's newest Dateline posts, in one bounded listing:
 * creates that committed after Dateline gave up on them (a late one can land after its job
 * ended) or a copy's create that lost the race. For `articleId` the post this publish stands on
 * is `keep[0]`; any other article's marker draft goes only when the listing also shows the post
 * every copy agrees on for it, and that is not the draft.
 */
export async function sweepStrayDrafts(client: WordPressClient, articleId: string, keep: number[], signal: AbortSignal): Promise<number[]> {
  const listed = await client.request<WpMarkedPost[]>('GET', 'wp/v2/posts', {
    query: { status: POST_STATUSES_TO_SEARCH, search: 'dateline:article', context: 'edit', per_page: SWEEP_PAGE, orderby: 'id', order: 'desc', _fields: FIELDS },
    purpose: { action: 'look up its own posts' },
    signal,
  });
  const byArticle = new Map<string, WpMarkedPost[]>();
  for (const post of listOf(listed)) {
    const of = articleOfPost(post);
    if (of) byArticle.set(of, [...(byArticle.get(of) ?? []), post]);
  }
  const stray: number[] = [];
  for (const [of, posts] of byArticle) {
    const canonical = of === articleId ? keep[0] : canonicalPost(posts)?.id;
    for (const post of posts) if (isMarkerDraft(post) && post.id !== canonical && !keep.includes(post.id) && (of === articleId || posts.length > 1)) stray.push(post.id);
  }
  for (const id of stray) await deleteDraft(client, id, signal);
  return stray;
}

/** Deletes a draft for good; one already gone is fine. */
export async function deleteDraft(client: WordPressClient, postId: number, signal: AbortSignal): Promise<void> {
  try {
    await client.request<unknown>('DELETE', `wp/v2/posts/${postId}`, {
      query: { force: true },
      purpose: { action: 'delete its own duplicate draft', subject: `post ${postId}` },
      signal,
    });
  } catch (error) {
    if (error instanceof AppError && error.code === 'remote-not-found') return;
    throw error;
  }
}

function listOf(reply: unknown): WpMarkedPost[] {
  if (!Array.isArray(reply)) return [];
  return reply.filter((p): p is WpMarkedPost => typeof p === 'object' && p !== null && typeof (p as WpMarkedPost).id === 'number' && typeof (p as WpMarkedPost).slug === 'string' && typeof (p as WpMarkedPost).status === 'string');
}
