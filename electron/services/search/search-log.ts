// Runs in: services. The search index's append log: one JSON line per indexed or removed article
// since the last snapshot. A torn or garbled line ends the log (what follows it is dropped).
import { open, readFile, stat } from 'node:fs/promises';
import type { SearchDoc } from './search-index';
import { atomicWriteFile } from '../store/atomic-write';

export type SearchLogEntry = { op: 'put'; stamp: string; doc: SearchDoc } | { op: 'del'; id: string };

export interface SearchLogRead {
  entries: SearchLogEntry[];
  /** False when the file is missing, from another version, torn or garbled: rewrite it before appending. */
  clean: boolean;
}

/** Bump when the line format changes: a log of another version is ignored. */
export const SEARCH_LOG_VERSION = 1;
/** A log this big was not written by compaction-bounded updates: ignore it rather than parse it. */
export const MAX_SEARCH_LOG_BYTES = 256 * 1024 * 1024;

const HEADER = JSON.stringify({ format: 'dateline-search-log', version: SEARCH_LOG_VERSION });
const FIELDS = ['id', 'headline', 'subheadline', 'summary', 'body', 'tags', 'bylines'] as const;

export async function readSearchLog(path: string): Promise<SearchLogRead> {
  const size = await stat(path).then((s) => s.size, () => -1);
  if (size < 0 || size > MAX_SEARCH_LOG_BYTES) return { entries: [], clean: false };
  const text = await readFile(path, 'utf8').catch(() => '');
  const lines = text.split('\n');
  if (lines[0] !== HEADER) return { entries: [], clean: false };
  const entries: SearchLogEntry[] = [];
  // A complete log ends with a newline, so its last piece is empty.
  for (let i = 1; i < lines.length - 1; i++) {
    const entry = parseEntry(lines[i] as string);
    if (!entry) return { entries, clean: false };
    entries.push(entry);
  }
  return { entries, clean: lines[lines.length - 1] === '' };
}

/** Replaces the log with these entries (an empty log after a snapshot). */
export async function writeSearchLog(path: string, entries: readonly SearchLogEntry[] = []): Promise<void> {
  await atomicWriteFile(path, [HEADER, ...entries.map((e) => JSON.stringify(e))].join('\n') + '\n');
}

/** Appends entries and fsyncs; the log must exist and be clean. */
export async function appendSearchLog(path: string, entries: readonly SearchLogEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const handle = await open(path, 'a');
  try {
    await handle.writeFile(entries.map((e) => `${JSON.stringify(e)}\n`).join(''));
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function parseEntry(line: string): SearchLogEntry | null {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const entry = value as Record<string, unknown>;
  if (entry.op === 'del' && typeof entry.id === 'string') return { op: 'del', id: entry.id };
  if (entry.op !== 'put' || typeof entry.stamp !== 'string' || typeof entry.doc !== 'object' || entry.doc === null) return null;
  const doc = entry.doc as Record<string, unknown>;
  if (!FIELDS.every((field) => typeof doc[field] === 'string')) return null;
  return { op: 'put', stamp: entry.stamp, doc: Object.fromEntries(FIELDS.map((f) => [f, doc[f]])) as unknown as SearchDoc };
}
