// Runs in: Node (`npx tsx tests/bench/run-open-compare.ts <label>=<renderer-dir> [<label>=<renderer-dir>] [--words=1000,20000,100000] [--samples=3]
// [--after-editor-loaded] [--no-chunk=<label>,...]`). `--after-editor-loaded` clicks once the editor's chunk has loaded;
// `--no-chunk` names builds from before the editor was a chunk of its own.
// Opening a story in one or more renderer builds (e.g. main's and a branch's: `npx vite build
// --outDir <dir>` of each), each served by its own host, beside bare TipTap and plain; see open-compare.ts.
import { loadavg } from 'node:os';
import { rm } from 'node:fs/promises';
import { startHost, type RunningHost } from '../e2e/support/start-host';
import { hostClient } from '../support/host-client';
import { launchBenchBrowser } from './bench-browser';
import { withLoadNote } from './load-note';
import { runOpenCompare } from './open-compare';
import { printTable } from './print-table';

const MAX_WORDS = 200_000;
const MAX_SAMPLES = 20;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const words = (option('words') ?? '1000,20000,100000').split(',').map((w) => Math.min(MAX_WORDS, Number(w)));
  const samples = Math.min(MAX_SAMPLES, Number(option('samples') ?? 3));
  const specs = args.filter((a) => !a.startsWith('--')).map((a) => a.split('=') as [string, string]);
  if (specs.length === 0) throw new Error('give at least one <label>=<renderer-dir>');
  const log = (line: string) => process.stderr.write(`[open-compare] ${line}\n`);
  const hosts: { label: string; host: RunningHost }[] = [];
  const browser = await launchBenchBrowser();
  try {
    for (const [label, dir] of specs) hosts.push({ label, host: await startHost({ env: { DATELINE_STATIC_DIR: dir } }) });
    const loadStart = loadavg();
    const unchunked = new Set((option('no-chunk') ?? '').split(',').filter(Boolean));
    const builds = hosts.map(({ label, host }) => ({ label, url: host.url, client: hostClient(host.url), editorChunk: !unchunked.has(label) }));
    const table = await runOpenCompare(browser, builds, words, samples, log, args.includes('--after-editor-loaded'));
    console.log(printTable(withLoadNote(table, loadStart, loadavg())));
  } finally {
    await browser.close();
    for (const { host } of hosts) {
      await host.kill();
      await rm(host.dataDir, { recursive: true, force: true });
    }
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
