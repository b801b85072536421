// Runs in: the library read worker (and tests). Reads one article folder the way the store's scan
// does, synchronously and without touching anything: its listing, article.json and trash marker,
// checked against the store's own schemas, into the cache entry the store keeps. Anything that is
// not the plain case (crash leftovers to sweep, a missing or damaged file to set aside or recover,
// an oversized file, a read error) comes back as null: the store then reads that folder itself,
// with the means to repair it. The entry is only a proposal: the store takes it under the article's
// queue, and only while the folder's stats still match the ones it was read with.
import { closeSync, constants, fstatSync, openSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { articleIdSchema, articleSchema, summarize } from '../../../common/article';
import { TEMP_FILE_PATTERN } from './atomic-write';
import type { IndexEntry } from './library-index-cache';
import { parseJsonText } from './parse-json-text';
import { readBounded } from './read-bounded';
import { MAX_TRASH_MARKER_BYTES, trashMarkerSchema } from './trash-marker';

/** Above a 100k-word article with marks (about 20 MB of JSON): bigger ones the store reads itself, so one cannot fill the worker's heap. */
export const MAX_FOLDER_READ_BYTES = 32 * 1024 * 1024;

/**
 * The folder's cache entry, or null when the store must read it itself. The folder's stat comes
 * before its listing and article.json's stat from the very descriptor read, so an entry never
 * claims stats newer than what it holds: a change after either is a mismatch when the store checks.
 */
export function readFolderEntry(libraryRoot: string, id: string, maxBytes = MAX_FOLDER_READ_BYTES): IndexEntry | null {
  if (!articleIdSchema.safeParse(id).success) return null;
  const dir = join(libraryRoot, 'articles', id);
  try {
    const dirInfo = statSync(dir);
    if (!dirInfo.isDirectory()) return null;
    const names = readdirSync(dir);
    if (!names.includes('article.json') || names.some((name) => TEMP_FILE_PATTERN.test(name))) return null;
    const read = readFile(join(dir, 'article.json'), maxBytes);
    if (!read) return null;
    const file = parseJsonText(read.text, articleSchema);
    if (file.kind !== 'ok') return null;
    let trashedAt: string | null = null;
    if (names.includes('trashed.json')) {
      const marker = readFile(join(dir, 'trashed.json'), MAX_TRASH_MARKER_BYTES);
      const parsed = marker && parseJsonText(marker.text, trashMarkerSchema);
      if (!parsed || parsed.kind !== 'ok') return null;
      trashedAt = parsed.value.trashedAt;
    }
    const article = file.value.id === id ? file.value : { ...file.value, id };
    return { dirMtimeMs: dirInfo.mtimeMs, mtimeMs: read.mtimeMs, size: read.size, revision: article.revision, summary: summarize(article, trashedAt) };
  } catch {
    // Gone, locked, a link loop, too deep to check: the store's own read says which, and acts on it.
    return null;
  }
}

/**
 * A regular file's text with the stats of the descriptor it was read from; null when it is not one
 * or holds more than `maxBytes`. Opened without waiting, so a FIFO in its place cannot hang the worker.
 */
function readFile(path: string, maxBytes: number): { text: string; mtimeMs: number; size: number } | null {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const info = fstatSync(fd);
    if (!info.isFile() || info.size > maxBytes) return null;
    const text = readBounded(fd, info.size, maxBytes);
    return text === null ? null : { text, mtimeMs: info.mtimeMs, size: info.size };
  } finally {
    closeSync(fd);
  }
}
