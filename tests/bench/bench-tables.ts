// Runs in: the benchmark script (Node). Turns the three sections' results into markdown tables,
// each figure beside its same-run baseline and the ratio, plus the aims (issues 2 and 13). Typing
// has its own tables in typing-tables.ts.
import type { LibraryResult, QueryTiming } from './library-bench';
import type { OpenResult } from './open-bench';
import type { Cell, Table } from './print-table';
import { formatMs as ms, formatRatio as ratio } from './format-ms';
import { searchStartRows } from './search-start-table';
import { searchUiRows } from './search-ui-rows';
import { listLoadRows } from './list-load-rows';
import { stats } from './stats';
import { LIBRARY_PAGE_SIZE } from '../../renderer/stores/library-store';

export interface Aim {
  aim: string;
  measured: string;
  baseline: string;
  ratio: string;
  target: string;
  met: boolean | null;
}

const OPEN_AIM_MS = 300;
const LIST_AIM_MS = 500;
const SEARCH_AIM_MS = 30;
const SEARCH_UI_AIM_MS = 100;

export function openTable(result: OpenResult): { table: Table; aims: Aim[] } {
  const rows: Cell[][] = [];
  const measures = [
    ['ready', 'click → body editable with every figure (last image in DOM)'],
    ['painted', 'click → next paint after that'],
    ['loaded', 'click → every photo decoded'],
  ] as const;
  for (const [key, label] of measures) {
    const p = result.photos[key];
    const b = result.baseline[key];
    const all = result.photos.samples.map((s) => s[key]).filter((v): v is number => typeof v === 'number');
    rows.push([label, ms(p.median), `${ms(Math.min(...all))} – ${ms(p.max)}`, ms(b.median), ratio(p.median, b.median)]);
  }
  const aim: Aim = {
    aim: `Opening: ${result.photos.label} until editable`,
    measured: ms(result.photos.ready.median),
    baseline: ms(result.baseline.ready.median),
    ratio: ratio(result.photos.ready.median, result.baseline.ready.median),
    target: `≤ ${OPEN_AIM_MS} ms`,
    met: result.photos.ready.median <= OPEN_AIM_MS,
  };
  return {
    table: {
      title: `Opening from the library (${result.photos.samples.length} runs each, median; baseline: ${result.baseline.label})`,
      headers: [`Measure (${result.photos.label})`, 'Median', 'Range', 'Baseline median', 'Ratio'],
      rows,
    },
    aims: [aim],
  };
}

