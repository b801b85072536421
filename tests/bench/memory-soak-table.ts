// Runs in: the benchmark script (Node). The memory soak's samples as one markdown table: a row per
// minute with the app and bare TipTap side by side in each cell, then what grew from minute 1 to the
// end (the first minute is the warm-up: caches, JIT, the first autosave and version).
import type { Cell, Table } from './print-table';

export interface PageSample {
  heapMb: number;
  nodes: number;
  listeners: number;
  rendererRssMb: number;
  rendererPrivateMb: number;
  gpuRssMb: number;
}

export interface SoakSample {
  minute: number;
  keys: number;
  app: PageSample;
  bare: PageSample;
  hostRssMb: number;
}

type Measure = keyof PageSample;

const COLUMNS: { header: string; measure: Measure; digits: number }[] = [
  { header: 'JS heap MB', measure: 'heapMb', digits: 1 },
  { header: 'DOM nodes', measure: 'nodes', digits: 0 },
  { header: 'listeners', measure: 'listeners', digits: 0 },
  { header: 'renderer RSS MB', measure: 'rendererRssMb', digits: 0 },
  { header: 'renderer private MB', measure: 'rendererPrivateMb', digits: 0 },
  { header: 'GPU process RSS MB', measure: 'gpuRssMb', digits: 0 },
];

const fixed = (value: number, digits: number) => (Number.isFinite(value) ? value.toFixed(digits) : '–');
const signed = (value: number, digits: number) => (Number.isFinite(value) ? `${value >= 0 ? '+' : ''}${value.toFixed(digits)}` : '–');

/** The sample the growth is counted from: the first at or after minute 1, else the first. */
export function warmSample(samples: readonly SoakSample[]): SoakSample | undefined {
  return samples.find((s) => s.minute >= 1) ?? samples[0];
}

/**
 * `relieved`: a last sample after Chromium was told memory is critically short (CDP
 * Memory.simulatePressureNotification), which makes the renderer hand back what it only holds on to.
 */
export function memorySoakTable(samples: readonly SoakSample[], words: number, relieved?: SoakSample): Table {
  const headers = ['minute', 'keys each', ...COLUMNS.map((c) => `${c.header} (app / bare)`), 'host RSS MB'];
  const rows: Cell[][] = samples.map((s) => [
    s.minute.toFixed(1),
    s.keys,
    ...COLUMNS.map((c) => `${fixed(s.app[c.measure], c.digits)} / ${fixed(s.bare[c.measure], c.digits)}`),
    fixed(s.hostRssMb, 0),
  ]);
  const from = warmSample(samples);
  const to = samples.at(-1);
  if (from && to && from !== to) {
    rows.push([
      `Δ ${from.minute.toFixed(1)} → ${to.minute.toFixed(1)}`,
      to.keys - from.keys,
      ...COLUMNS.map((c) => `${signed(to.app[c.measure] - from.app[c.measure], c.digits)} / ${signed(to.bare[c.measure] - from.bare[c.measure], c.digits)}`),
      signed(to.hostRssMb - from.hostRssMb, 0),
    ]);
  }
  if (relieved) {
    rows.push([
      'after memory pressure',
      relieved.keys,
      ...COLUMNS.map((c) => `${fixed(relieved.app[c.measure], c.digits)} / ${fixed(relieved.bare[c.measure], c.digits)}`),
      fixed(relieved.hostRssMb, 0),
    ]);
  }
  return {
    title: `Memory soak: typing in the middle of ${words} words, the app and bare TipTap in separate browsers`,
    headers,
    rows,
    notes: [
      'Each sample follows a forced garbage collection in both pages. Renderer RSS and private memory are the page\'s own renderer process (/proc VmRSS; private clean + dirty from smaps_rollup); the GPU process is each browser\'s own.',
    ],
  };
}
