// Runs in: services. Finds a Dateline article's posts on a WordPress site by the article's id, not
// by the job: post meta `dateline_article` (queryable through the companion plugin) and, without
// the plugin, a marker in the content found by a search (post-identity.ts). Every lookup is
// bounded (one page) and every hit is checked by its caller, whatever the site claims to have filtered.
import type { QueryValue } from './rest-url';
import { articleOfPost, type WpMarkedPost } from './post-identity';
import type { WordPressClient } from './wordpress-client';

/** Statuses a post of ours can have (trash is gone for us). */
export const POST_STATUSES_TO_SEARCH = 'draft,pending,publish,future,private';
/** At most this many posts per lookup: an article has one post, a race or a late commit a few more. */
const LOOKUP_PAGE = 20;
/** The raw content only: asking for `content` would make WordPress render every post. */
export const POST_LOOKUP_FIELDS = 'id,status,slug,meta,content.raw';

/**
 * The posts (not trashed) whose content mentions the article id, lowest id first, as WordPress's
 * search finds them (it reads the content, where the markers carry the id); `fields` narrows what
 * each post brings. Callers check each hit's marker.
 */
export async function postsMentioning<T>(
  client: WordPressClient,
  articleId: string,
  opts: { purpose: string; fields?: string; signal?: AbortSignal },
): Promise<T[]> {
  const query: Record<string, QueryValue> = { search: articleId, status: POST_STATUSES_TO_SEARCH, context: 'edit', per_page: LOOKUP_PAGE, orderby: 'id', order: 'asc' };
  if (opts.fields) query._fields = opts.fields;
  return client.request<T[]>('GET', 'wp/v2/posts', { query, purpose: { action: opts.purpose }, signal: opts.signal });
}

/**
 * Every post (not trashed) that carries this article's id, lowest id first. `byMeta` adds the
 * companion plugin's meta query (it finds a post whose marker comment the desk removed); the
 * content search alone sees a create the moment its row is written.
 */
export async function articlePosts(client: WordPressClient, articleId: string, signal: AbortSignal, opts: { byMeta: boolean }): Promise<WpMarkedPost[]> {
  const purpose = 'look up its own posts';
  const [byContent, byMeta] = await Promise.all([
    postsMentioning<WpMarkedPost>(client, articleId, { purpose, fields: POST_LOOKUP_FIELDS, signal }),
    // Without the plugin the parameter is ignored and the check below drops what does not belong.
    opts.byMeta
      ? client.request<WpMarkedPost[]>('GET', 'wp/v2/posts', {
          query: { status: POST_STATUSES_TO_SEARCH, context: 'edit', per_page: LOOKUP_PAGE, orderby: 'id', order: 'asc', _fields: POST_LOOKUP_FIELDS, dateline_article: articleId },
          purpose: { action: purpose },
          signal,
        })
      : Promise.resolve([]),
  ]);
  const found = new Map<number, WpMarkedPost>();
  for (const post of [...listOf(byContent), ...listOf(byMeta)]) {
    if (articleOfPost(post) === articleId && !found.has(post.id)) found.set(post.id, post);
  }
  return [...found.values()].sort((a, b) => a.id - b.id);
}

/** The posts of a listing that have the fields the lookups read. */
export function listOf(reply: unknown): WpMarkedPost[] {
  if (!Array.isArray(reply)) return [];
  return reply.filter((p): p is WpMarkedPost => typeof p === 'object' && p !== null && typeof (p as WpMarkedPost).id === 'number' && typeof (p as WpMarkedPost).slug === 'string' && typeof (p as WpMarkedPost).status === 'string');
}
