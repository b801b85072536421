// Runs in: Node (`npx tsx tests/bench/run-list-paint-bench.ts [articles,...] [--app=<name>:<project dir>]...
// [--runs=N]`, default 0,10000, this project, 3 runs). The library list painted after a warm start, as a
// reader sees it: each run starts the host afresh on a library that has its summaries cache and a
// caught-up search index (a cold start wrote both), loads the
// page once and times where the boot goes (host start, page and scripts received, scripts evaluated,
// library.list asked and answered, rows in the DOM, the next paint). Several builds (e.g. main's,
// built in another folder, and this one) are timed run by run, interleaved, in the same run.
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startHost } from '../e2e/support/start-host';
import { hostClient } from '../support/host-client';
import { waitUntil } from '../support/wait-until';
import { launchBenchBrowser } from './bench-browser';
import { formatMs as ms, formatRatio as ratio } from './format-ms';
import { generateArticles } from './generate-articles';
import { measureListLoad } from './library-bench';
import type { ListSample } from './list-probe';
import { loadNote } from './load-note';
import { printTable, type Cell } from './print-table';
import { uiText } from './ui-text';

interface App {
  name: string;
  root: string;
}

interface Run {
  hostMs: number;
  sample: ListSample;
}

/** A cold start re-reads every article: at 100k articles on two busy cores that takes minutes. */
const COLD_TIMEOUT_MS = 30 * 60_000;

const args = process.argv.slice(2);
const sizes = (args.find((a) => !a.startsWith('--')) ?? '0,10000').split(',').map(Number);
const runs = Number(args.find((a) => a.startsWith('--runs='))?.slice('--runs='.length) ?? 3);
const apps: App[] = args
  .filter((a) => a.startsWith('--app='))
  .map((a) => {
    const [name, dir] = a.slice('--app='.length).split(/:(.*)/s);
    if (!name || !dir) throw new Error(`--app needs <name>:<project dir>, not "${a}"`);
    return { name, root: resolve(dir) };
  });
if (apps.length === 0) apps.push({ name: 'this build', root: resolve(import.meta.dirname, '..', '..') });
if (sizes.some((n) => !Number.isInteger(n) || n < 0 || n > 200_000) || !Number.isInteger(runs) || runs < 1) {
  throw new Error('usage: run-list-paint-bench.ts [articles,...] (each 0..200000) [--app=<name>:<dir>]... [--runs=N]');
}

