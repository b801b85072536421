// Runs in: services. library-index.json: article summaries keyed by id with the folder and
// article.json stat they were read from, so opening a big library re-reads only changed articles.
// Version 2 is JSON Lines in list order (a header line, then one [id, entry] per line), so a start
// reads and parses only the file's head (the first screen of rows) before it answers; the rest is
// read a chunk at a time and parsed a slice at a time afterwards, never 40 MB in one go.
// Version 1 (one JSON object) is still read, whole.
import { open, stat } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';
import type { ArticleSummary } from '../../../common/article';
import { atomicWriteFile } from './atomic-write';
import { isRecord } from '../../../common/is-record';

const CACHE_VERSION = 2;
/**
 * A cache larger than this is not read: about six times what a 100,000-article library's cache
 * takes (42 MB). A bigger one is rebuilt from the articles.
 */
export const MAX_INDEX_BYTES = 256 * 1024 * 1024;
/** Read before a start answers: a few hundred lines (an entry takes about 420 bytes), more than a screen of rows. */
export const INDEX_HEAD_BYTES = 256 * 1024;
/** The rest is read this much at a time, the event loop getting a turn between reads. */
const REST_CHUNK_BYTES = 4 * 1024 * 1024;

export interface IndexEntry {
  /** mtime of the article folder: changes when article.json is replaced, trashed.json comes or goes, or temp files appear. */
  dirMtimeMs: number;
  mtimeMs: number;
  size: number;
  revision: number;
  summary: ArticleSummary;
}

/**
 * The cache read a slice at a time: `next` parses and checks up to `max` more entries of what has
 * been read (none at the end). Opening reads the file's head; `readRest` reads the rest.
 */
export interface LibraryIndexReader {
  /** Entries the lines read so far hold at most (the file's, once it is all read). */
  readonly size: number;
  /** An older version, or a file that could not be read to its end: write it again. */
  readonly outdated: boolean;
  next(max: number): [string, IndexEntry][];
  /** True while `next` has lines left to give, or the file has more to read. */
  more(): boolean;
  /** Reads the rest of the file (a failure ends it there, outdated); resolves once all is read. */
  readRest(): Promise<void>;
}

const EMPTY_READER: LibraryIndexReader = { size: 0, outdated: true, next: () => [], more: () => false, readRest: async () => undefined };

/** A missing, corrupt, oversized or outdated cache is simply empty: it is rebuilt from the articles. A bad line is skipped. */
export async function openLibraryIndex(path: string): Promise<LibraryIndexReader> {
  try {
    const file = await stat(path);
    if (file.size > MAX_INDEX_BYTES) return EMPTY_READER;
    const decoder = new StringDecoder('utf8');
    const head = await readBytes(path, file, 0, INDEX_HEAD_BYTES);
    let offset = head.length;
    const text = decoder.write(head) + (offset < file.size ? '' : decoder.end());
    if (text.startsWith('{"version":1,')) return wholeReader(text + decoder.write(await readBytes(path, file, offset, file.size - offset)) + decoder.end());
    const lines = text.split('\n');
    // The last piece may be a line cut by the end of the head: it waits for the rest.
    let partial = offset < file.size ? (lines.pop() ?? '') : '';
    const header = JSON.parse(lines[0] ?? '') as unknown;
    if (!isRecord(header) || header.version !== CACHE_VERSION) return EMPTY_READER;
    let at = 1;
    let outdated = false;
    let rest: Promise<void> | null = null;
    const addLines = (chunk: string): void => {
      const more = (partial + chunk).split('\n');
      partial = more.pop() ?? '';
      for (const line of more) lines.push(line);
    };
    const readRest = async (): Promise<void> => {
      try {
        while (offset < file.size) {
          const bytes = await readBytes(path, file, offset, Math.min(REST_CHUNK_BYTES, file.size - offset));
          offset += bytes.length;
          addLines(decoder.write(bytes));
        }
        // A last line without its newline.
        const last = partial + decoder.end();
        partial = '';
        if (last !== '') lines.push(last);
      } catch {
        // Gone or changed since the head was read: what was read serves; the scan reads the rest.
        offset = file.size;
        partial = '';
        outdated = true;
      }
    };
    return {
      get size() {
        return lines.length - 1 - (lines.at(-1) === '' ? 1 : 0);
      },
      get outdated() {
        return outdated;
      },
      more: () => at < lines.length || offset < file.size,
      readRest: () => (rest ??= readRest()),
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

/** `length` bytes of the file from `position`; refuses a file replaced since `expected` was taken. */
async function readBytes(path: string, expected: { size: number; mtimeMs: number }, position: number, length: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const now = await handle.stat();
    if (now.size !== expected.size || now.mtimeMs !== expected.mtimeMs) throw new Error('library-index.json changed while it was read');
    const buffer = Buffer.alloc(Math.max(0, Math.min(length, expected.size - position)));
    let done = 0;
    while (done < buffer.length) {
      const { bytesRead } = await handle.read(buffer, done, buffer.length - done, position + done);
      if (bytesRead === 0) break;
      done += bytesRead;
    }
    return done === buffer.length ? buffer : buffer.subarray(0, done);
  } finally {
    await handle.close();
  }
}

/** The whole cache at once (for callers that do not serve meanwhile). */
export async function readLibraryIndex(path: string): Promise<Map<string, IndexEntry>> {
  const reader = await openLibraryIndex(path);
  await reader.readRest();
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
    readRest: async () => undefined,
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
