// Runs in: the benchmark script (Node). The memory soak's heap censuses as one table: the kinds of
// objects that grew most from minute 1 to the end, in the app and in bare TipTap.
import { censusGrowth, type HeapCensus } from './heap-census';
import type { Cell, Table } from './print-table';

const TOP = 15;
/** A kind is cut to this many characters: C++ template types run long. */
const KIND_CHARS = 90;

const JS_HEAP_TITLE = 'What grew in the JS heap from minute 1 to the end (heap snapshots)';

/** `title` names the heap the censuses counted: the JS heap's snapshots unless told otherwise. */
export function censusGrowthTable(warm: { app: HeapCensus; bare: HeapCensus }, end: { app: HeapCensus; bare: HeapCensus }, title = JS_HEAP_TITLE): Table {
  const rows: Cell[][] = [];
  for (const [side, before, after] of [['app', warm.app, end.app], ['bare TipTap', warm.bare, end.bare]] as const) {
    for (const grown of censusGrowth(before, after, TOP)) {
      rows.push([side, grown.kind.slice(0, KIND_CHARS), grown.count, (grown.bytes / 1024).toFixed(0)]);
    }
  }
  return {
    title,
    headers: ['page', 'kind of object', 'count Δ', 'own kB Δ'],
    rows,
  };
}