export function libraryTable(result: LibraryResult): { table: Table; aims: Aim[] } {
  const n = result.articles.toLocaleString('en');
  const latin = result.queries.filter((q) => !q.chinese);
  const chinese = result.queries.filter((q) => q.chinese);
  const rows: Cell[][] = [
    [`Generate ${n} articles (the store's files, written directly)`, ms(result.generateMs), '—', ''],
    ['Host start, cold (re-reads every article)', ms(result.coldStartMs), '—', ''],
    ['First search after cold start (answers while the index catches up)', ms(result.coldSearchReadyMs), '—', ''],
    ['Host start, warm (library-index.json)', ms(result.warmStartMs), '—', ''],
    ...listLoadRows(n, result),
  ];
  const searchRows = (label: string, qs: QueryTiming[], key: 'apiMs' | 'pageMs' | 'indexMs') => {
    const s = stats(qs.map((q) => q[key]));
    const naive = stats(qs.map((q) => q.naiveMs));
    rows.push([`${label} p50`, ms(s.median), ms(naive.median), ratio(s.median, naive.median)]);
    rows.push([`${label} p95`, ms(s.p95), ms(naive.p95), ratio(s.p95, naive.p95)]);
    return s;
  };
  const apiLatin = searchRows(`Search via API, ${latin.length} Latin queries (every match in one answer)`, latin, 'apiMs');
  const apiChinese = searchRows(`Search via API, ${chinese.length} Chinese bigrams (every match in one answer)`, chinese, 'apiMs');
  searchRows(`Search via API, first page of ${LIBRARY_PAGE_SIZE} as the search box asks, Latin`, latin, 'pageMs');
  searchRows(`Search via API, first page of ${LIBRARY_PAGE_SIZE} as the search box asks, Chinese`, chinese, 'pageMs');
  searchRows(`Search in process (SearchIndex), Latin`, latin, 'indexMs');
  searchRows(`Search in process (SearchIndex), Chinese`, chinese, 'indexMs');
  const present = chinese.filter((q) => q.naiveHits > 0);
  const foundIndex = present.filter((q) => q.indexHits > 0).length;
  const foundApi = present.filter((q) => q.apiHits > 0).length;
  const absentQuiet = chinese.filter((q) => q.naiveHits === 0 && q.indexHits === 0).length;
  const hits = (qs: QueryTiming[], key: 'apiHits' | 'naiveHits') => stats(qs.map((q) => q[key])).median;
  rows.push(
    ['Chinese recall: bigrams present in the corpus that search finds (API / in process)', `${foundApi}/${present.length} / ${foundIndex}/${present.length} (${pct(foundApi, present.length)})`, '—', ''],
    ['Chinese bigrams absent from the corpus that return nothing', `${absentQuiet}/${chinese.length - present.length}`, '—', ''],
    ['Median hits per query, Latin / Chinese (search vs naive substring)', `${hits(latin, 'apiHits')} / ${hits(chinese, 'apiHits')}`, `${hits(latin, 'naiveHits')} / ${hits(chinese, 'naiveHits')}`, ''],
    ['queryLibrary (filter/order all summaries) per search, in process, p50 / p95', `${ms(result.queryLibrary.median)} / ${ms(result.queryLibrary.p95)}`, '—', ''],
    ['Build SearchIndex in process from all articles', ms(result.indexBuildMs), '—', ''],
    ['Load the search index in process (log + all shards)', ms(result.indexLoadMs), '—', ''],
    ...searchStartRows(result.searchStart),
    ...searchUiRows(result.searchUi),
  );
  const uiP95 = (rounds: typeof result.searchUi.library) =>
    Math.max(...rounds.map((r) => stats([...r.latin, ...r.chinese].map((k) => k.painted).filter((v): v is number => typeof v === 'number')).p95));
  const uiLibrary = uiP95(result.searchUi.library);
  const uiEmpty = uiP95(result.searchUi.empty);
  const aims: Aim[] = [
    {
      aim: `Library: ${n} articles, search box key → results painted, p95 (worse round)`,
      measured: ms(uiLibrary),
      baseline: ms(uiEmpty),
      ratio: ratio(uiLibrary, uiEmpty),
      target: `≤ ${SEARCH_UI_AIM_MS} ms`,
      met: Number.isFinite(uiLibrary) ? uiLibrary <= SEARCH_UI_AIM_MS : null,
    },
    {
      aim: `Library: ${n} articles, list shown (warm host)`,
      measured: ms(result.list.painted.median),
      baseline: ms(result.emptyList.painted.median),
      ratio: ratio(result.list.painted.median, result.emptyList.painted.median),
      target: `≤ ${LIST_AIM_MS} ms`,
      met: result.list.painted.median <= LIST_AIM_MS,
    },
    searchAim('Latin', apiLatin.p95, stats(latin.map((q) => q.naiveMs)).p95),
    searchAim('Chinese', apiChinese.p95, stats(chinese.map((q) => q.naiveMs)).p95),
    {
      aim: 'Library: two-character Chinese queries present in some article are found',
      measured: `${foundApi}/${present.length}`,
      baseline: '—',
      ratio: '',
      target: '100%',
      met: foundApi === present.length && foundIndex === present.length,
    },
  ];
  return {
    table: {
      title: `Library: ${n} generated articles (half English, half Chinese); baselines: empty library for the list and the search box, naive in-process includes() scan for search`,
      headers: ['Measure', 'Value', 'Baseline', 'Ratio'],
      rows,
    },
    aims,
  };
}

function searchAim(kind: string, p95: number, naiveP95: number): Aim {
  return {
    aim: `Library: search p95 via API, ${kind} queries`,
    measured: ms(p95),
    baseline: ms(naiveP95),
    ratio: ratio(p95, naiveP95),
    target: `≤ ${SEARCH_AIM_MS} ms`,
    met: p95 <= SEARCH_AIM_MS,
  };
}

export function aimsTable(aims: readonly Aim[]): Table {
  return {
    title: 'Summary: aims (issues 2 and 13)',
    headers: ['Aim', 'Measured', 'Baseline', 'Ratio', 'Target', 'Met'],
    rows: aims.map((a) => [a.aim, a.measured, a.baseline, a.ratio, a.target, a.met === null ? 'unknown' : a.met ? 'yes' : 'NO']),
  };
}

function pct(part: number, whole: number): string {
  return whole === 0 ? 'n/a' : `${((100 * part) / whole).toFixed(1)}%`;
}
