// Runs in: tests (node). A library that shows at once: the start serves the cached summaries and
// reads the rest in the background, with corrections reported, and nothing a reporter does while
// it runs is lost. A test gate holds the scan's article reads to look inside it. Each test of the scan runs
// twice: with the folders checked and read in this thread, and by the worker (read ahead in small batches).
import { mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Article } from '../../../common/article';
import { LibraryStore, type LibraryStoreOptions } from './library-store';
import type { ScanBatch } from './library-scan';

let root: string;
let store: LibraryStore;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'dateline-library-start-'));
});
afterEach(async () => {
  gate.open();
  await store.close();
  await rm(root, { recursive: true, force: true });
});

/** Holds every scan read until opened; counts the reads that started. */
function makeGate() {
  let release: () => void = () => undefined;
  let held = new Promise<void>((resolve) => (release = resolve));
  const reached: string[] = [];
  let waiters: (() => void)[] = [];
  return {
    reached,
    pass: async (id: string): Promise<void> => {
      reached.push(id);
      for (const wake of waiters.splice(0)) wake();
      await held;
    },
    /** Resolves once `count` reads are held at the gate. */
    until: (count: number): Promise<void> =>
      new Promise((resolve) => {
        const check = () => (reached.length >= count ? resolve() : waiters.push(check));
        check();
      }),
    open: () => release(),
    close: () => {
      held = new Promise<void>((resolve) => (release = resolve));
      waiters = [];
    },
  };
}
let gate = makeGate();

const SCAN_MODES: { mode: string; options: LibraryStoreOptions }[] = [
  { mode: 'checked and read in this thread', options: { checkInWorkerFrom: Number.POSITIVE_INFINITY, readInWorkerFrom: Number.POSITIVE_INFINITY } },
  { mode: 'checked and read ahead by the worker', options: { checkInWorkerFrom: 0, readInWorkerFrom: 0, scanBatches: { first: 2, size: 5 } } },
];
/** The scan's options of the test running now. */
let scanMode: LibraryStoreOptions = {};

async function fill(headlines: string[]): Promise<Article[]> {
  store = new LibraryStore(root);
  await store.open();
  const out: Article[] = [];
  for (const headline of headlines) {
    const created = await store.create();
    const saved = await store.save({ ...created, headline });
    out.push({ ...created, headline, ...saved, snapshot: undefined } as Article);
  }
  await store.close();
  return out;
}

function startGated(batches: ScanBatch[] = []): LibraryStore {
  gate = makeGate();
  store = new LibraryStore(root, { ...scanMode, beforeScanRead: gate.pass, onScan: (batch) => batches.push(batch) });
  return store;
}

const headlines = () => store.list().map((s) => s.headline);

