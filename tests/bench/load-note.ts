// Runs in: the benchmark script (Node). The machine's load average around one table, printed under
// it, so a reader can tell a quiet run from a busy one (the machine is shared).
import type { Table } from './print-table';

export type LoadAverage = readonly number[];

/** "Load average (1 / 5 / 15 min): 0.4 / 0.6 / 0.7 at start, 2.1 / 0.9 / 0.8 at end." */
export function loadNote(start: LoadAverage, end: LoadAverage): string {
  const show = (values: LoadAverage) => values.map((v) => v.toFixed(1)).join(' / ');
  return `Load average (1 / 5 / 15 min): ${show(start)} at start, ${show(end)} at end.`;
}

/** The table with the load note added under it. */
export function withLoadNote(table: Table, start: LoadAverage, end: LoadAverage): Table {
  return { ...table, notes: [...(table.notes ?? []), loadNote(start, end)] };
}
