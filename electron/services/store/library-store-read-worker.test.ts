// Runs in: tests (node). A cold start's scan reads the article folders in a worker thread, so the
// services' own thread does little more than check two stats per folder. What the worker read is
// only taken while the folder is still as it was read; anything unusual (leftovers, damaged files)
// and a worker that cannot start, dies or never answers leave the reading to the store itself.
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, truncate, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fsRequestsDuring } from '../../../tests/support/fs-requests-during';
import { newArticle, type ArticleSummary } from '../../../common/article';
import type { LibraryFolderReaderOptions } from './library-folder-reader';
import { LibraryStore, type LibraryStoreOptions, type OpenReport } from './library-store';
import { readFolderEntry } from './read-folder-entry';
import { sortableId } from './sortable-id';

let root: string;
let store: LibraryStore | undefined;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'dateline-read-worker-'));
});
afterEach(async () => {
  await store?.close();
  store = undefined;
  await rm(root, { recursive: true, force: true });
});

/** Writes articles with these headlines (each with a revision), trashes the ones named, and removes the summaries cache: the next start is cold. */
async function fillCold(headlines: string[], trash: string[] = []): Promise<ArticleSummary[]> {
  const writer = new LibraryStore(root);
  await writer.open();
  for (const headline of headlines) {
    const created = await writer.create();
    await writer.save({ ...created, headline, body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: `${headline}, in words.` }] }] } }, { explicit: true });
    if (trash.includes(headline)) await writer.trash(created.id);
  }
  // In the order written.
  const listed = writer.list().reverse();
  await writer.close();
  await rm(join(root, 'library-index.json'));
  return listed;
}

// Never judged slow: these tests count what the worker did, whatever the machine's load.
const WORKER: LibraryStoreOptions = { checkInWorkerFrom: 0, readInWorkerFrom: 0, slowFolderMs: Number.POSITIVE_INFINITY, scanBatches: { first: 1, size: 4 } };
const IN_THREAD: LibraryStoreOptions = { checkInWorkerFrom: Number.POSITIVE_INFINITY, readInWorkerFrom: Number.POSITIVE_INFINITY };

async function scanned(options: LibraryStoreOptions): Promise<{ list: ArticleSummary[]; report: OpenReport }> {
  store = new LibraryStore(root, options);
  const report = await store.open();
  const list = store.list();
  await store.close();
  store = undefined;
  return { list, report };
}

