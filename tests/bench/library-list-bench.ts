// Runs in: the benchmark script (Node). The library's list alone at a size where the full library
// bench takes too long (100k articles): generate, start the host cold and warm, and time the list
// against an empty library; then, once the search index has caught up in the background, search
// requests through the host (search-api-timing.ts).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import { startHost } from '../e2e/support/start-host';
import { hostClient } from '../support/host-client';
import { waitUntil } from '../support/wait-until';
import { formatMs as ms } from './format-ms';
import { generateArticles } from './generate-articles';
import { emptyLibraryListSamples, measureListLoad, summarizeLoads, type LoadStats } from './library-bench';
import type { ListSample } from './list-probe';
import type { Cell, Table } from './print-table';
import { uiText } from './ui-text';
import { listLoadRows } from './list-load-rows';
import { timeSearchApi, type SearchApiTiming } from './search-api-timing';

const PAGE_LOADS = 3;
/** A cold start re-reads every article: at 100k articles on two busy cores that took over 5 minutes. */
const START_TIMEOUT_MS = 30 * 60_000;

export interface LibraryListResult {
  articles: number;
  generateMs: number;
  coldStartMs: number;
  /** From the cold start until the first list answered, and until every article was read. */
  coldListMs: number;
  coldReadMs: number;
  warmStartMs: number;
  /** Articles the search index still had to index when the warm list was measured. */
  indexingDuringList: number;
  listAfterStart: ListSample;
  list: LoadStats;
  emptyList: LoadStats;
  /** From the warm start until the search index had caught up with the library. */
  indexedMs: number;
  search: SearchApiTiming;
}

export async function runLibraryListBench(browser: Browser, count: number, log: (line: string) => void, progress: (text: string) => void): Promise<LibraryListResult> {
  const dataDir = await mkdtemp(join(tmpdir(), 'dateline-bench-list-'));
  try {
    const libraryRoot = join(dataDir, 'library');
    log(`library list: generating ${count.toLocaleString('en')} articles in ${dataDir}`);
    const t0 = performance.now();
    const every = Math.max(1, Math.floor(count / 50));
    await generateArticles(
      libraryRoot,
      count,
      (done) => {
        if (done % every === 0) progress('.');
      },
      { keep: false },
    );
    progress('\n');
    const generateMs = performance.now() - t0;
    await rm(join(libraryRoot, 'library-index.json'), { force: true });
    log('library list: cold host start…');
    let start = performance.now();
    const cold = await startHost({ dataDir, startTimeoutMs: START_TIMEOUT_MS });
    const coldStartMs = performance.now() - start;
    const coldClient = hostClient(cold.url);
    await coldClient.call('library.list', { limit: 1 });
    const coldListMs = performance.now() - start;
    // The host answers from the start and reads the library in the background: wait until it has read it all.
    await waitUntil(async () => (await coldClient.call('library.list', { limit: 1 })).reading === undefined, 'the cold library to be read', START_TIMEOUT_MS, 200);
    const coldReadMs = performance.now() - start;
    await cold.stop();
    log('library list: warm host start…');
    start = performance.now();
    const warm = await startHost({ dataDir, startTimeoutMs: START_TIMEOUT_MS });
    const warmStartMs = performance.now() - start;
    const countText = uiText('library.count', { count: count.toLocaleString('en') });
    const samples: ListSample[] = [];
    let listAfterStart: ListSample;
    let indexingDuringList = 0;
    let indexedMs = 0;
    let search: SearchApiTiming | undefined;
    try {
      listAfterStart = await measureListLoad(browser, warm.url, countText, '[role="listitem"] .row-title');
      for (let i = 0; i < PAGE_LOADS; i++) samples.push(await measureListLoad(browser, warm.url, countText, '[role="listitem"] .row-title'));
      const client = hostClient(warm.url);
      indexingDuringList = (await client.call('library.list', { query: 'council', limit: 1 })).indexing;
      log('library list: waiting for the search index to catch up, then searching…');
      await waitUntil(async () => (await client.call('library.list', { query: 'council', limit: 1 })).indexing === 0, 'the search index to catch up', START_TIMEOUT_MS, 500);
      indexedMs = performance.now() - start;
      search = await timeSearchApi(client);
    } finally {
      await warm.kill();
    }
    log('library list: empty library (baseline)…');
    const emptySamples = await emptyLibraryListSamples(browser);
    if (!search) throw new Error('the search requests were not timed');
    return { articles: count, generateMs, coldStartMs, coldListMs, coldReadMs, warmStartMs, indexingDuringList, listAfterStart, list: summarizeLoads(samples), emptyList: summarizeLoads(emptySamples), indexedMs, search };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

export function libraryListTable(r: LibraryListResult): Table {
  const n = r.articles.toLocaleString('en');
  const rows: Cell[][] = [
    [`Generate ${n} articles (the store's files, written directly)`, ms(r.generateMs), '—', ''],
    ['Host start, cold (no library-index.json)', ms(r.coldStartMs), '—', ''],
    ['… cold: first library.list answered', ms(r.coldListMs), '—', ''],
    ['… cold: every article read (the list says no more "reading")', ms(r.coldReadMs), '—', ''],
    ['Host start, warm (library-index.json)', ms(r.warmStartMs), '—', ''],
    ...listLoadRows(n, r),
    ['Warm start until the search index caught up (it catches up in the background)', ms(r.indexedMs), '—', ''],
    ...searchApiRows(r.search),
  ];
  return {
    title: `Library list only: ${n} generated articles (baseline: an empty library)`,
    headers: ['Measure', 'Value', 'Baseline', 'Ratio'],
    rows,
    notes: [
      `_The list was timed while the search index caught up in the background (${r.indexingDuringList.toLocaleString('en')} articles left to index after it); search was timed after, ${r.search.queries} queries, ${r.search.hits.toLocaleString('en')} matches in all._`,
    ],
  };
}

function searchApiRows(s: SearchApiTiming): Cell[][] {
  const row = (label: string, now: SearchApiTiming['latinPage']): Cell[] => [label, `${ms(now.median)} / ${ms(now.p95)}`, `${ms(s.listPage.median)} / ${ms(s.listPage.p95)}`, ''];
  return [
    row('Search via API, first page as the search box asks, Latin, p50 / p95 (baseline: the list page, no words)', s.latinPage),
    row('Search via API, first page as the search box asks, Chinese, p50 / p95', s.chinesePage),
    row('Search via API, every match in one answer, Latin, p50 / p95', s.latinAll),
    row('Search via API, every match in one answer, Chinese, p50 / p95', s.chineseAll),
  ];
}
