// Runs in: services. library-index.json: article summaries keyed by id with the folder and
// article.json stat they were read from, so opening a big library re-reads only changed articles.
import { readFile } from 'node:fs/promises';
import type { ArticleSummary } from '../../../common/article';
import { atomicWriteFile } from './atomic-write';

const CACHE_VERSION = 1;

export interface IndexEntry {
  /** mtime of the article folder: changes when article.json is replaced, trashed.json comes or goes, or temp files appear. */
  dirMtimeMs: number;
  mtimeMs: number;
  size: number;
  revision: number;
  summary: ArticleSummary;
}

/** A missing, corrupt or outdated cache is simply empty: it is rebuilt from the articles. */
export async function readLibraryIndex(path: string): Promise<Map<string, IndexEntry>> {
  try {
    const json = JSON.parse(await readFile(path, 'utf8')) as unknown;
    if (!isRecord(json) || json.version !== CACHE_VERSION || !isRecord(json.entries)) return new Map();
    const out = new Map<string, IndexEntry>();
    // A hand check rather than zod: this file holds 10,000 entries and is read at every start.
    for (const [id, entry] of Object.entries(json.entries)) if (isEntry(id, entry)) out.set(id, entry);
    return out;
  } catch {
    return new Map();
  }
}

export async function writeLibraryIndex(path: string, entries: ReadonlyMap<string, IndexEntry>): Promise<void> {
  await atomicWriteFile(path, JSON.stringify({ version: CACHE_VERSION, entries: Object.fromEntries(entries) }));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
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
