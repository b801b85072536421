// Runs in: services. Twins: two posts of one article, made when two copies of the library (or a
// lost reply and its retry) create at the same moment. Publishing and the review hub settle them
// by the same rule: WordPress gives each create a higher id, so the post with the lowest id
// stays, and whoever created later sees the earlier one and gives way.
import { AppError } from '../../../common/app-error';
import { articleOfPost, isMarkerDraft, type WpMarkedPost } from './post-identity';
import { POST_STATUSES_TO_SEARCH, listOf, POST_LOOKUP_FIELDS } from './wordpress-article-posts';
import type { WordPressClient } from './wordpress-client';

/** At most this many of the site's newest Dateline posts are looked at by one sweep. */
const SWEEP_PAGE = 50;

/**
 * The post every copy of the library agrees on for an article: a post that left the marker stage
 * if there is one, else the first marker draft.
 */
export function canonicalPost<T extends WpMarkedPost>(posts: T[]): T | null {
  const sorted = [...posts].sort((a, b) => a.id - b.id);
  return sorted.find((p) => !isMarkerDraft(p)) ?? sorted[0] ?? null;
}

/** The earliest post of the same article created before `savedId`, which `savedId` gives way to; null when there is none. */
export function olderTwin<T extends { id: number }>(posts: readonly T[], savedId: number, sameArticle: (post: T) => boolean): T | null {
  return [...posts].sort((a, b) => a.id - b.id).find((p) => p.id < savedId && sameArticle(p)) ?? null;
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
    query: { status: POST_STATUSES_TO_SEARCH, search: 'dateline:article', context: 'edit', per_page: SWEEP_PAGE, orderby: 'id', order: 'desc', _fields: POST_LOOKUP_FIELDS },
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

/**
 * Deletes one of Dateline's own posts for good (a twin that gave way). One already gone is fine
 * unless `missingIsFine` is false (the review hub reports that as the site's error).
 */
export async function deleteDraft(
  client: WordPressClient,
  postId: number,
  signal?: AbortSignal,
  opts: { action?: string; missingIsFine?: boolean } = {},
): Promise<void> {
  try {
    await client.request<unknown>('DELETE', `wp/v2/posts/${postId}`, {
      query: { force: true },
      purpose: { action: opts.action ?? 'delete its own duplicate draft', subject: `post ${postId}` },
      signal,
    });
  } catch (error) {
    if (opts.missingIsFine !== false && error instanceof AppError && error.code === 'remote-not-found') return;
    throw error;
  }
}
