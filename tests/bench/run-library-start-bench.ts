// Runs in: Node (`npm run build && npx tsx tests/bench/run-library-start-bench.ts [articles,...] [--baseline=<module>]`,
// default 0,10000). Where a library's start spends its time, in process: the list answered, the first
// screen of rows (50) and every row, warm (library-index.json present) and cold (no cache). With
// --baseline, another LibraryStore module (e.g. the previous version) is timed beside this one,
// interleaved in two rounds, in the same run.
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { performance as nodePerformance } from 'node:perf_hooks';
import { join, resolve } from 'node:path';
import type { ArticleSummary } from '../../common/article';
import { LibraryStore } from '../../electron/services/store/library-store';
import { formatMs as ms } from './format-ms';
import { generateArticles } from './generate-articles';
import { loadNote } from './load-note';
import { printTable, type Cell } from './print-table';

/** What either version of the store offers: open(), and this one's start() and scan reports. */
interface AnyStore {
  open(): Promise<unknown>;
  start?: () => Promise<unknown>;
  scanned?: () => Promise<unknown>;
  list(): ArticleSummary[];
  close(): Promise<void>;
}
type StoreClass = new (root: string, options?: { onScan?: () => void; folderReader?: { workerCode?: () => string } }) => AnyStore;

/** The read worker as the app runs it, built (`npm run build`); from source through tsx it would take half a second to start. */
const builtWorker = resolve('dist/services/library-read-worker.cjs');
if (!existsSync(builtWorker)) throw new Error('run-library-start-bench: run `npm run build` first (it times the built library read worker)');
const workerCode = readFileSync(builtWorker, 'utf8');

interface StartTimes {
  listAnswered: number;
  firstScreen: number;
  allRows: number;
  /** How long this thread (the services' event loop in the app) was busy from the start to the last row. */
  loopBusy: number;
}

const SCREEN = 50;
const args = process.argv.slice(2);
const baselineArg = args.find((a) => a.startsWith('--baseline='))?.slice('--baseline='.length);
const sizes = (args.find((a) => !a.startsWith('--')) ?? '0,10000').split(',').map(Number);
if (sizes.some((n) => !Number.isInteger(n) || n < 0 || n > 200_000)) throw new Error('usage: run-library-start-bench.ts [articles,...] (each 0..200000) [--baseline=<module>]');
const baseline = baselineArg ? ((await import(resolve(baselineArg))) as { LibraryStore: StoreClass }).LibraryStore : null;
const current = LibraryStore as unknown as StoreClass;

async function timeStart(Store: StoreClass, root: string, count: number): Promise<StartTimes> {
  let firstScreen = Number.NaN;
  let store: AnyStore | null = null;
  const t0 = performance.now();
  const elu0 = nodePerformance.eventLoopUtilization();
  const busy = (): number => nodePerformance.eventLoopUtilization(elu0).active;
  const screenShown = () => {
    if (Number.isNaN(firstScreen) && store && store.list().slice(0, SCREEN).length >= Math.min(SCREEN, count)) firstScreen = performance.now() - t0;
  };
  store = new Store(root, { onScan: screenShown, folderReader: { workerCode: () => workerCode } });
  if (store.start && store.scanned) {
    await store.start();
    store.list().slice(0, SCREEN);
    const listAnswered = performance.now() - t0;
    screenShown();
    await store.scanned();
    const allRows = performance.now() - t0;
    const loopBusy = busy();
    screenShown();
    await store.close();
    return { listAnswered, firstScreen, allRows, loopBusy };
  }
  await store.open();
  store.list().slice(0, SCREEN);
  const listAnswered = performance.now() - t0;
  const loopBusy = busy();
  await store.close();
  return { listAnswered, firstScreen: listAnswered, allRows: listAnswered, loopBusy };
}

const loadStart = loadavg();
const rows: Cell[][] = [];
for (const count of sizes) {
  const dataDir = await mkdtemp(join(tmpdir(), 'dateline-bench-start-'));
  try {
    const root = join(dataDir, 'library');
    console.error(`generating ${count.toLocaleString('en')} articles…`);
    const g0 = performance.now();
    await generateArticles(root, count, () => undefined, { keep: false });
    console.error(`  generated in ${ms(performance.now() - g0)}`);
    const versions: [string, StoreClass][] = baseline ? [['before', baseline], ['after', current]] : [['after', current]];
    const results = new Map<string, StartTimes[]>();
    for (let round = 0; round < 2; round++) {
      for (const kind of ['cold', 'warm'] as const) {
        for (const [name, Store] of versions) {
          if (kind === 'cold') await rm(join(root, 'library-index.json'), { force: true });
          else {
            // The cache as the last close left it: whole.
            const opened = new Store(root);
            await opened.open();
            await opened.close();
          }
          console.error(`  round ${round + 1}: ${kind} ${name}…`);
          const times = await timeStart(Store, root, count);
          const key = `${kind} ${name}`;
          results.set(key, [...(results.get(key) ?? []), times]);
        }
      }
    }
    for (const [key, runs] of results) {
      const cell = (pick: (t: StartTimes) => number) => runs.map((t) => ms(pick(t))).join(' / ');
      rows.push([count.toLocaleString('en'), key, cell((t) => t.listAnswered), cell((t) => t.firstScreen), cell((t) => t.allRows), cell((t) => t.loopBusy)]);
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}
console.log(
  printTable({
    title: 'Library start in process: LibraryStore alone (two interleaved rounds: round 1 / round 2)',
    headers: ['Articles', 'Start', 'List answered', `First ${SCREEN} rows listed`, 'Every row checked', 'This thread busy meanwhile'],
    rows,
    notes: [
      '_"before" opens the whole library before answering; "after" answers from library-index.json and scans in the background. Cold: no library-index.json. The OS file cache is warm in both (the library was just written). "This thread busy" is the event loop\'s active time from the start to the last row (in the app, the services\' loop, which every other call shares); work in a worker thread is not in it._',
      loadNote(loadStart, loadavg()),
    ],
  }),
);
