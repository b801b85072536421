// Runs in: the benchmark script (Node). The memory soak's heap censuses as one table: the kinds of
// objects that grew most from minute 1 to the end, in the app and in bare TipTap.
import { censusGrowth, type HeapCensus } from './heap-census';
import type { Cell, Table } from './print-table';

const TOP = 15;

export function censusGrowthTable(warm: { app: HeapCensus; bare: HeapCensus }, end: { app: HeapCensus; bare: HeapCensus }): Table {
  const rows: Cell[][] = [];
  for (const [side, before, after] of [['app', warm.app, end.app], ['bare TipTap', warm.bare, end.bare]] as const) {
    for (const grown of censusGrowth(before, after, TOP)) {
      rows.push([side, grown.kind.slice(0, 60), grown.count, (grown.bytes / 1024).toFixed(0)]);
    }
  }
  return {
    title: 'What grew in the JS heap from minute 1 to the end (heap snapshots)',
    headers: ['page', 'kind of object', 'count Δ', 'own kB Δ'],
    rows,
  };
}
