// Runs in: services. The article's bylines as Ghost authors: a byline that names a staff user of the
// site (by email, or by the name Ghost shows) becomes that author, by email; a byline that names
// nobody there is reported, and Ghost keeps the integration's default author when none matched.
import type { Byline } from '../../../../common/article';
import type { GhostAdminClient } from './ghost-admin-client';

interface GhostUser {
  name?: unknown;
  email?: unknown;
  slug?: unknown;
}

export interface GhostAuthors {
  /** Authors to send, by email, in byline order; empty when no byline matched a staff user. */
  authors: { email: string }[];
  /** Byline names no staff user of the site answers to. */
  unmatched: string[];
}

const normal = (value: unknown): string => (typeof value === 'string' ? value.trim().toLowerCase() : '');

export async function resolveGhostAuthors(client: GhostAdminClient, bylines: readonly Byline[], signal: AbortSignal): Promise<GhostAuthors> {
  const names = bylines.map((b) => b.name.trim()).filter((name) => name.length > 0);
  if (names.length === 0) return { authors: [], unmatched: [] };
  const reply = await client.request<{ users?: GhostUser[] }>('GET', 'users/', { query: { limit: 100, fields: 'name,email,slug' }, action: 'list the site’s staff users', signal });
  const users = Array.isArray(reply?.users) ? reply.users : [];
  const authors: { email: string }[] = [];
  const unmatched: string[] = [];
  for (const name of names) {
    const wanted = normal(name);
    const user = users.find((u) => normal(u.email) === wanted) ?? users.find((u) => normal(u.name) === wanted || normal(u.slug) === wanted);
    const email = typeof user?.email === 'string' ? user.email : null;
    if (email === null) unmatched.push(name);
    else if (!authors.some((a) => a.email === email)) authors.push({ email });
  }
  return { authors, unmatched };
}
