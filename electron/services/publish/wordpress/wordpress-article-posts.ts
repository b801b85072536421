// Runs in: services. Finds a Dateline article's posts on a WordPress site by the article's id, not
// by the job: post meta `dateline_article` (queryable through the companion plugin) and, without
// the plugin, a marker comment in the content found by a search. Every lookup is bounded (one
// page) and every hit is checked here, whatever the site claims to have filtered.
import { AppError } from '../../../../common/app-error';
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
/** At most this many marker drafts are looked at by one sweep. */
const SWEEP_PAGE = 50;

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

/** Every post (not trashed) that carries this article's id, lowest id first. */
export async function articlePosts(client: WordPressClient, articleId: string, signal: AbortSignal): Promise<WpMarkedPost[]> {
  const page = { status: POST_STATUSES_TO_SEARCH, context: 'edit', per_page: LOOKUP_PAGE, orderby: 'id', order: 'asc' };
  const purpose = { action: 'look up its own posts' };
  const [byMeta, byContent] = await Promise.all([
    // The companion plugin filters by meta; without it the parameter is ignored and the check below drops the rest.
    client.request<WpMarkedPost[]>('GET', 'wp/v2/posts', { query: { ...page, dateline_article: articleId, _fields: 'id,status,slug,meta' }, purpose, signal }),
    client.request<WpMarkedPost[]>('GET', 'wp/v2/posts', { query: { ...page, search: articleId, _fields: 'id,status,slug,meta,content' }, purpose, signal }),
  ]);
  const found = new Map<number, WpMarkedPost>();
  for (const post of [...listOf(byMeta), ...listOf(byContent)]) {
    if (articleOfPost(post) === articleId && !found.has(post.id)) found.set(post.id, post);
  }
  return [...found.values()].sort((a, b) => a.id - b.id);
}

/**
 * Deletes marker drafts of an article that are not its canonical post nor one of `keep`: creates
 * that committed after Dateline gave up on them, or a copy's create that lost the race.
 */
export async function removeStrayDrafts(client: WordPressClient, articleId: string, keep: number[], signal: AbortSignal): Promise<number[]> {
  const posts = await articlePosts(client, articleId, signal);
  const canonical = canonicalPost(posts);
  const stray = posts.filter((p) => isMarkerDraft(p) && p.id !== canonical?.id && !keep.includes(p.id));
  for (const post of stray) await deleteDraft(client, post.id, signal);
  return stray.map((p) => p.id);
}

/**
 * Looks over the site's marker drafts of every article (a late create can land after its job
 * ended) and removes the stray ones; `keep` are posts this publish stands on.
 */
export async function sweepStrayDrafts(client: WordPressClient, keep: number[], signal: AbortSignal): Promise<number[]> {
  const drafts = await client.request<WpMarkedPost[]>('GET', 'wp/v2/posts', {
    query: { status: 'draft', search: 'dateline:article', context: 'edit', per_page: SWEEP_PAGE, orderby: 'id', order: 'desc', _fields: 'id,status,slug,meta,content' },
    purpose: { action: 'look up its own posts' },
    signal,
  });
  const articles = new Set<string>();
  for (const draft of listOf(drafts)) {
    const articleId = articleOfPost(draft);
    if (articleId && isMarkerDraft(draft)) articles.add(articleId);
  }
  const removed: number[] = [];
  for (const articleId of articles) removed.push(...(await removeStrayDrafts(client, articleId, keep, signal)));
  return removed;
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
