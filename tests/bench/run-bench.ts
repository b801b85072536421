// Runs in: Node (`npm run bench [-- --quick] [-- --only=typing,open,library,find]`). Measures typing,
// opening, the library and find-all against same-run baselines and prints markdown tables (issue 2).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { startHost } from '../e2e/support/start-host';
import { hostClient } from '../support/host-client';
import { chromiumExecutablePath } from '../support/chromium-executable';
import { launchBenchBrowser } from './bench-browser';
import { aimsTable, libraryTable, openTable, typingTable, type Aim } from './bench-tables';
import { runLibraryBench } from './library-bench';
import { runFindBench } from './find-bench';
import { runOpenBench } from './open-bench';
import { withLoadNote } from './load-note';
import { printTable } from './print-table';
import { runTypingBench, type TypingCase } from './typing-bench';

const ROOT = resolve(import.meta.dirname, '..', '..');
const SECTIONS = ['typing', 'open', 'library', 'find'] as const;
type Section = (typeof SECTIONS)[number];

function parseArgs(argv: string[]): { quick: boolean; only: Set<Section> } {
  const quick = argv.includes('--quick');
  const onlyArg = argv.find((a) => a.startsWith('--only='));
  const only = new Set<Section>(SECTIONS);
  if (onlyArg) {
    only.clear();
    for (const name of onlyArg.slice('--only='.length).split(',')) {
      if (!(SECTIONS as readonly string[]).includes(name)) throw new Error(`--only takes ${SECTIONS.join(', ')}; "${name}" is not one of them`);
      only.add(name as Section);
    }
  }
  const unknown = argv.filter((a) => a !== '--quick' && !a.startsWith('--only='));
  if (unknown.length > 0) throw new Error(`unknown argument(s): ${unknown.join(' ')} (use --quick and/or --only=typing,open,library,find)`);
  return { quick, only };
}

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
  const { quick, only } = parseArgs(process.argv.slice(2));
  const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
  // Find runs in Node on the editor's own search code: no build or browser needed.
  const findTable = only.has('find') ? runFindBench(quick, log) : null;
  if (findTable) console.log(`${printTable(findTable)}\n`);
  if (!only.has('typing') && !only.has('open') && !only.has('library')) return;
  checkBuild();
  const typingCases: TypingCase[] = quick
    ? [
        { label: '1k words', language: 'en', size: 1_000 },
        { label: '20k words', language: 'en', size: 20_000 },
      ]
    : [
        { label: '1k words', language: 'en', size: 1_000 },
        { label: '20k words', language: 'en', size: 20_000 },
        { label: '50k Chinese chars', language: 'zh-CN', size: 50_000 },
      ];
  // Last, after opening: with today's search tokenizer a 100k-word save keeps the host busy for minutes.
  const lateTypingCases: TypingCase[] = quick ? [] : [{ label: '100k words', language: 'en', size: 100_000 }];
  const libraryArticles = quick ? 2_000 : 10_000;
  const started = performance.now();
  const loadAtStart = loadavg().map((v) => v.toFixed(1)).join(' / ');
  const aims: Aim[] = [];
  const browser = await launchBenchBrowser();
  try {
    if (only.has('typing') || only.has('open')) {
      const host = await startHost();
      try {
        const client = hostClient(host.url);
        const benchHost = { url: host.url, pid: host.process.pid, client };
        const typingLoadStart = loadavg();
        const typingResults = only.has('typing') ? await runTypingBench(browser, benchHost, typingCases, log) : [];
        let openTables: ReturnType<typeof openTable> | null = null;
        let openTableWithLoad = null;
        if (only.has('open')) {
          const openLoadStart = loadavg();
          openTables = openTable(await runOpenBench(browser, benchHost, 20_000, log));
          openTableWithLoad = withLoadNote(openTables.table, openLoadStart, loadavg());
        }
        if (only.has('typing')) {
          typingResults.push(...(await runTypingBench(browser, benchHost, lateTypingCases, log)));
          const typing = typingTable(typingResults);
          aims.push(...typing.aims);
          console.log(`${printTable(withLoadNote(typing.table, typingLoadStart, loadavg()))}\n`);
        }
        if (openTables && openTableWithLoad) {
          aims.push(...openTables.aims);
          console.log(`${printTable(openTableWithLoad)}\n`);
        }
      } finally {
        // Killed, not stopped: after a 100k-word autosave a graceful stop waits minutes for re-indexing.
        await host.kill();
        await rm(host.dataDir, { recursive: true, force: true });
      }
    }
    if (only.has('library')) {
      const libraryLoadStart = loadavg();
      const library = libraryTable(await runLibraryBench(browser, libraryArticles, log, (text) => process.stderr.write(text)));
      aims.push(...library.aims);
      console.log(`${printTable(withLoadNote(library.table, libraryLoadStart, loadavg()))}\n`);
    }
  } finally {
    await browser.close();
  }
  console.log(printTable(aimsTable(aims)));
  const load = (values: number[]) => values.map((v) => v.toFixed(1)).join(' / ');
  console.log(
    `\n_${quick ? 'Quick run' : 'Full run'} in ${((performance.now() - started) / 1000).toFixed(0)} s on ${process.platform}, ${cpus().length} cores, Node ${process.version}, Chromium at ${chromiumExecutablePath() ?? 'none found'}; load average (1/5/15 min) at start ${loadAtStart}, at end ${load(loadavg())}._`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
