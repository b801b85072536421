// Runs in: vitest (Node). At start the services leave the search index unloaded until the first list
// has been answered, so loading it does not compete with the window's first screen of rows; a
// search or a save asked before then opens it at once and is not the worse for it.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { servicesCaller } from '../../tests/support/services-caller';
import { waitUntil } from '../../tests/support/wait-until';
import { createServices, type Services } from './create-services';
import { openWorkerSearchIndex } from './search/worker-search-index';

let root: string;
let services: Services | null = null;
let opens: number;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'dateline-search-open-'));
  opens = 0;
});
afterEach(async () => {
  await services?.close();
  services = null;
  await rm(root, { recursive: true, force: true });
});

async function start() {
  services = await createServices({
    dataDir: root,
    transport: 'http',
    version: 'test',
    systemLocale: 'en',
    documentsDir: join(root, 'docs'),
    openSearchIndex: async (libraryRoot, logger) => {
      opens++;
      return openWorkerSearchIndex(libraryRoot, { logger });
    },
  });
  return servicesCaller(services);
}

describe('the search index at start', () => {
  it('loads only after the first list has been answered', async () => {
    const call = await start();
    expect(opens).toBe(0);
    const list = await call('library.list', {});
    expect(list.items).toEqual([]);
    expect(opens).toBe(0);
    await waitUntil(() => opens === 1, 'the search index to open after the first answer', 10_000, 5);
    await call('library.list', {});
    expect(opens).toBe(1);
  });

  it('opens at once for a search asked first, or a save, and finds what was saved', async () => {
    const call = await start();
    const created = await call('articles.create', {});
    await call('articles.save', { article: { ...created, headline: 'Council budget passes' }, explicit: false });
    expect(opens).toBe(1);
    await services?.close();

    const again = await start();
    expect(opens).toBe(1);
    const first = await again('library.list', { query: 'council' });
    expect(opens).toBe(2);
    expect(first.items.length + first.indexing).toBe(1);
    // As at any start, the index answers at once and says what it has still to catch up with.
    let found = first;
    await waitUntil(async () => (found = await again('library.list', { query: 'council' })).indexing === 0, 'the index to catch up', 10_000, 5);
    expect(found.items.map((item) => item.id)).toEqual([created.id]);
    expect(opens).toBe(2);
  });
});
