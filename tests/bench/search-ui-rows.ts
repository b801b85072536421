// Runs in: the benchmark script (Node). The library table's rows for search as you type in the UI:
// key → results painted, this library against an empty one, each cell "round 1 / round 2".
import type { SearchUiRounds } from './library-bench';
import { formatMs, formatRatio } from './format-ms';
import type { Cell } from './print-table';
import type { SearchKeySample } from './search-probe';
import type { SearchUiSamples } from './search-ui-bench';
import { stats, SLOW_MS, type Stats } from './stats';

function painted(samples: readonly SearchKeySample[]): Stats {
  return stats(samples.map((s) => s.painted).filter((v): v is number => typeof v === 'number'));
}

export function searchUiRows(ui: SearchUiRounds): Cell[][] {
  const rows: Cell[][] = [];
  for (const kind of ['latin', 'chinese'] as const) {
    const label = kind === 'latin' ? 'Latin, per key pressed' : 'Chinese, per character committed';
    const lib = ui.library.map((r: SearchUiSamples) => painted(r[kind]));
    const empty = ui.empty.map((r: SearchUiSamples) => painted(r[kind]));
    const cells = (pick: (s: Stats) => string) => [lib.map(pick).join(' / '), empty.map(pick).join(' / ')];
    const ratios = (key: 'median' | 'p95') => lib.map((s, i) => formatRatio(s[key], empty[i]?.[key] ?? Number.NaN)).join(' / ');
    rows.push([`Search box, ${label}: key → results painted, p50 (n = ${lib[0]?.n ?? 0})`, ...cells((s) => formatMs(s.median)), ratios('median')]);
    rows.push([`Search box, ${label}: key → results painted, p95`, ...cells((s) => formatMs(s.p95)), ratios('p95')]);
    rows.push([`Search box, ${label}: max / keys over ${SLOW_MS} ms`, ...cells((s) => `${formatMs(s.max)}, ${s.slow}`), '']);
  }
  const perKey = (runs: readonly SearchUiSamples[], pick: (w: SearchUiSamples['work']) => string) => runs.map((r) => (r.work.keys > 0 ? pick(r.work) : 'n/a')).join(' / ');
  const requests = (w: SearchUiSamples['work']) => `${(w.requests / w.keys).toFixed(2)}, ${w.requests > 0 ? Math.round(w.responseBytes / w.requests).toLocaleString('en') : 0} B each`;
  const renders = (w: SearchUiSamples['work']) => Object.values(w.renders).reduce((sum, n) => sum + n, 0) / w.keys;
  rows.push(['Search box: library.list requests per key, bytes per answer', perKey(ui.library, requests), perKey(ui.empty, requests), '']);
  rows.push(['Search box: component renders per key (render probe)', perKey(ui.library, (w) => renders(w).toFixed(1)), perKey(ui.empty, (w) => renders(w).toFixed(1)), '']);
  return rows;
}
