// Runs in: test processes. Reads and writes a test Ghost's Admin API directly (as a person editing in
// Ghost would), signed with the same kind of token the app sends, to check what the app left there.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ghostAdminToken, parseGhostAdminKey } from '../../../electron/services/publish/ghost/ghost-admin-token';
import type { GhostSite } from './ghost-fixture';

export interface GhostTestPost {
  id: string;
  title: string;
  slug: string;
  status: string;
  html: string | null;
  lexical: string | null;
  custom_excerpt: string | null;
  feature_image: string | null;
  feature_image_alt: string | null;
  feature_image_caption: string | null;
  published_at: string | null;
  updated_at: string;
  url: string;
  tags: { name: string; slug: string }[];
  authors: { email: string; name: string }[];
  primary_tag: { name: string } | null;
}

export async function ghostAdmin<T>(site: GhostSite, method: 'GET' | 'PUT' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const key = parseGhostAdminKey(site.adminKey);
  if (!key) throw new Error('the fixture’s Admin API key does not parse');
  const response = await fetch(`${site.url}/ghost/api/admin/${path}`, {
    method,
    headers: { Authorization: `Ghost ${ghostAdminToken(key)}`, 'Content-Type': 'application/json', 'Accept-Version': 'v6.0' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
}

export async function ghostPost(site: GhostSite, id: string): Promise<GhostTestPost> {
  const { status, body } = await ghostAdmin<{ posts: GhostTestPost[] }>(site, 'GET', `posts/${id}/?formats=html,lexical&include=tags,authors`);
  const post = body.posts?.[0];
  if (status !== 200 || !post) throw new Error(`post ${id}: HTTP ${status}`);
  return post;
}

/** Every post (any status) carrying the tag with this slug, paged (Ghost caps a page at 100). */
export async function ghostPostsTagged(site: GhostSite, tagSlug: string): Promise<GhostTestPost[]> {
  const posts: GhostTestPost[] = [];
  for (let page = 1; ; page++) {
    const { status, body } = await ghostAdmin<{ posts: GhostTestPost[]; meta: { pagination: { pages: number } } }>(
      site,
      'GET',
      `posts/?filter=${encodeURIComponent(`tag:${tagSlug}`)}&limit=100&page=${page}&include=tags`,
    );
    if (status !== 200) throw new Error(`listing posts tagged ${tagSlug}: HTTP ${status}`);
    posts.push(...body.posts);
    if (page >= body.meta.pagination.pages) return posts;
  }
}

/** The image files Ghost stored under a photo's upload name (`dateline-<sha16>`, with any "-1"… Ghost adds to a twin). */
export async function ghostImageFiles(site: GhostSite, marker: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        // Ghost's resized copies live in size/ and are not uploads.
        if (entry.name !== 'size') await walk(join(dir, entry.name));
      } else if (new RegExp(`^${marker}(-\\d+)?\\.[a-z]+$`).test(entry.name)) {
        found.push(join(dir, entry.name));
      }
    }
  };
  await walk(join(site.contentDir, 'images'));
  return found;
}
