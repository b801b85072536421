// Runs in: tests (node). Searching the library through the services: the index is opened, not
// rebuilt, searches say how many articles are still being indexed, saves are indexed one by one,
// and results come in pages with the count of every match.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ListResult } from '../../common/contract';
import { createServices, type Services } from './create-services';
import { createEventBus, type EventBus } from './events/event-bus';
import { libraryRootOf } from './media/library-media-path';
import { SEARCH_LOG_FILE, SEARCH_SHARDS, searchShardFile } from './search/persistent-search-index';
import { LibraryStore } from './store/library-store';

let root: string;
let services: Services | null = null;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'dateline-library-search-'));
});
afterEach(async () => {
  await services?.close();
  services = null;
  await rm(root, { recursive: true, force: true });
});

const dataDir = () => join(root, 'data');
const start = (events?: EventBus) => createServices({ dataDir: dataDir(), transport: 'http', version: 'test', systemLocale: 'en', documentsDir: join(root, 'docs'), events });

/** Writes articles the way the app does, before the services (and their search index) ever saw them. */
async function seedLibrary(count: number): Promise<string[]> {
  const store = new LibraryStore(libraryRootOf(dataDir()));
  await store.open();
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const created = await store.create(i % 2 ? 'zh-CN' : 'en');
    await store.save({ ...created, headline: i % 2 ? `北京暴雨 ${i}` : `Council budget ${i}` });
    ids.push(created.id);
  }
  await store.close();
  return ids;
}

/** Asks until the index has caught up; each round trip yields to the background indexing. */
async function searchWhenIndexed(app: Services, query: string): Promise<ListResult> {
  for (;;) {
    const result = await app.handlers['library.list']!({ query, status: null, section: null, tag: null, trashed: false, offset: 0, limit: null });
    if (result.indexing === 0) return result;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

const search = (app: Services, query: string, paging: { offset?: number; limit?: number | null } = {}) =>
  app.handlers['library.list']!({ query, status: null, section: null, tag: null, trashed: false, offset: paging.offset ?? 0, limit: paging.limit ?? null });

describe('library search through the services', () => {
  it('a first start answers at once, says how many articles are left to index, and catches up; so does the next', async () => {
    await seedLibrary(24);
    services = await start();
    const first = await search(services, '北京');
    expect(typeof first.indexing).toBe('number');
    expect(first.items.length + first.indexing).toBeGreaterThanOrEqual(12);
    expect((await searchWhenIndexed(services, '北京')).matched).toBe(12);
    await services.close();

    services = await start();
    const warm = await search(services, 'council');
    expect(warm.matched + warm.indexing).toBeGreaterThanOrEqual(12);
    expect((await searchWhenIndexed(services, 'council')).matched).toBe(12);
  });

  it('announces "indexed" once every article is searchable, so nobody has to ask again and again', async () => {
    await seedLibrary(16);
    const events = createEventBus();
    const indexed = new Promise<void>((resolve) => {
      events.subscribe((event) => {
        if (event.name === 'library.changed' && event.payload.kind === 'indexed') resolve();
      });
    });
    services = await start(events);
    await indexed;
    const after = await search(services, 'council');
    expect(after.indexing).toBe(0);
    expect(after.matched).toBe(8);
  });

  it('a save is found by the next search and is recorded in the index log at once', async () => {
    services = await start();
    const created = await services.handlers['articles.create']!({});
    await services.handlers['articles.save']!({ article: { ...created, headline: '上海台风' }, explicit: false });
    const found = await searchWhenIndexed(services, '台风');
    expect(found.items.map((i) => i.id)).toEqual([created.id]);
    // Before any close: the log has it (or a snapshot, if catching up folded the log since), so a crash now loses nothing.
    const onDisk = () => Promise.all([SEARCH_LOG_FILE, ...Array.from({ length: SEARCH_SHARDS }, (_, k) => searchShardFile(k))].map((f) => readFile(join(libraryRootOf(dataDir()), f), 'utf8').catch(() => '')));
    await expect.poll(async () => (await onDisk()).join('\n')).toContain(created.id);
  });

  it('pages the results and counts every match', async () => {
    await seedLibrary(10);
    services = await start();
    const all = await searchWhenIndexed(services, 'council');
    expect(all.matched).toBe(5);
    const page = await search(services, 'council', { offset: 3, limit: 2 });
    expect(page.items.map((i) => i.id)).toEqual(all.items.slice(3, 5).map((i) => i.id));
    expect(page.matched).toBe(5);
  });

  it('a page of the plain list leaves trashed articles out of its rows and its count; the trash and a chosen status still see them', async () => {
    const ids = await seedLibrary(12);
    services = await start();
    const english = ids.filter((_, i) => i % 2 === 0);
    await searchWhenIndexed(services, 'council');
    await services.handlers['articles.trash']!({ id: english[1]! });
    await services.handlers['articles.trash']!({ id: english[4]! });
    const all = await search(services, 'council');
    expect(all.matched).toBe(4);
    const pages = [await search(services, 'council', { limit: 3 }), await search(services, 'council', { offset: 3, limit: 3 })];
    expect(pages.map((p) => p.matched)).toEqual([4, 4]);
    expect(pages.flatMap((p) => p.items.map((i) => i.id))).toEqual(all.items.map((i) => i.id));
    const trash = await services.handlers['library.list']!({ query: 'council', status: null, section: null, tag: null, trashed: true, offset: 0, limit: 1 });
    expect(trash.matched).toBe(2);
    const drafts = await services.handlers['library.list']!({ query: 'council', status: 'draft', section: null, tag: null, trashed: false, offset: 0, limit: 2 });
    expect(drafts.matched).toBe(4);
    expect(drafts.items).toHaveLength(2);
  });

  it('never counts articles the library no longer has: folders deleted while the app was closed', async () => {
    const ids = await seedLibrary(20);
    services = await start();
    await searchWhenIndexed(services, 'council');
    await services.close();
    services = null;
    // Behind the app's back: the list cache and half the English articles go.
    const libraryRoot = libraryRootOf(dataDir());
    await rm(join(libraryRoot, 'library-index.json'), { force: true });
    const english = ids.filter((_, i) => i % 2 === 0);
    for (const id of english.slice(0, 5)) await rm(join(libraryRoot, 'articles', id), { recursive: true, force: true });
    services = await start();
    const early = await search(services, 'council', { limit: 2 });
    expect(early.matched).toBeLessThanOrEqual(5);
    await searchWhenIndexed(services, 'council');
    const page = await search(services, 'council', { limit: 2 });
    expect(page.matched).toBe(5);
    expect(page.items).toHaveLength(2);
  });
});
