// Runs in: the benchmark script (Node). How soon the first search answers after the services
// start, cold (no search index on disk) and warm, against the same run's full rebuild (what a cold
// start waited for before the index was persisted incrementally). In process, no browser.
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { ListResult } from '../../common/contract';
import { createServices, type Services } from '../../electron/services/create-services';
import { createEventBus } from '../../electron/services/events/event-bus';
import { libraryRootOf } from '../../electron/services/media/library-media-path';
import { PersistentSearchIndex, SEARCH_LOG_FILE, SEARCH_SHARDS, searchShardFile } from '../../electron/services/search/persistent-search-index';
import { SearchIndex } from '../../electron/services/search/search-index';
import { LibraryStore } from '../../electron/services/store/library-store';
import type { Article } from '../../common/article';
import { pickQueries } from './library-bench';
import { stats, type Stats } from './stats';

export interface SearchStartResult {
  articles: number;
  /** Baseline: read every article and index it (the old cold start's wait before any search). */
  fullRebuildMs: number;
  /** Baseline: a warm start's synchronous load of one snapshot holding every article (before the shards). */
  oldSnapshotLoadMs: number;
  cold: StartTiming;
  /** Cold start until the background catch-up had indexed every article. */
  coldCaughtUpMs: number;
  warm: StartTiming;
  /** Warm start until every shard was loaded and searched. */
  warmCompleteMs: number;
  /** In process: opening the log and loading every shard (no article read). */
  openMs: number;
  /** In process: the slowest shard's synchronous load. */
  longestShardMs: number;
  /** Articles read from the library by a warm start's catch-up. */
  warmReads: number;
  /** In process, the bench's 100 queries: the sharded index against one index of the same articles. */
  shardedSearch: Stats;
  singleSearch: Stats;
}

export interface StartTiming {
  /** createServices until it resolved. */
  servicesMs: number;
  /** createServices until the first search answered. */
  firstSearchMs: number;
  /** Articles the first search said were still being indexed. */
  indexingAtFirstSearch: number;
  hitsAtFirstSearch: number;
}

const QUERY = 'council';

/** `dataDir` holds a library already generated (tests/bench/generate-articles.ts). */
export async function runSearchStartBench(dataDir: string, count: number, log: (line: string) => void): Promise<SearchStartResult> {
  const libraryRoot = libraryRootOf(dataDir);
  const removeIndex = async () => {
    await rm(join(libraryRoot, 'search-index.json'), { force: true });
    for (let k = 0; k < SEARCH_SHARDS; k++) await rm(join(libraryRoot, searchShardFile(k)), { force: true });
    await rm(join(libraryRoot, SEARCH_LOG_FILE), { force: true });
  };

  log('search start: baseline, full rebuild in process…');
  const store = new LibraryStore(libraryRoot);
  await store.open();
  let t = performance.now();
  const rebuilt = SearchIndex.empty();
  const articles: Article[] = [];
  for (const { id } of store.list()) {
    const article = await store.get(id);
    articles.push(article);
    rebuilt.add(article);
  }
  rebuilt.search(QUERY);
  const fullRebuildMs = performance.now() - t;
  await store.close();

  log('search start: cold services start…');
  await removeIndex();
  t = performance.now();
  let { services, indexed } = await start(dataDir);
  const coldServicesMs = performance.now() - t;
  const coldFirst = await search(services);
  const coldFirstSearchMs = performance.now() - t;
  await untilIndexed(services, coldFirst, indexed);
  const coldCaughtUpMs = performance.now() - t;
  await services.close();

  log('search start: warm services start…');
  t = performance.now();
  ({ services, indexed } = await start(dataDir));
  const warmServicesMs = performance.now() - t;
  const warmFirst = await search(services);
  const warmFirstSearchMs = performance.now() - t;
  await untilIndexed(services, warmFirst, indexed);
  const warmCompleteMs = performance.now() - t;
  await services.close();

  log('search start: snapshot loads in process…');
  // The old single snapshot: every shard's articles in one index, loaded in one go.
  const single = join(libraryRoot, 'search-index.json');
  await rebuilt.saveFile(single);
  t = performance.now();
  SearchIndex.load(await readFile(single));
  const oldSnapshotLoadMs = performance.now() - t;
  await rm(single, { force: true });
  let longestShardMs = 0;
  for (let k = 0; k < SEARCH_SHARDS; k++) {
    const bytes = await readFile(join(libraryRoot, searchShardFile(k)));
    t = performance.now();
    SearchIndex.load(bytes);
    longestShardMs = Math.max(longestShardMs, performance.now() - t);
  }
  t = performance.now();
  const opened = await PersistentSearchIndex.open(libraryRoot);
  await opened.loaded();
  const openMs = performance.now() - t;
  const reader = new LibraryStore(libraryRoot);
  await reader.open();
  let warmReads = 0;
  await opened.catchUp(reader.list(), (id) => {
    warmReads++;
    return reader.get(id);
  });
  log('search start: sharded vs single-index search…');
  const queries = pickQueries(articles).map((q) => q.query);
  for (const query of queries.slice(0, 10)) {
    opened.search(query);
    rebuilt.search(query);
  }
  const shardedSearch = stats(queries.map((query) => timed(() => opened.search(query))));
  const singleSearch = stats(queries.map((query) => timed(() => rebuilt.search(query))));
  await opened.close();
  await reader.close();

  return {
    articles: count,
    fullRebuildMs,
    oldSnapshotLoadMs,
    cold: { servicesMs: coldServicesMs, firstSearchMs: coldFirstSearchMs, indexingAtFirstSearch: coldFirst.indexing, hitsAtFirstSearch: coldFirst.matched },
    coldCaughtUpMs,
    warmCompleteMs,
    warm: { servicesMs: warmServicesMs, firstSearchMs: warmFirstSearchMs, indexingAtFirstSearch: warmFirst.indexing, hitsAtFirstSearch: warmFirst.matched },
    openMs,
    longestShardMs,
    warmReads,
    shardedSearch,
    singleSearch,
  };
}

/** Starts the services, and a promise that resolves when they announce the index caught up. */
async function start(dataDir: string): Promise<{ services: Services; indexed: Promise<void> }> {
  const events = createEventBus();
  const indexed = new Promise<void>((resolve) => {
    const stop = events.subscribe((event) => {
      if (event.name === 'library.changed' && event.payload.kind === 'indexed') {
        stop();
        resolve();
      }
    });
  });
  const services = await createServices({ dataDir, transport: 'http', version: 'bench', systemLocale: 'en', documentsDir: join(dataDir, 'documents'), events });
  return { services, indexed };
}

/** Waits for the services' "indexed" event, then checks that the search agrees. */
async function untilIndexed(services: Services, first: ListResult, indexed: Promise<void>): Promise<void> {
  if (first.indexing === 0) return;
  await indexed;
  const after = await search(services);
  if (after.indexing > 0) throw new Error(`the services said the index caught up, but ${after.indexing} articles are still waiting`);
}

async function search(services: Services): Promise<ListResult> {
  const handler = services.handlers['library.list'];
  if (!handler) throw new Error('no library.list handler');
  return handler({ query: QUERY, status: null, section: null, tag: null, trashed: false, offset: 0, limit: 100 });
}

function timed(work: () => unknown): number {
  const t = performance.now();
  work();
  return performance.now() - t;
}
