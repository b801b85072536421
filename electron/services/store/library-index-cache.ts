// Runs in: services. library-index.json: article summaries keyed by id with the article.json
// mtime/size they were read from, so opening a big library re-reads only changed files.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { articleSummarySchema } from '../../../common/article';
import { atomicWriteFile } from './atomic-write';

const CACHE_VERSION = 1;

const entrySchema = z.object({
  mtimeMs: z.number(),
  size: z.number(),
  revision: z.number(),
  summary: articleSummarySchema,
});
export type IndexEntry = z.infer<typeof entrySchema>;

const cacheSchema = z.object({ version: z.literal(CACHE_VERSION), entries: z.record(z.string(), entrySchema) });

/** A missing, corrupt or outdated cache is simply empty: it is rebuilt from the articles. */
export async function readLibraryIndex(path: string): Promise<Map<string, IndexEntry>> {
  try {
    const parsed = cacheSchema.safeParse(JSON.parse(await readFile(path, 'utf8')));
    return parsed.success ? new Map(Object.entries(parsed.data.entries)) : new Map();
  } catch {
    return new Map();
  }
}

export async function writeLibraryIndex(path: string, entries: ReadonlyMap<string, IndexEntry>): Promise<void> {
  await atomicWriteFile(path, JSON.stringify({ version: CACHE_VERSION, entries: Object.fromEntries(entries) }));
}

