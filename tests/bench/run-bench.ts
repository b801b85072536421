// Runs in: Node (`npm run bench [-- --quick] [-- --only=typing,open,library,find] [-- --words=… --articles=… --keys=…]`).
// Measures typing, opening, the library and find-all against same-run baselines and prints markdown
// tables, each with the load average at its start and end (issues 2 and 13).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { startHost } from '../e2e/support/start-host';
import { hostClient } from '../support/host-client';
import { chromiumExecutablePath } from '../support/chromium-executable';
import { launchBenchBrowser } from './bench-browser';
import { aimsTable, libraryTable, openTable, type Aim } from './bench-tables';
import { parseBenchArgs } from './bench-options';
import { runLibraryBench } from './library-bench';
import { libraryListTable, runLibraryListBench } from './library-list-bench';
import { runFindBench } from './find-bench';
import { runOpenBench } from './open-bench';
import { runOpenCompare } from './open-compare';
import { withLoadNote } from './load-note';
import { printTable } from './print-table';
import { runTypingCase, type TypingCase, type TypingResult } from './typing-bench';
import { typingAims, typingLongFramesTable, typingOpenTable, typingSizeTable } from './typing-tables';

const ROOT = resolve(import.meta.dirname, '..', '..');
/**
 * From this many articles the library section times the list only: the full section (in-process
 * index builds, cold catch-up, search-start comparisons) takes well over an hour on two cores.
 */
const LIST_ONLY_FROM = 100_000;
/** Fresh-page opens per build, size and round in the opening comparison. */
const OPEN_SAMPLES = 3;

/** The bench runs the built app; a build without the render probe cannot count React renders. */
function checkBuild(): void {
  const missing = [join(ROOT, 'dist', 'host', 'serve.mjs'), join(ROOT, 'dist', 'renderer', 'index.html')].filter((p) => !existsSync(p));
  if (missing.length > 0) {
    console.error(`The built app is missing (${missing.join(', ')}). Run \`npm run build\` first, then \`npm run bench\`.`);
    process.exit(1);
  }
  const assets = join(ROOT, 'dist', 'renderer', 'assets');
  const probed = readdirSync(assets).some((name) => name.endsWith('.js') && readFileSync(join(assets, name), 'utf8').includes('__datelineRenderProbe'));
  if (!probed) console.error('Warning: dist/renderer has no render probe (an old build?); React renders will read n/a. Run `npm run build` to refresh it.');
}

async function main(): Promise<void> {
  const { quick, only, words, articles, keys } = parseBenchArgs(process.argv.slice(2));
  const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
  const started = performance.now();
  const loadAtStart = loadavg().map((v) => v.toFixed(1)).join(' / ');
  // Find runs in Node on the editor's own search code: no build or browser needed.
  if (only.has('find')) {
    const findLoadStart = loadavg();
    const findTable = runFindBench(quick, log);
    console.log(`${printTable(withLoadNote(findTable, findLoadStart, loadavg()))}\n`);
  }
  const aims: Aim[] = [];
  if (only.has('typing') || only.has('open') || only.has('library')) {
    checkBuild();
    const typingCases: TypingCase[] = words.map((size) => ({ label: `${size.toLocaleString('en')} words`, language: 'en', size }));
    // The biggest document last, after opening: its saves keep the host busiest.
    const early = typingCases.filter((c) => c.size < 100_000);
    const late = typingCases.filter((c) => c.size >= 100_000);
    const browser = await launchBenchBrowser();
    try {
      if (only.has('typing') || only.has('open')) {
        const host = await startHost();
        try {
          const client = hostClient(host.url);
          const benchHost = { url: host.url, pid: host.process.pid, client };
          const typingResults: TypingResult[] = [];
          const typingLoad = { start: loadavg(), end: loadavg() };
          const runTyping = async (cases: TypingCase[]) => {
            for (const typingCase of cases) {
              const loadStart = loadavg();
              const result = await runTypingCase(browser, benchHost, typingCase, keys, log);
              typingResults.push(result);
              console.log(`${printTable(withLoadNote(typingSizeTable(result), loadStart, loadavg()))}\n`);
              console.log(`${printTable(typingLongFramesTable(result))}\n`);
              typingLoad.end = loadavg();
            }
          };
          if (only.has('typing')) await runTyping(early);
          if (only.has('open')) {
            const openLoadStart = loadavg();
            const openTables = openTable(await runOpenBench(browser, benchHost, 20_000, log));
            aims.push(...openTables.aims);
            console.log(`${printTable(withLoadNote(openTables.table, openLoadStart, loadavg()))}\n`);
            const compareLoadStart = loadavg();
            const compared = await runOpenCompare(browser, [{ label: 'this build', url: host.url, client }], words, quick ? 1 : OPEN_SAMPLES, log);
            console.log(`${printTable(withLoadNote(compared, compareLoadStart, loadavg()))}\n`);
          }
          if (only.has('typing')) {
            await runTyping(late);
            console.log(`${printTable(withLoadNote(typingOpenTable(typingResults), typingLoad.start, typingLoad.end))}\n`);
            aims.push(...typingAims(typingResults));
          }
        } finally {
          // Killed, not stopped: after a 100k-word autosave a graceful stop can wait long for re-indexing.
          await host.kill();
          await rm(host.dataDir, { recursive: true, force: true });
        }
      }
      if (only.has('library')) {
        for (const count of articles) {
          const libraryLoadStart = loadavg();
          const progress = (text: string) => process.stderr.write(text);
          if (count >= LIST_ONLY_FROM) {
            const list = libraryListTable(await runLibraryListBench(browser, count, log, progress));
            console.log(`${printTable(withLoadNote(list, libraryLoadStart, loadavg()))}\n`);
            continue;
          }
          const library = libraryTable(await runLibraryBench(browser, count, log, progress));
          aims.push(...library.aims);
          console.log(`${printTable(withLoadNote(library.table, libraryLoadStart, loadavg()))}\n`);
        }
      }
    } finally {
      await browser.close();
    }
  }
  if (aims.length > 0) console.log(printTable(aimsTable(aims)));
  const load = (values: number[]) => values.map((v) => v.toFixed(1)).join(' / ');
  console.log(
    `\n_${quick ? 'Quick run' : 'Run'} (words ${words.join(', ')}; articles ${articles.join(', ')}; ${keys} keys per scenario) in ${((performance.now() - started) / 1000).toFixed(0)} s on ${process.platform}, ${cpus().length} cores, Node ${process.version}, Chromium at ${chromiumExecutablePath() ?? 'none found'}; load average (1/5/15 min) at start ${loadAtStart}, at end ${load(loadavg())}._`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
