// Runs in: services. library-index.json: article summaries keyed by id with the folder and
// article.json stat they were read from, so opening a big library re-reads only changed articles.
// Version 2 is JSON Lines in list order (a header line, then one [id, entry] per line), so a start
// parses the first screen of rows first and the rest a slice at a time, never 40 MB in one go.
// Version 1 (one JSON object) is still read, whole.
import { readFile, stat } from 'node:fs/promises';
import type { ArticleSummary } from '../../../common/article';
import { atomicWriteFile } from './atomic-write';
import { isRecord } from '../../../common/is-record';

const CACHE_VERSION = 2;
/**
 * A cache larger than this is not read (it is read whole before its slices are parsed): about six
 * times what a 100,000-article library's cache takes (42 MB). A bigger one is rebuilt from the articles.
 */
export const MAX_INDEX_BYTES = 256 * 1024 * 1024;

export interface IndexEntry {
  /** mtime of the article folder: changes when article.json is replaced, trashed.json comes or goes, or temp files appear. */
  dirMtimeMs: number;
  mtimeMs: number;
  size: number;
  revision: number;
  summary: ArticleSummary;
}

/** The cache read a slice at a time: `next` parses and checks up to `max` more entries (none at the end). */
export interface LibraryIndexReader {
  /** Entries the file says it holds (an upper bound of what `next` gives). */
  readonly size: number;
  /** An older version: write it again in this one. */
  readonly outdated: boolean;
  next(max: number): [string, IndexEntry][];
  /** True while `next` has lines left to give. */
  more(): boolean;
}

const EMPTY_READER: LibraryIndexReader = { size: 0, outdated: true, next: () => [], more: () => false };

/** A missing, corrupt, oversized or outdated cache is simply empty: it is rebuilt from the articles. A bad line is skipped. */
export async function openLibraryIndex(path: string): Promise<LibraryIndexReader> {
  try {
    if ((await stat(path)).size > MAX_INDEX_BYTES) return EMPTY_READER;
    const text = await readFile(path, 'utf8');
    if (text.startsWith('{"version":1,')) return wholeReader(text);
    const lines = text.split('\n');
    const header = JSON.parse(lines[0] ?? '') as unknown;
    if (!isRecord(header) || header.version !== CACHE_VERSION) return EMPTY_READER;
    let at = 1;
    return {
      size: lines.length - 1 - (lines.at(-1) === '' ? 1 : 0),
      outdated: false,
      more: () => at < lines.length,
      next(max) {
        const out: [string, IndexEntry][] = [];
        for (const end = Math.min(lines.length, at + max); at < end; at++) {
          const line = lines[at] as string;
          if (line === '') continue;
          try {
            const pair = JSON.parse(line) as unknown;
            // A hand check rather than zod: this file holds 100,000 entries and is read at every start.
            if (Array.isArray(pair) && pair.length === 2 && typeof pair[0] === 'string' && isEntry(pair[0], pair[1])) out.push([pair[0], pair[1]]);
          } catch {
            // A damaged line: that article is read from its file instead.
          }
        }
        return out;
      },
    };
  } catch {
    return EMPTY_READER;
  }
}

/** The whole cache at once (for callers that do not serve meanwhile). */
export async function readLibraryIndex(path: string): Promise<Map<string, IndexEntry>> {
  const reader = await openLibraryIndex(path);
  return new Map(reader.next(reader.size));
}

/** `entries` in list order, newest change first: the next start serves the first screen from the first lines. */
export async function writeLibraryIndex(path: string, entries: ReadonlyMap<string, IndexEntry>): Promise<void> {
  const lines = [JSON.stringify({ version: CACHE_VERSION })];
  for (const pair of entries) lines.push(JSON.stringify(pair));
  await atomicWriteFile(path, `${lines.join('\n')}\n`);
}

function wholeReader(text: string): LibraryIndexReader {
  const json = JSON.parse(text) as unknown;
  if (!isRecord(json) || json.version !== 1 || !isRecord(json.entries)) return EMPTY_READER;
  const pairs = Object.entries(json.entries);
  let at = 0;
  return {
    size: pairs.length,
    outdated: true,
    more: () => at < pairs.length,
    next(max) {
      const out: [string, IndexEntry][] = [];
      for (const end = Math.min(pairs.length, at + max); at < end; at++) {
        const [id, entry] = pairs[at] as [string, unknown];
        if (isEntry(id, entry)) out.push([id, entry]);
      }
      return out;
    },
  };
}


function isEntry(id: string, value: unknown): value is IndexEntry {
  if (!isRecord(value) || !isRecord(value.summary)) return false;
  const s = value.summary;
  return (
    typeof value.dirMtimeMs === 'number' &&
    typeof value.mtimeMs === 'number' &&
    typeof value.size === 'number' &&
    typeof value.revision === 'number' &&
    s.id === id &&
    typeof s.headline === 'string' &&
    typeof s.status === 'string' &&
    typeof s.section === 'string' &&
    Array.isArray(s.tags) &&
    s.tags.every((t) => typeof t === 'string') &&
    Array.isArray(s.bylines) &&
    s.bylines.every((b) => typeof b === 'string') &&
    typeof s.language === 'string' &&
    typeof s.updatedAt === 'string' &&
    typeof s.createdAt === 'string' &&
    (s.trashedAt === null || typeof s.trashedAt === 'string')
  );
}