describe.each(SCAN_MODES)('LibraryStore start, $mode', ({ options }) => {
  beforeEach(() => {
    scanMode = options;
  });

  it('a warm start lists every cached summary while the changed article is still being read, then corrects it', async () => {
    const [first, second] = await fill(['Council meets', 'Bridge reopens']);
    // Another program edits one file while the app is closed.
    await writeFile(join(root, 'articles', first!.id, 'article.json'), JSON.stringify({ ...first, headline: 'Council adjourns' }, null, 2));
    const batches: ScanBatch[] = [];
    startGated(batches);
    expect(await store.start()).toEqual({ listed: 2, folders: 2 });
    await gate.until(1);
    expect(gate.reached).toEqual([first!.id]);
    expect(headlines()).toEqual(['Bridge reopens', 'Council meets']);
    gate.open();
    expect(await store.scanned()).toMatchObject({ articles: 2, reread: 1 });
    expect(headlines().sort()).toEqual(['Bridge reopens', 'Council adjourns']);
    expect(batches.flatMap((b) => b.updated)).toEqual([first!.id]);
    expect(batches.at(-1)).toMatchObject({ done: 2, total: 2 });
    expect(second).toBeDefined();
  });

  it('a cold start answers the list at once, and rows appear as they are read, with progress', async () => {
    const saved = await fill(['One', 'Two', 'Three']);
    await rm(join(root, 'library-index.json'));
    const batches: ScanBatch[] = [];
    startGated(batches);
    expect(await store.start()).toEqual({ listed: 0, folders: 3 });
    await gate.until(3);
    expect(store.list()).toEqual([]);
    gate.open();
    expect(await store.scanned()).toMatchObject({ articles: 3, reread: 3 });
    expect(new Set(headlines())).toEqual(new Set(['One', 'Two', 'Three']));
    expect(batches.flatMap((b) => b.updated).sort()).toEqual(saved.map((a) => a.id).sort());
    expect(batches.at(-1)).toMatchObject({ done: 3, total: 3 });
  });

  it('a cached article whose folder is gone is never listed', async () => {
    const [gone] = await fill(['Gone', 'Stays']);
    await rm(join(root, 'articles', gone!.id), { recursive: true });
    const batches: ScanBatch[] = [];
    startGated(batches);
    await store.start();
    gate.open();
    await store.scanned();
    expect(headlines()).toEqual(['Stays']);
    expect(batches.flatMap((b) => b.removed)).toEqual([]);
  });

  it('a save and a trash during the scan are not overwritten by what the scan reads', async () => {
    // More articles than the scan reads at once, so the oldest wait their turn behind the held reads.
    const all = await fill(Array.from({ length: 40 }, (_, i) => `Story ${i}`));
    await rm(join(root, 'library-index.json'));
    startGated();
    await store.start();
    await gate.until(32);
    const [oldest, next] = all;
    expect(gate.reached).not.toContain(oldest!.id);
    const result = await store.save({ ...(await store.get(oldest!.id)), headline: 'Saved during the scan' });
    await store.trash(next!.id);
    gate.open();
    await store.scanned();
    const byId = new Map(store.list().map((s) => [s.id, s]));
    expect(byId.get(oldest!.id)).toMatchObject({ headline: 'Saved during the scan', updatedAt: result.updatedAt });
    expect(byId.get(next!.id)?.trashedAt).toEqual(expect.any(String));
    expect(byId.size).toBe(40);
  });

  it('a save during the scan keeps a trash made outside the app, before the scan reached it', async () => {
    const [story, ...others] = await fill(['Trashed elsewhere', ...Array.from({ length: 40 }, (_, i) => `Story ${i}`)]);
    // Another window of the app (or a sync tool) trashed the oldest story while this one was closed,
    // and touched the others, so the scan is busy with them when the save comes.
    await writeFile(join(root, 'articles', story!.id, 'trashed.json'), JSON.stringify({ trashedAt: '2026-01-01T00:00:00.000Z' }));
    const later = new Date(Date.now() + 60_000);
    for (const other of others) await utimes(join(root, 'articles', other.id, 'article.json'), later, later);
    startGated();
    await store.start();
    await gate.until(32);
    expect(gate.reached).not.toContain(story!.id);
    expect(store.list().find((s) => s.id === story!.id)?.trashedAt).toBeNull();
    await store.save({ ...(await store.get(story!.id)), headline: 'Edited while trashed' });
    gate.open();
    await store.scanned();
    expect(store.list().find((s) => s.id === story!.id)).toMatchObject({ headline: 'Edited while trashed', trashedAt: '2026-01-01T00:00:00.000Z' });
  });

  it('the scan sweeps only temp files older than the start: another writer\'s fresh one survives', async () => {
    const [story] = await fill(['Under review']);
    const dir = join(root, 'articles', story!.id);
    // A crash's leftover from an earlier session...
    const leftover = '.review.json.0123456789ab.tmp';
    await writeFile(join(dir, leftover), '{}');
    const past = new Date(Date.now() - 60 * 60 * 1000);
    await utimes(join(dir, leftover), past, past);
    startGated();
    await store.start();
    await gate.until(1);
    // ...and the review store writing review.json right now, while the scan reads the folder.
    const inFlight = '.review.json.ba9876543210.tmp';
    await writeFile(join(dir, inFlight), '{}');
    gate.open();
    await store.scanned();
    const names = await readdir(dir);
    expect(names).toContain(inFlight);
    expect(names).not.toContain(leftover);
  });

});

// These build their own stores, the same whichever way the scan reads.
describe('LibraryStore start, either way', () => {
  it('lists without sorting the summaries on every call, after a save, or at a warm start', async () => {
    const [story] = await fill(['A', 'B', 'C']);
    const sort = vi.spyOn(Array.prototype, 'sort');
    /** Sorts of summaries (not of ids or other lists). */
    const summarySorts = () => sort.mock.contexts.filter((array) => Array.isArray(array) && typeof (array[0] as { updatedAt?: unknown } | undefined)?.updatedAt === 'string').length;
    try {
      store = new LibraryStore(root);
      await store.open();
      store.list();
      store.list();
      await store.save({ ...(await store.get(story!.id)), headline: 'A again' });
      const after = store.list();
      store.list();
      expect(after.map((s) => s.headline)).toEqual(['A again', 'C', 'B']);
      // The cache is written in list order: the next start lists it without sorting either.
      await store.close();
      store = new LibraryStore(root);
      await store.open();
      expect(store.list().map((s) => s.headline)).toEqual(['A again', 'C', 'B']);
      expect(summarySorts()).toBe(0);
    } finally {
      sort.mockRestore();
    }
  });

  it('an article purged before its slice of the cache is parsed does not come back', async () => {
    // More articles than the first cached screen, so the oldest is in a later slice.
    store = new LibraryStore(root);
    await store.open();
    const oldest = await store.create();
    for (let i = 0; i < 200; i++) await store.create();
    await store.trash(oldest.id);
    await store.close();
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let reachedSlice: () => void = () => undefined;
    const atSlice = new Promise<void>((resolve) => (reachedSlice = resolve));
    gate = makeGate();
    const batches: ScanBatch[] = [];
    store = new LibraryStore(root, {
      beforeScanRead: gate.pass,
      onScan: (batch) => batches.push(batch),
      beforeCacheSlice: () => {
        reachedSlice();
        return held;
      },
    });
    expect(await store.start()).toEqual({ listed: 200, folders: 201 });
    await atSlice;
    expect(store.list().map((s) => s.id)).not.toContain(oldest.id);
    await store.purge(oldest.id);
    release();
    // The rest of the cache is loaded; the scan now looks at the purged id's missing folder.
    await gate.until(1);
    expect(store.list().map((s) => s.id)).not.toContain(oldest.id);
    gate.open();
    await store.scanned();
    expect(store.list().map((s) => s.id)).not.toContain(oldest.id);
    expect(store.count).toBe(200);
    expect(batches.flatMap((b) => b.removed)).toEqual([]);
  });
});