const log = (line: string) => process.stderr.write(`[list-paint] ${line}\n`);
const loadStart = loadavg();
const browser = await launchBenchBrowser();
const results = new Map<number, Map<string, Run[]>>();
try {
  for (const count of sizes) {
    const dataDir = await mkdtemp(join(tmpdir(), 'dateline-bench-paint-'));
    try {
      log(`${count.toLocaleString('en')} articles: generating…`);
      if (count > 0) await generateArticles(join(dataDir, 'library'), count, () => undefined, { keep: false });
      // A cold start reads every article and writes the summaries cache the warm starts answer from.
      const first = apps[0] as App;
      const cold = await startHost({ dataDir, root: first.root, startTimeoutMs: COLD_TIMEOUT_MS });
      const coldClient = hostClient(cold.url);
      await waitUntil(async () => (await coldClient.call('library.list', { limit: 1 })).reading === undefined, 'the cold library to be read', COLD_TIMEOUT_MS, 200);
      // And the search index caught up, as a library in daily use has it: a warm start then only loads it.
      await waitUntil(async () => (await coldClient.call('library.list', { query: 'council', limit: 1 })).indexing === 0, 'the search index to catch up', COLD_TIMEOUT_MS, 500);
      await cold.stop();
      const countText = uiText('library.count', { count: count.toLocaleString('en') });
      const rowSelector = count > 0 ? '[role="listitem"] .row-title' : '.library .empty';
      const byApp = new Map<string, Run[]>(apps.map((app) => [app.name, []]));
      for (let run = 0; run < runs; run++) {
        for (const app of apps) {
          log(`${count.toLocaleString('en')} articles: run ${run + 1}, ${app.name}…`);
          const t0 = performance.now();
          const host = await startHost({ dataDir, root: app.root, startTimeoutMs: COLD_TIMEOUT_MS });
          const hostMs = performance.now() - t0;
          try {
            byApp.get(app.name)?.push({ hostMs, sample: await measureListLoad(browser, host.url, countText, rowSelector) });
          } finally {
            await host.stop();
          }
        }
      }
      results.set(count, byApp);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }
} finally {
  await browser.close();
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};
const each = (list: Run[], pick: (r: Run) => number | null): string => list.map((r) => ms(pick(r) ?? Number.NaN)).join(' / ');
const loadEnd = loadavg();

const summary: Cell[][] = [];
const timeline: Cell[][] = [];
const vs = (value: number, base: number): string => (apps.length > 1 ? ratio(value, base) : '—');
for (const [count, byApp] of results) {
  const n = count.toLocaleString('en');
  const baseRuns = byApp.get((apps[0] as App).name) ?? [];
  const firstRows = (r: Run): number | null => (count > 0 ? r.sample.firstRowPainted : null);
  const medianOf = (list: Run[], pick: (r: Run) => number | null): number => median(list.map((r) => pick(r) ?? Number.NaN));
  for (const [name, list] of byApp) {
    const rows = medianOf(list, firstRows);
    const complete = medianOf(list, (r) => r.sample.painted);
    summary.push([
      n,
      name,
      count > 0 ? each(list, firstRows) : '—',
      count > 0 ? `${ms(rows)} (${vs(rows, medianOf(baseRuns, firstRows))})` : '—',
      each(list, (r) => r.sample.painted),
      `${ms(complete)} (${vs(complete, medianOf(baseRuns, (r) => r.sample.painted))})`,
      count > 0 ? ms(medianOf(list, (r) => r.hostMs + (firstRows(r) ?? Number.NaN))) : '—',
      ms(medianOf(list, (r) => r.hostMs + r.sample.painted)),
    ]);
    timeline.push([
      n,
      name,
      each(list, (r) => r.hostMs),
      each(list, (r) => r.sample.htmlEnd),
      each(list, (r) => r.sample.scriptsEnd),
      each(list, (r) => r.sample.evaluated),
      each(list, (r) => r.sample.firstListStart),
      each(list, (r) => r.sample.firstListEnd),
      count > 0 ? each(list, (r) => r.sample.firstRow) : '—',
      each(list, (r) => r.sample.ready),
      `${Math.round(median(list.map((r) => r.sample.scriptBytes)) / 1024)} KB`,
    ]);
  }
}
const note = loadNote(loadStart, loadEnd);
console.log(
  printTable({
    title: `Library list painted after a warm start, ${runs} interleaved runs (ms from page navigation unless said)`,
    headers: ['Articles', 'Build', 'First rows painted (run 1 / 2 / …)', `Median (vs ${(apps[0] as App).name})`, 'List complete, painted (count = all)', `Median (vs ${(apps[0] as App).name})`, 'Spawn → first rows, median', 'Spawn → list complete, median'],
    rows: summary,
    notes: [
      '_Each run starts the host afresh on the same library (summaries cache and search index present), then loads the page once in a fresh browser context. First rows: the first row in the DOM and the next frame, whatever the count says then (a big library lists its first screen while the rest of its summaries is read). List complete: the count says every article. Spawn →: the host process started until then (host start plus the page)._',
      note,
    ],
  }),
);
console.log('');
console.log(
  printTable({
    title: 'Where the boot goes (each run; ms from page navigation, except the host start)',
    headers: ['Articles', 'Build', 'Host start (spawn → URL)', 'Page received', 'Scripts received', 'Scripts evaluated (DOMContentLoaded)', 'First library.list asked', 'answered', 'First row in DOM', 'Count complete in DOM', 'Script before the count was complete'],
    rows: timeline,
    notes: ['_Host start: the process spawned until it printed its URL (services ready, host listening). Script: decoded bytes of the scripts loaded before the count was complete (the editor’s chunk loads in idle time after the first answer)._', note],
  }),
);
