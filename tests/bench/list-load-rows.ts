// Runs in: the benchmark script (Node). The rows every library table shows for the list: the first
// load after a warm start, the median load and where its time goes, each against an empty library.
import type { ListSample } from './list-probe';
import type { LoadStats } from './library-bench';
import { formatMs as ms, formatRatio as ratio } from './format-ms';
import type { Cell } from './print-table';

export interface ListLoads {
  listAfterStart: ListSample;
  list: LoadStats;
  emptyList: LoadStats;
}

/** `n` is the article count as the table writes it. */
export function listLoadRows(n: string, r: ListLoads): Cell[][] {
  const against = (label: string, now: number, base: number): Cell[] => [label, ms(now), ms(base), ratio(now, base)];
  return [
    against('List shown, first load right after warm start', r.listAfterStart.painted, r.emptyList.painted.median),
    against(`List loaded (count = ${n}, first row in DOM), median of ${r.list.ready.n}`, r.list.ready.median, r.emptyList.ready.median),
    against(`List shown (next paint), median of ${r.list.painted.n}`, r.list.painted.median, r.emptyList.painted.median),
    against('… of which app boot until it sends library.list', r.list.boot.median, r.emptyList.boot.median),
    against('… of which the library.list request (server + transfer)', r.list.request.median, r.emptyList.request.median),
    against('… of which response → list in the DOM', r.list.render.median, r.emptyList.render.median),
  ];
}
