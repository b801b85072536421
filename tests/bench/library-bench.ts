// Runs in: the benchmark script (Node). A generated 10,000-article library: how long until the
// list shows (cold and warm host), and how fast search answers, through the API and in process,
// against a naive substring scan over the same articles.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import { summarize, type Article } from '../../common/article';
import { listFilterSchema } from '../../common/contract';
import { librarySnapshot, queryLibrary } from '../../electron/services/library/query-library';
import { docText } from '../../common/doc-text';
import { SearchIndex } from '../../electron/services/search/search-index';
import { PersistentSearchIndex, SEARCH_LOG_FILE, SEARCH_SHARDS, searchShardFile } from '../../electron/services/search/persistent-search-index';
import { startHost } from '../e2e/support/start-host';
import { hostClient, type HostClient } from '../support/host-client';
import { benchContext } from './bench-browser';
import { BENCH_VOCABULARY as V } from './bench-vocabulary';
import { generateArticles } from './generate-articles';
import { listProbe, type ListSample } from './list-probe';
import { seededRandom } from './seeded-random';
import { stats, type Stats } from './stats';
import { uiText } from './ui-text';
import { waitInPage } from './wait-in-page';
import { runSearchStartBench, type SearchStartResult } from './search-start-bench';
import { measureSearchUi, type SearchQuery, type SearchUiSamples } from './search-ui-bench';
import { LIBRARY_PAGE_SIZE } from '../../renderer/stores/library-store';

export interface QueryTiming {
  query: string;
  chinese: boolean;
  /** Articles the naive scan finds (substring anywhere in the searchable text). */
  naiveHits: number;
  indexHits: number;
  apiHits: number;
  apiMs: number;
  /** The same search asking only the first page, as the search box does. */
  pageMs: number;
  indexMs: number;
  naiveMs: number;
}

export interface LibraryResult {
  articles: number;
  generateMs: number;
  coldStartMs: number;
  coldSearchReadyMs: number;
  warmStartMs: number;
  /** First page load right after the warm host printed its URL (search index still loading). */
  listAfterStart: ListSample;
  list: LoadStats;
  emptyList: LoadStats;
  /** In process: filtering and ordering all summaries for one query's hits (queryLibrary), per query. */
  queryLibrary: Stats;
  indexBuildMs: number;
  indexLoadMs: number;
  queries: QueryTiming[];
  /** First search after a cold and a warm start, in process, against the full rebuild. */
  searchStart: SearchStartResult;
  /** Search as you type in the library UI, per round: this library, then an empty one. */
  searchUi: SearchUiRounds;
}

export interface SearchUiRounds {
  library: SearchUiSamples[];
  empty: SearchUiSamples[];
}

const PAGE_LOADS = 3;
const ABSENT_CHARS = [...'鑫燚犇骉淼焱垚叒叕芔茻'];

