// Runs in: services. How a Ghost post is found again. Every post Dateline writes carries the internal
// tag `#dateline-<article id>` (hidden from readers; Ghost files it under the slug
// `hash-dateline-<article id>`), and a post is created as a draft under the job's marker slug
// `dateline-<job id>` before it gets its own slug and status. Before any create the site is asked for
// the article's posts, so a retry after a lost reply finds the post it made instead of making another.
import type { GhostAdminClient } from './ghost-admin-client';

export interface GhostPost {
  id: string;
  uuid?: string;
  title: string | null;
  slug: string;
  html?: string | null;
  custom_excerpt: string | null;
  status: string;
  updated_at: string;
  published_at: string | null;
  url: string;
  feature_image: string | null;
  tags?: { name: string; slug: string }[];
}

/** The internal tag every post of the article carries. */
export function articleTagName(articleId: string): string {
  return `#dateline-${articleId}`;
}

/** The slug Ghost gives that internal tag. */
export function articleTagSlug(articleId: string): string {
  return `hash-dateline-${articleId}`;
}

/** The slug a job's draft is created under (Ghost adds "-2"… when a twin takes it). */
export function postMarker(jobId: string): string {
  return `dateline-${jobId}`;
}

export function isMarkerDraftOf(post: GhostPost, jobId: string): boolean {
  const marker = postMarker(jobId);
  return post.status === 'draft' && (post.slug === marker || post.slug.startsWith(`${marker}-`));
}

/** A draft still under some job's marker slug: created by Dateline and never finished. */
export function isAnyMarkerDraft(post: GhostPost): boolean {
  return post.status === 'draft' && /^dateline-[0-9a-z]{10,40}(-\d+)?$/.test(post.slug);
}

/** Every post (any status) tagged with the article's marker, oldest first. */
export async function articlePosts(client: GhostAdminClient, articleId: string, signal: AbortSignal): Promise<GhostPost[]> {
  const reply = await client.request<{ posts?: GhostPost[] }>('GET', 'posts/', {
    query: { filter: `tag:${articleTagSlug(articleId)}`, limit: 100, order: 'created_at asc', formats: 'html' },
    action: 'look up the article’s posts',
    signal,
  });
  return Array.isArray(reply?.posts) ? reply.posts : [];
}