describe('LibraryStore scan, read by the worker', () => {
  it('lists a cold library exactly as reading it in this thread does, with the reads off this thread', async () => {
    const written = await fillCold(
      Array.from({ length: 24 }, (_, i) => `Story ${i}`),
      ['Story 3', 'Story 17'],
    );
    const inThread = await scanned(IN_THREAD);
    await rm(join(root, 'library-index.json'));
    let viaWorker: ArticleSummary[] = [];
    const requests = await fsRequestsDuring(async () => {
      const { list, report } = await scanned(WORKER);
      viaWorker = list;
      // All but the first batch, a folder read here while the worker starts.
      expect(report).toMatchObject({ reread: written.length, readInWorker: written.length - 1, workerStopped: null });
    });
    expect(inThread.report).toMatchObject({ reread: written.length, readInWorker: 0 });
    expect(viaWorker).toEqual(inThread.list);
    expect(viaWorker).toHaveLength(written.length);
    expect(viaWorker.filter((s) => s.trashedAt !== null).map((s) => s.headline).sort()).toEqual(['Story 17', 'Story 3']);
    // Reading in this thread costs about 4.4 requests a folder; through the worker, only the first
    // batch (one folder) and the start's own listing and cache write are left here.
    expect(requests / written.length).toBeLessThan(1);
  });

  it('a warm start has the worker check every folder; what changed while the app was closed is read again', async () => {
    const stories = await fillCold(Array.from({ length: 12 }, (_, i) => `Story ${i}`));
    await scanned(IN_THREAD);
    // Another program edits one story and trashes another while the app is closed.
    const edited = join(root, 'articles', stories[4]!.id, 'article.json');
    const text = await readFile(edited, 'utf8');
    await writeFile(edited, text.replace('"headline": "Story 4"', '"headline": "Story 4, edited"'));
    const later = new Date(Date.now() + 60_000);
    await utimes(edited, later, later);
    await writeFile(join(root, 'articles', stories[7]!.id, 'trashed.json'), JSON.stringify({ trashedAt: '2026-12-01T00:00:00.000Z' }));
    const { list, report } = await scanned(WORKER);
    expect(report).toMatchObject({ articles: 12, checkedInWorker: 12, reread: 2, workerStopped: null });
    expect(list.find((s) => s.id === stories[4]!.id)?.headline).toBe('Story 4, edited');
    expect(list.find((s) => s.id === stories[7]!.id)?.trashedAt).toBe('2026-12-01T00:00:00.000Z');
    expect(list.filter((s) => s.headline.startsWith('Story')).length).toBe(12);
  });

  it('leaves leftovers and damaged files to the store, which sweeps and recovers them as before', async () => {
    const [damaged, swept, plain] = await fillCold(['Damaged', 'With a leftover', 'Plain']);
    // A crash's leftover temp file (older than the start) and an article.json cut short.
    const leftover = join(root, 'articles', swept!.id, '.article.json.0123456789ab.tmp');
    await writeFile(leftover, '{');
    const past = new Date(Date.now() - 60 * 60 * 1000);
    await utimes(leftover, past, past);
    await writeFile(join(root, 'articles', damaged!.id, 'article.json'), '{"id":');
    expect(readFolderEntry(root, damaged!.id)).toBeNull();
    expect(readFolderEntry(root, swept!.id)).toBeNull();
    expect(readFolderEntry(root, plain!.id)).toMatchObject({ summary: { headline: 'Plain' } });

    store = new LibraryStore(root, WORKER);
    await store.open();
    expect(store.list().map((s) => s.headline).sort()).toEqual(['Damaged', 'Plain', 'With a leftover']);
    // The damaged file was set aside and its newest revision recovered, as the store does.
    expect(store.problems()).toHaveLength(1);
    expect(execFileSync('ls', ['-a', join(root, 'articles', swept!.id)], { encoding: 'utf8' })).not.toContain('.tmp');
  });

  it('a FIFO in place of article.json and a gigabyte trash marker neither hang nor fill the scan', async () => {
    const [fifo, marked, plain] = await fillCold(['FIFO', 'Marked', 'Plain']);
    const fifoPath = join(root, 'articles', fifo!.id, 'article.json');
    const marker = join(root, 'articles', marked!.id, 'trashed.json');
    await writeFile(marker, '');
    await truncate(marker, 1024 * 1024 * 1024);
    for (const options of [WORKER, IN_THREAD]) {
      // Each start finds the FIFO anew (the one before set it aside).
      await rm(fifoPath);
      execFileSync('mkfifo', [fifoPath]);
      await rm(join(root, 'library-index.json'), { force: true });
      store = new LibraryStore(root, options);
      await store.open();
      const byId = new Map(store.list().map((s) => [s.id, s]));
      // The FIFO was set aside and the story recovered from its revision; the marker's file time stands for when.
      expect(byId.get(fifo!.id)?.headline).toBe('FIFO');
      expect(byId.get(marked!.id)?.trashedAt).toEqual(expect.any(String));
      expect(byId.get(plain!.id)?.headline).toBe('Plain');
      expect(store.problems()).toHaveLength(1);
      await store.close();
      store = undefined;
    }
  });

  it('keeps a save and a trash made after the worker read those folders and before the store took them in', async () => {
    const stories = await fillCold(Array.from({ length: 60 }, (_, i) => `Story ${i}`));
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const reached: string[] = [];
    let wake: (() => void) | null = null;
    store = new LibraryStore(root, {
      ...WORKER,
      // One folder read here, then one batch of the other 59 for the worker.
      scanBatches: { first: 1, size: 100 },
      beforeScanRead: async (id) => {
        reached.push(id);
        wake?.();
        await held;
      },
    });
    await store.start();
    // 32 reads held at the gate: 31 of them waited for the worker's batch, so it has read every folder.
    await new Promise<void>((resolve) => {
      const check = () => (reached.length >= 32 ? resolve() : (wake = check));
      check();
    });
    const [oldest, next] = stories;
    expect(reached).not.toContain(oldest!.id);
    const saved = await store.save({ ...(await store.get(oldest!.id)), headline: 'Saved during the scan' });
    await store.trash(next!.id);
    release();
    expect(await store.scanned()).toMatchObject({ readInWorker: 57, workerStopped: null });
    const byId = new Map(store.list().map((s) => [s.id, s]));
    expect(byId.get(oldest!.id)).toMatchObject({ headline: 'Saved during the scan', updatedAt: saved.updatedAt });
    expect(byId.get(next!.id)?.trashedAt).toEqual(expect.any(String));
  });

  it('does not take what the worker read when the folder changed before the store took it in', async () => {
    const stories = await fillCold(Array.from({ length: 6 }, (_, i) => `Story ${i}`));
    // The oldest: the scan reads newest first, so the worker has read it ahead by then.
    const target = stories[0]!;
    const path = join(root, 'articles', target.id, 'article.json');
    let rewritten = false;
    store = new LibraryStore(root, {
      ...WORKER,
      // Runs after the worker read the folder, before the store takes it in: another program edits it.
      beforeScanRead: async (id) => {
        if (id !== target.id || rewritten) return;
        rewritten = true;
        const text = await readFile(path, 'utf8');
        await writeFile(path, text.replace('"headline": "Story', '"headline": "Edited elsewhere, story'));
        const later = new Date(Date.now() + 60_000);
        await utimes(path, later, later);
      },
    });
    await store.open();
    expect(rewritten).toBe(true);
    expect(store.list().find((s) => s.id === target.id)?.headline).toMatch(/^Edited elsewhere, story/);
  });

  it('reads on in this thread, many folders at a time, once the worker has found the disk slow', async () => {
    // Written directly, to be quick: enough folders for the worker's pace to be judged.
    const ids: string[] = [];
    for (let i = 0; i < 700; i++) {
      const article = { ...newArticle(sortableId(), new Date().toISOString()), headline: `Story ${i}` };
      await mkdir(join(root, 'articles', article.id), { recursive: true });
      await writeFile(join(root, 'articles', article.id, 'article.json'), JSON.stringify(article));
      ids.push(article.id);
    }
    // A worker on storage that takes 50 ms a folder; it reads nothing, so nothing it says is taken.
    const slow = `const { parentPort } = require('node:worker_threads');
      parentPort.on('message', (m) => parentPort.postMessage(m.kind === 'read' ? { kind: 'read', id: m.id, entries: [], elapsedMs: 50 * m.ids.length } : { kind: 'check', id: m.id, changed: m.ids }));`;
    store = new LibraryStore(root, { ...WORKER, slowFolderMs: 2, scanBatches: { first: 50, size: 300 }, folderReader: { workerCode: () => slow } });
    expect(await store.open()).toMatchObject({ articles: 700, reread: 700, readInWorker: 0, workerStopped: expect.stringMatching(/answered slowly \(50\.0 ms a folder\)/) });
    expect(new Set(store.list().map((s) => s.id))).toEqual(new Set(ids));
  });

  const failures: [string, LibraryFolderReaderOptions, RegExp][] = [
    ['cannot start', { workerCode: () => 'throw new Error("no worker here")' }, /no worker here/],
    ['never answers', { workerCode: () => "require('node:worker_threads').parentPort.on('message', () => {})", deadlineMs: 200 }, /answered nothing for 200 ms/],
    ['dies mid-scan', { workerCode: () => "require('node:worker_threads').parentPort.on('message', () => process.exit(3))" }, /exited with code 3/],
  ];
  it.each(failures)('checks and reads every folder itself when the worker %s', async (_name, folderReader, why) => {
    const written = await fillCold(Array.from({ length: 9 }, (_, i) => `Story ${i}`));
    store = new LibraryStore(root, { ...WORKER, folderReader });
    const report = await store.open();
    expect(store.list().map((s) => s.headline).sort()).toEqual(written.map((s) => s.headline).sort());
    expect(report).toMatchObject({ articles: 9, reread: 9, checkedInWorker: 0, readInWorker: 0, workerStopped: expect.stringMatching(why) });
    await store.close();
    // Warm: the check falls back to this thread too, and finds the one story edited meanwhile.
    const edited = join(root, 'articles', written[2]!.id, 'article.json');
    await writeFile(edited, (await readFile(edited, 'utf8')).replace('"headline": "Story 2"', '"headline": "Story 2, edited"'));
    const later = new Date(Date.now() + 60_000);
    await utimes(edited, later, later);
    store = new LibraryStore(root, { ...WORKER, folderReader });
    expect(await store.open()).toMatchObject({ articles: 9, reread: 1, checkedInWorker: 0, workerStopped: expect.stringMatching(why) });
    expect(store.list().find((s) => s.id === written[2]!.id)?.headline).toBe('Story 2, edited');
  });
});

describe('readFolderEntry', () => {
  it('refuses what is not the plain case: a FIFO, a file over the bound, a bad trash marker, a foreign id', async () => {
    const [fifo, big, marked] = await fillCold(['FIFO', 'Big', 'Marked']);
    const fifoPath = join(root, 'articles', fifo!.id, 'article.json');
    await rm(fifoPath);
    execFileSync('mkfifo', [fifoPath]);
    // Opened without waiting: a FIFO in article.json's place must not hang the worker.
    expect(readFolderEntry(root, fifo!.id)).toBeNull();
    expect(readFolderEntry(root, big!.id, 100)).toBeNull();
    expect(readFolderEntry(root, big!.id)).toMatchObject({ summary: { headline: 'Big' } });
    await writeFile(join(root, 'articles', marked!.id, 'trashed.json'), '"not a marker"');
    expect(readFolderEntry(root, marked!.id)).toBeNull();
    expect(readFolderEntry(root, '../articles')).toBeNull();
  });
});