export async function runLibraryBench(browser: Browser, count: number, log: (line: string) => void, progress: (text: string) => void): Promise<LibraryResult> {
  const dataDir = await mkdtemp(join(tmpdir(), 'dateline-bench-library-'));
  try {
    const libraryRoot = join(dataDir, 'library');
    log(`library: generating ${count.toLocaleString('en')} articles in ${dataDir}`);
    const t0 = performance.now();
    const every = Math.max(1, Math.floor(count / 50));
    const articles = await generateArticles(libraryRoot, count, (done) => {
      if (done % every === 0) progress('.');
    });
    progress('\n');
    const generateMs = performance.now() - t0;
    // Cold: no summaries cache, no search index cache.
    await rm(join(libraryRoot, 'library-index.json'), { force: true });
    for (let k = 0; k < SEARCH_SHARDS; k++) await rm(join(libraryRoot, searchShardFile(k)), { force: true });
    await rm(join(libraryRoot, SEARCH_LOG_FILE), { force: true });

    log('library: cold host start (builds library-index.json; the search index catches up in the background)…');
    let start = performance.now();
    const cold = await startHost({ dataDir });
    const coldStartMs = performance.now() - start;
    start = performance.now();
    const coldClient = hostClient(cold.url);
    await coldClient.call('library.list', { query: 'council' });
    const coldSearchReadyMs = performance.now() - start;
    // The index catches up in the background: let it finish (the services announce it) so the warm start has all of it.
    const coldEvents = await coldClient.events();
    if ((await coldClient.call('library.list', { query: 'council', limit: 1 })).indexing > 0) {
      await coldEvents.next((event) => event.name === 'library.changed' && event.payload.kind === 'indexed');
    }
    coldEvents.close();
    await cold.stop();
    if (!existsSync(join(libraryRoot, searchShardFile(0)))) throw new Error('the host did not write the search index on shutdown');

    log('library: warm host start…');
    start = performance.now();
    const warm = await startHost({ dataDir });
    const warmStartMs = performance.now() - start;
    const countText = uiText('library.count', { count: count.toLocaleString('en') });
    let listAfterStart: ListSample;
    const listSamples: ListSample[] = [];
    let queries: QueryTiming[];
    let searchUi: SearchUiRounds;
    try {
      listAfterStart = await measureListLoad(browser, warm.url, countText, '[role="listitem"] .row-title');
      const client = hostClient(warm.url);
      await client.call('library.list', { query: 'council' });
      for (let i = 0; i < PAGE_LOADS; i++) listSamples.push(await measureListLoad(browser, warm.url, countText, '[role="listitem"] .row-title'));
      log('library: searching…');
      queries = await timeQueries(client, articles, libraryRoot);
      log('library: search as you type in the library UI, against an empty library…');
      searchUi = await searchUiRounds(browser, warm.url, countText, pickUiQueries(articles));
    } finally {
      await warm.stop();
    }

    log('library: empty library (baseline)…');
    const emptySamples = await emptyLibraryListSamples(browser);

    const build = performance.now();
    const index = SearchIndex.empty();
    for (const article of articles) index.add(article);
    const indexBuildMs = performance.now() - build;
    const snapshot = librarySnapshot(articles.map((a) => summarize(a)));
    const filter = listFilterSchema.parse({ query: 'x' });
    const queryLibraryMs = pickQueries(articles).map(({ query }) => {
      const hits = index.search(query);
      const t = performance.now();
      queryLibrary(snapshot, filter, hits);
      return performance.now() - t;
    });
    const load = performance.now();
    const reopened = await PersistentSearchIndex.open(libraryRoot);
    await reopened.loaded();
    const indexLoadMs = performance.now() - load;
    const searchStart = await runSearchStartBench(dataDir, count, log);

    return {
      articles: count,
      generateMs,
      coldStartMs,
      coldSearchReadyMs,
      warmStartMs,
      listAfterStart,
      list: summarizeLoads(listSamples),
      emptyList: summarizeLoads(emptySamples),
      queryLibrary: stats(queryLibraryMs),
      indexBuildMs,
      indexLoadMs,
      queries,
      searchStart,
      searchUi,
    };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

export async function measureListLoad(browser: Browser, url: string, countText: string, rowSelector: string): Promise<ListSample> {
  const context = await benchContext(browser);
  try {
    const page = await context.newPage();
    await page.addInitScript(listProbe(countText, rowSelector));
    await page.goto(url);
    await waitInPage(page, 'window.__benchList.painted !== null', 60_000);
    return (await page.evaluate('({ ...window.__benchList })')) as ListSample;
  } finally {
    await context.close();
  }
}

/** The list of an empty library, loaded PAGE_LOADS times: the baseline of every list figure. */
export async function emptyLibraryListSamples(browser: Browser): Promise<ListSample[]> {
  const empty = await startHost();
  const samples: ListSample[] = [];
  try {
    for (let i = 0; i < PAGE_LOADS; i++) samples.push(await measureListLoad(browser, empty.url, uiText('library.count', { count: 0 }), '.library .empty'));
  } finally {
    await empty.stop();
  }
  return samples;
}

export interface LoadStats {
  ready: Stats;
  painted: Stats;
  /** Navigation start until the app sent library.list. */
  boot: Stats;
  /** library.list request: server work and transfer. */
  request: Stats;
  /** Response received until the list is in the DOM. */
  render: Stats;
}

export function summarizeLoads(samples: ListSample[]): LoadStats {
  const timed = samples.filter((s) => s.requestStart !== null && s.responseEnd !== null);
  return {
    ready: stats(samples.map((s) => s.ready)),
    painted: stats(samples.map((s) => s.painted)),
    boot: stats(timed.map((s) => s.requestStart as number)),
    request: stats(timed.map((s) => (s.responseEnd as number) - (s.requestStart as number))),
    render: stats(timed.map((s) => s.ready - (s.responseEnd as number))),
  };
}

/** 50 Latin queries (words and prefixes) and 50 two-character Chinese ones (present and absent). */
const UI_ROUNDS = 2;

/** Two interleaved rounds: this library, then an empty one (the same app and keys, no articles to search). */
async function searchUiRounds(browser: Browser, url: string, countText: string, queries: readonly SearchQuery[]): Promise<SearchUiRounds> {
  const empty = await startHost();
  try {
    const out: SearchUiRounds = { library: [], empty: [] };
    for (let round = 0; round < UI_ROUNDS; round++) {
      out.library.push(await measureSearchUi(browser, url, countText, queries));
      out.empty.push(await measureSearchUi(browser, empty.url, uiText('library.count', { count: 0 }), queries));
    }
    return out;
  } finally {
    await empty.stop();
  }
}

/** A few of the bench queries to type in the search box: four Latin words and three Chinese bigrams found in the library. */
export function pickUiQueries(articles: readonly Article[]): SearchQuery[] {
  const all = pickQueries(articles);
  return [...all.filter((q) => !q.chinese).slice(0, 4), ...all.filter((q) => q.chinese).slice(0, 3)];
}

export function pickQueries(articles: readonly Article[]): { query: string; chinese: boolean }[] {
  const r = seededRandom(4242);
  const words = V.englishWords.filter((w) => w.length >= 3);
  const latin = new Set<string>();
  while (latin.size < 40) latin.add(r.pick(words));
  const long = words.filter((w) => w.length >= 6);
  while (latin.size < 50) {
    const word = r.pick(long);
    latin.add(word.slice(0, r.int(3, 5)));
  }
  const chinese = new Set<string>();
  const han = /^\p{Script=Han}{2}$/u;
  const zhArticles = articles.filter((a) => a.meta.language === 'zh-CN');
  while (chinese.size < 35 && zhArticles.length > 0) {
    const text = [...docText(r.pick(zhArticles).body)];
    const at = r.int(0, text.length - 2);
    const pair = `${text[at]}${text[at + 1]}`;
    if (han.test(pair)) chinese.add(pair);
  }
  while (chinese.size < 50) chinese.add(`${r.pick(ABSENT_CHARS)}${r.pick([...ABSENT_CHARS, ...'市场政府'])}`);
  return [...[...latin].map((query) => ({ query, chinese: false })), ...[...chinese].map((query) => ({ query, chinese: true }))];
}

async function timeQueries(client: HostClient, articles: readonly Article[], libraryRoot: string): Promise<QueryTiming[]> {
  const queries = pickQueries(articles);
  const texts = articles.map((a) =>
    [a.headline, a.subheadline, a.summary, docText(a.body), a.meta.tags.join('\n'), a.meta.bylines.map((b) => b.name).join('\n')].join('\n').toLowerCase(),
  );
  // The same index file the host loaded, so in-process and API search the same data.
  const index = await PersistentSearchIndex.open(libraryRoot);
  await index.loaded();
  if (index.size !== articles.length) throw new Error(`the search index holds ${index.size} articles, expected ${articles.length}`);
  for (const { query } of queries.slice(0, 10)) {
    await client.call('library.list', { query });
    index.search(query);
  }
  const out: QueryTiming[] = [];
  for (const { query, chinese } of queries) {
    let t = performance.now();
    const api = await client.call('library.list', { query });
    const apiMs = performance.now() - t;
    t = performance.now();
    await client.call('library.list', { query, limit: LIBRARY_PAGE_SIZE });
    const pageMs = performance.now() - t;
    t = performance.now();
    const hits = index.search(query);
    const indexMs = performance.now() - t;
    const needle = query.toLowerCase();
    t = performance.now();
    let naiveHits = 0;
    for (const text of texts) if (text.includes(needle)) naiveHits++;
    const naiveMs = performance.now() - t;
    out.push({ query, chinese, naiveHits, indexHits: hits.length, apiHits: api.items.length, apiMs, pageMs, indexMs, naiveMs });
  }
  return out;
}
