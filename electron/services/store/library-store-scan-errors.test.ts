// Runs in: tests (node). The start's background scan when the disk answers with an error that is
// not "gone" (a sync tool or antivirus holding a folder: EBUSY, EACCES, EIO, ELOOP): the article
// stays listed and the scan goes on. The failures are injected per path into node's fs.
import { mkdtemp, rm, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ArticleSummary } from '../../../common/article';
import { LibraryStore, type LibraryChange } from './library-store';
import type { ScanBatch } from './library-scan';

/** Path -> errno code the next calls on it fail with. */
const failing = vi.hoisted(() => ({ readdir: new Map<string, string>(), statSync: new Map<string, string>() }));

function errnoError(code: string, path: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: injected, '${path}'`), { code, path });
}

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  const readdir = ((path: string, ...rest: unknown[]) => {
    const code = failing.readdir.get(String(path));
    if (code) return Promise.reject(errnoError(code, String(path)));
    return (actual.readdir as (...args: unknown[]) => Promise<unknown>)(path, ...rest);
  }) as typeof actual.readdir;
  return { ...actual, default: { ...actual, readdir }, readdir };
});

vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs')>();
  const statSync = ((path: string, ...rest: unknown[]) => {
    const code = failing.statSync.get(String(path));
    if (code) throw errnoError(code, String(path));
    return (actual.statSync as (...args: unknown[]) => unknown)(path, ...rest);
  }) as typeof actual.statSync;
  return { ...actual, default: { ...actual, statSync }, statSync };
});

let root: string;
let store: LibraryStore | undefined;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'dateline-library-scan-errors-'));
});
afterEach(async () => {
  failing.readdir.clear();
  failing.statSync.clear();
  await store?.close();
  store = undefined;
  await rm(root, { recursive: true, force: true });
});

/** Writes articles with these headlines, closes, and touches their files so the next start re-reads them. */
async function fill(headlines: string[]): Promise<ArticleSummary[]> {
  const writer = new LibraryStore(root);
  await writer.open();
  for (const headline of headlines) {
    const created = await writer.create();
    await writer.save({ ...created, headline });
  }
  const listed = writer.list();
  await writer.close();
  const later = new Date(Date.now() + 60_000);
  for (const s of listed) await utimes(join(root, 'articles', s.id, 'article.json'), later, later);
  return listed;
}

describe('LibraryStore scan errors', () => {
  it('an article folder that cannot be read just now stays listed and is not announced removed', async () => {
    const [busy] = await fill(['Held by antivirus']);
    failing.readdir.set(join(root, 'articles', busy!.id), 'EACCES');
    const batches: ScanBatch[] = [];
    const changes: LibraryChange[] = [];
    store = new LibraryStore(root, { onScan: (b) => batches.push(b), onChange: (c) => changes.push(c) });
    await store.start();
    await store.scanned();
    expect(store.list().map((s) => s.headline)).toEqual(['Held by antivirus']);
    expect(batches.flatMap((b) => b.removed)).toEqual([]);
    expect(changes.filter((c) => c.kind === 'remove')).toEqual([]);
  });

  it('a folder whose stat fails keeps its cached row and the scan goes on to the others', async () => {
    const listed = await fill(['Loops', 'Fine']);
    // The cache matches the files (no touch after this start), so the scan only stats them.
    const warm = new LibraryStore(root);
    await warm.open();
    await warm.close();
    const looping = listed.find((s) => s.headline === 'Loops')!;
    failing.statSync.set(join(root, 'articles', looping.id, 'article.json'), 'ELOOP');
    store = new LibraryStore(root);
    await store.start();
    // Its re-read cannot stat article.json either (the cache keeps those stats): it stays as cached.
    await expect(store.scanned()).resolves.toMatchObject({ articles: 2, reread: 0 });
    expect(store.list().map((s) => s.headline).sort()).toEqual(['Fine', 'Loops']);
  });
});
