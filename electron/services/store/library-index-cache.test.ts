// Runs in: tests (node). The summaries cache: written in list order as JSON Lines and read a slice
// at a time; the older single-object version is still read; a damaged line costs only its article.
import { mkdir, mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { newArticle, summarize } from '../../../common/article';
import { LibraryEntries } from './library-entries';
import { INDEX_HEAD_BYTES, openLibraryIndex, readLibraryIndex, writeLibraryIndex, type IndexEntry } from './library-index-cache';
import { LibraryStore } from './library-store';
import { sortableId } from './sortable-id';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'dateline-index-cache-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

function entry(i: number): [string, IndexEntry] {
  const article = { ...newArticle(sortableId(), new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString()), headline: `Story ${i}` };
  return [article.id, { dirMtimeMs: 1, mtimeMs: 2, size: 3, revision: 0, summary: summarize(article, null) }];
}

it('writes one line per entry in the order given, reads them a slice at a time, and skips a damaged line', async () => {
  const path = join(root, 'library-index.json');
  const entries = [entry(3), entry(2), entry(1)];
  await writeLibraryIndex(path, new Map(entries));
  const lines = (await readFile(path, 'utf8')).split('\n');
  lines[2] = '{"not":"an entry"';
  await writeFile(path, lines.join('\n'));
  const reader = await openLibraryIndex(path);
  expect(reader.size).toBe(3);
  expect(reader.next(1).map(([id]) => id)).toEqual([entries[0]![0]]);
  expect(reader.more()).toBe(true);
  expect(reader.next(10).map(([id]) => id)).toEqual([entries[2]![0]]);
  expect(reader.more()).toBe(false);
});

it('opening reads only the head of a big cache; the rest comes when asked for, whole and in order', async () => {
  const path = join(root, 'library-index.json');
  const entries = Array.from({ length: 2000 }, (_, i) => entry(i));
  await writeLibraryIndex(path, new Map(entries));
  expect((await readFile(path)).length).toBeGreaterThan(2 * INDEX_HEAD_BYTES);
  const reader = await openLibraryIndex(path);
  // Only the head is in hand: a first screen of rows, not the file.
  const head = reader.next(entries.length);
  expect(head.length).toBeGreaterThanOrEqual(200);
  expect(head.length).toBeLessThan(entries.length);
  expect(reader.more()).toBe(true);
  await reader.readRest();
  const rest = reader.next(entries.length);
  expect([...head, ...rest].map(([id]) => id)).toEqual(entries.map(([id]) => id));
  expect(reader.size).toBe(entries.length);
  expect(reader.outdated).toBe(false);
  expect(reader.more()).toBe(false);
});

it('a cache gone after its head was read serves the head and asks to be written again', async () => {
  const path = join(root, 'library-index.json');
  const entries = Array.from({ length: 2000 }, (_, i) => entry(i));
  await writeLibraryIndex(path, new Map(entries));
  const reader = await openLibraryIndex(path);
  await rm(path);
  const head = reader.next(entries.length);
  await reader.readRest();
  expect(head.length + reader.next(entries.length).length).toBeLessThan(entries.length);
  expect(reader.outdated).toBe(true);
  expect(reader.more()).toBe(false);
});

it('still reads the older single-object cache, and marks it for writing again', async () => {
  const path = join(root, 'library-index.json');
  const [id, value] = entry(1);
  await writeFile(path, JSON.stringify({ version: 1, entries: { [id]: value } }));
  const reader = await openLibraryIndex(path);
  expect(reader.outdated).toBe(true);
  expect((await readLibraryIndex(path)).get(id)?.summary.headline).toBe('Story 1');
});

it('a cached entry loaded late never replaces one the store has learnt since', () => {
  const entries = new LibraryEntries();
  const [id, stale] = entry(1);
  const fresh = { ...stale, revision: 5, summary: { ...stale.summary, headline: 'Saved meanwhile' } };
  entries.set(id, fresh);
  entries.load([[id, stale]]);
  expect(entries.list().map((s) => s.headline)).toEqual(['Saved meanwhile']);
});

it('a warm start serves the first screen of the cache before it has parsed the rest', async () => {
  const articles = join(root, 'articles');
  for (let i = 0; i < 450; i++) {
    const article = { ...newArticle(sortableId(), new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString()), headline: `Story ${i}` };
    await mkdir(join(articles, article.id), { recursive: true });
    await writeFile(join(articles, article.id, 'article.json'), JSON.stringify(article, null, 2));
  }
  const first = new LibraryStore(root);
  await first.open();
  await first.close();
  const store = new LibraryStore(root);
  const started = await store.start();
  expect(started.folders).toBe(450);
  expect(started.listed).toBeLessThan(450);
  expect(store.list().slice(0, 3).map((s) => s.headline)).toEqual(['Story 449', 'Story 448', 'Story 447']);
  await store.scanned();
  expect(store.list()).toHaveLength(450);
  await store.close();
});

it('does not read a cache over 256 MB (it would be read whole): the library is rebuilt instead', async () => {
  const path = join(root, 'library-index.json');
  await writeLibraryIndex(path, new Map([entry(1)]));
  // A sparse file: its size is over the cap without writing the bytes.
  await truncate(path, 256 * 1024 * 1024 + 1);
  const reader = await openLibraryIndex(path);
  expect(reader.size).toBe(0);
  expect(reader.next(10)).toEqual([]);
});
