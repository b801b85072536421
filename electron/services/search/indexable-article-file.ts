// Runs in: the search index worker (and tests). Reads what the search index needs of one article
// straight from its article.json, without the store's full validation: the file is untrusted, so
// its size is bounded, every field is checked for its type, and anything else means "not indexed"
// (the store itself sets damaged files aside when someone opens them).
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { DocNode } from '../../../common/article';
import { articleIdSchema } from '../../../common/article';
import type { IndexableArticle } from './search-index';

/** Larger than any article the editor saves (100k words with marks is ~20 MB of JSON). */
export const MAX_INDEXED_FILE_BYTES = 64 * 1024 * 1024;

/** The article as the library holds it, or null when it is missing, too big or not an article. */
export async function readIndexableArticle(libraryRoot: string, id: string): Promise<IndexableArticle | null> {
  if (!articleIdSchema.safeParse(id).success) return null;
  const path = join(libraryRoot, 'articles', id, 'article.json');
  try {
    const info = await stat(path);
    if (!info.isFile() || info.size > MAX_INDEXED_FILE_BYTES) return null;
    return indexableArticle(JSON.parse(await readFile(path, 'utf8')) as unknown, id);
  } catch {
    return null;
  }
}

function indexableArticle(value: unknown, id: string): IndexableArticle | null {
  // The body is walked by docText, which reads untrusted bodies (the caller catches one too deep to walk).
  if (!isRecord(value) || !isRecord(value.meta) || !isRecord(value.body) || typeof value.body.type !== 'string') return null;
  const { headline, subheadline, summary, updatedAt, body } = value;
  const { tags, bylines } = value.meta;
  if (typeof headline !== 'string' || typeof subheadline !== 'string' || typeof summary !== 'string' || typeof updatedAt !== 'string') return null;
  if (!Array.isArray(tags) || !tags.every((t) => typeof t === 'string')) return null;
  if (!Array.isArray(bylines) || !bylines.every((b) => isRecord(b) && typeof b.name === 'string')) return null;
  return {
    id,
    headline,
    subheadline,
    summary,
    updatedAt,
    body: body as unknown as DocNode,
    meta: { tags: tags as string[], bylines: (bylines as { name: string }[]).map((b) => ({ name: b.name })) },
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
