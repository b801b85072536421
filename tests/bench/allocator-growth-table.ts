// Runs in: the benchmark script (Node). The memory soak's allocator dumps as one table: which of
// Chromium's allocators grew in each page's renderer from minute 1 to the end.
import type { Cell, Table } from './print-table';
import type { RendererDump } from './renderer-allocators';

const TOP = 16;
const MB = 2 ** 20;

export interface AllocatorDumps {
  app: RendererDump;
  bare: RendererDump;
}

export function allocatorGrowthTable(warm: AllocatorDumps, end: AllocatorDumps): Table {
  const growth = (side: keyof AllocatorDumps, name: string) => ((end[side].sizes.get(name) ?? 0) - (warm[side].sizes.get(name) ?? 0)) / MB;
  const names = [...new Set([...end.app.sizes.keys(), ...end.bare.sizes.keys()])];
  const largest = (name: string) => Math.max(Math.abs(growth('app', name)), Math.abs(growth('bare', name)));
  const rows: Cell[][] = names
    .sort((a, b) => largest(b) - largest(a))
    .slice(0, TOP)
    .map((name) => [
      name,
      `${growth('app', name).toFixed(1)} / ${growth('bare', name).toFixed(1)}`,
      `${((end.app.sizes.get(name) ?? 0) / MB).toFixed(1)} / ${((end.bare.sizes.get(name) ?? 0) / MB).toFixed(1)}`,
    ]);
  return {
    title: 'Which allocators grew in each renderer from minute 1 to the end (Chromium memory-infra dumps)',
    headers: ['allocator', 'Δ MB (app / bare)', 'MB at the end (app / bare)'],
    rows,
    notes: ['blink_gc is the C++ heap of the DOM (Oilpan); blink_objects/blink_gc is what is live in it, the rest of blink_gc/main/heap is space it holds.'],
  };
}
