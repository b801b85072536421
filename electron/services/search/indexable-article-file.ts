// Runs in: the search index worker (and tests). Reads what the search index needs of one article
// straight from its article.json, without the store's full validation: the file is untrusted, so
// its size is bounded, every field is checked for its type, and anything else means "not indexed"
// (the store itself sets damaged files aside when someone opens them).
import { closeSync, constants, fstatSync, openSync } from 'node:fs';
import { join } from 'node:path';
import type { DocNode } from '../../../common/article';
import { articleIdSchema } from '../../../common/article';
import type { IndexableArticle } from './search-index';
import { isRecord } from '../../../common/is-record';
import { readBounded } from '../store/read-bounded';

/** Larger than any article the editor saves (100k words with marks is ~20 MB of JSON). */
export const MAX_INDEXED_FILE_BYTES = 64 * 1024 * 1024;

/**
 * The article as the library holds it, or null when it is missing, bigger than `maxBytes` or not an
 * article; throws when the file is there but cannot be read now. One handle is stat-ed and read,
 * and never more than the bound is read from it: a file swapped or grown after the check cannot get
 * past it. Synchronous: it runs in the search worker, between that worker's own yields, where a
 * file read through the thread pool cost ten times the read itself (2.6–5.4 s for 10,000 articles
 * against 0.27 s).
 */
export function readIndexableArticle(libraryRoot: string, id: string, maxBytes = MAX_INDEXED_FILE_BYTES): IndexableArticle | null {
  if (!articleIdSchema.safeParse(id).success) return null;
  try {
    // Opened without waiting: a FIFO in article.json's place must not hang the worker.
    const fd = openSync(join(libraryRoot, 'articles', id, 'article.json'), constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      const info = fstatSync(fd);
      if (!info.isFile() || info.size > maxBytes) return null;
      const text = readBounded(fd, info.size, maxBytes);
      if (text === null) return null;
      const article = indexableArticle(JSON.parse(text) as unknown, id);
      return article && { ...article, readBytes: Buffer.byteLength(text) };
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    // Missing (trashed or purged meanwhile) or not JSON: not an article to index. Anything else
    // (a lock, too many open files) is passed on: catching up keeps what the index holds.
    if (error instanceof SyntaxError || (isRecord(error) && (error.code === 'ENOENT' || error.code === 'ENOTDIR'))) return null;
    throw error;
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
