// Runs in: tests (node). A cold start reads every article folder in the background; at 100k
// articles each trip through libuv's thread pool costs more than reading the file, so the scan
// makes as few as it can: it lists the folder, reads article.json, and takes everything else
// (whether it is trashed, the stats its cache entry keeps) from the listing and synchronous stats.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fsRequestsDuring } from '../../../tests/support/fs-requests-during';
import { LibraryStore } from './library-store';

const ARTICLES = 30;
let root: string;
let store: LibraryStore | undefined;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'dateline-scan-reads-'));
});
afterEach(async () => {
  await store?.close();
  store = undefined;
  await rm(root, { recursive: true, force: true });
});

describe('LibraryStore cold scan', () => {
  it('sends at most five file-system requests to the thread pool per article folder it reads', async () => {
    const filling = new LibraryStore(root);
    await filling.open();
    for (let i = 0; i < ARTICLES; i++) {
      const created = await filling.create();
      await filling.save({ ...created, headline: `Story ${i}` });
    }
    const trashed = filling.list()[0]!.id;
    await filling.trash(trashed);
    await filling.close();
    // Cold: no summaries cache, so every folder is read.
    await rm(join(root, 'library-index.json'), { force: true });

    store = new LibraryStore(root);
    const requests = await fsRequestsDuring(async () => {
      await store!.start();
      await store!.scanned();
    });
    expect(store.list()).toHaveLength(ARTICLES);
    expect(store.list().find((s) => s.id === trashed)?.trashedAt).toEqual(expect.any(String));
    expect(requests / ARTICLES).toBeLessThanOrEqual(5);
  });
});
