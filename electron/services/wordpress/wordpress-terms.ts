// Runs in: services. Tags and the category by name: reuse an existing term (same name, any case, or
// same slug), create a missing one, and adopt the id WordPress names when it says `term_exists`.
import { decodeHTML } from 'entities';
import { wordpressErrorDetails } from './wordpress-error';
import type { WordPressClient } from './wordpress-client';

interface WpTerm {
  id: number;
  name: string;
  slug: string;
}

export type Taxonomy = 'tags' | 'categories';

/** Distinct non-empty names (case-insensitive), in order. */
export function distinctNames(names: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const raw of names) {
    const name = raw.trim();
    if (name.length > 0 && !seen.has(name.toLowerCase())) seen.set(name.toLowerCase(), name);
  }
  return [...seen.values()];
}

export async function resolveTerm(client: WordPressClient, taxonomy: Taxonomy, name: string, signal: AbortSignal): Promise<number> {
  const kind = taxonomy === 'tags' ? 'tag' : 'category';
  const candidates = await client.request<WpTerm[]>('GET', `wp/v2/${taxonomy}`, {
    query: { search: name, per_page: 100, context: 'view' },
    purpose: { action: `look up the ${kind} '${name}'` },
    signal,
  });
  const match = candidates.find((term) => sameTerm(term, name));
  if (match) return match.id;
  try {
    const created = await client.request<WpTerm>('POST', `wp/v2/${taxonomy}`, {
      json: { name },
      purpose: {
        action: `create the ${kind} '${name}'`,
        forbiddenHint:
          taxonomy === 'categories'
            ? `Your WordPress role (${client.role ?? 'unknown role'}) may not create categories: ask an editor to create the category '${name}' in WordPress or choose an existing section`
            : `Your WordPress role (${client.role ?? 'unknown role'}) may not create tags: ask an editor to create the tag '${name}' in WordPress or remove it from the article`,
      },
      signal,
    });
    return created.id;
  } catch (error) {
    const details = wordpressErrorDetails(error);
    const termId = details?.wpCode === 'term_exists' ? details.wpData?.term_id : undefined;
    if (typeof termId === 'number') return termId;
    throw error;
  }
}

function sameTerm(term: WpTerm, name: string): boolean {
  const wanted = name.toLowerCase();
  if (decodeHTML(term.name).toLowerCase() === wanted) return true; // WordPress returns names HTML-escaped ("Q&amp;A")
  try {
    return decodeURIComponent(term.slug).toLowerCase() === wanted.replace(/\s+/g, '-');
  } catch {
    return false;
  }
}
