// Runs in: Node (`npm run bench:save [-- --words=20000,100000] [-- --saves=30]`). What an autosave
// costs the renderer's main thread before its request leaves, in Chromium: the whole body walked and
// stringified (the baseline, as before) against only the changed blocks encoded, for stories of each
// size, in two interleaved rounds. fetch() itself is left out: both hand it the same Blob.
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { launchBenchBrowser, benchContext } from './bench-browser';
import { formatMs } from './format-ms';
import { bundlePageScript } from './page-bundle';
import { withLoadNote } from './load-note';
import { printTable } from './print-table';
import type { SaveEncodeSample } from './save-encode-page';
import { stats } from './stats';
import { paragraphsFor } from './typing-bench';

const ROUNDS = 2;
const MAX_WORDS = 200_000;
const MAX_SAVES = 500;

function argument(name: string, fallback: string): string {
  const arg = process.argv.slice(2).find((a) => a.startsWith(`--${name}=`));
  return arg ? arg.slice(name.length + 3) : fallback;
}

async function main(): Promise<void> {
  const words = argument('words', '20000,100000').split(',').map(Number);
  const saves = Number(argument('saves', '30'));
  if (words.some((n) => !Number.isInteger(n) || n < 1 || n > MAX_WORDS) || !Number.isInteger(saves) || saves < 1 || saves > MAX_SAVES) {
    throw new Error(`--words takes whole numbers up to ${MAX_WORDS} separated by commas, --saves a whole number up to ${MAX_SAVES}`);
  }
  const script = await bundlePageScript(resolve(import.meta.dirname, 'save-encode-page.ts'));
  const browser = await launchBenchBrowser();
  const start = loadavg();
  const rows: string[][] = [];
  try {
    for (const size of words) {
      const paragraphs = paragraphsFor({ label: 'save', language: 'en', size });
      const cells: Record<'whole' | 'blocks', SaveEncodeSample[][]> = { whole: [], blocks: [] };
      for (let round = 0; round < ROUNDS; round++) {
        for (const way of ['whole', 'blocks'] as const) {
          const context = await benchContext(browser);
          const page = await context.newPage();
          await page.setContent('<!doctype html><html><body></body></html>');
          await page.addScriptTag({ content: script });
          cells[way].push(await page.evaluate(([p, w, n]) => window.__saveEncode.run(p, w, n), [paragraphs, way, saves] as const));
          await context.close();
        }
      }
      // The first save after opening apart (every block new), then the saves while typing.
      const first = (way: 'whole' | 'blocks') => cells[way].map((samples) => `${formatMs(samples[0]?.busy ?? Number.NaN)} (${formatMs(samples[0]?.longest ?? Number.NaN)})`).join(' / ');
      const later = (way: 'whole' | 'blocks') => cells[way].map((samples) => samples.slice(1));
      const show = (way: 'whole' | 'blocks', pick: (s: SaveEncodeSample) => number, p: 'median' | 'p95') => later(way).map((samples) => formatMs(stats(samples.map(pick))[p])).join(' / ');
      const ratio = later('blocks').map((samples, i) => (stats(samples.map((s) => s.busy)).median / stats((later('whole')[i] ?? []).map((s) => s.busy)).median).toFixed(2) + '×').join(' / ');
      const mb = ((cells.blocks[0]?.[0]?.bytes ?? 0) / 1e6).toFixed(2);
      rows.push([`${size.toLocaleString('en')} words (${mb} MB)`, first('whole'), first('blocks'), show('whole', (s) => s.busy, 'median'), show('blocks', (s) => s.busy, 'median'), ratio, show('whole', (s) => s.longest, 'p95'), show('blocks', (s) => s.longest, 'p95')]);
    }
  } finally {
    await browser.close();
  }
  const table = withLoadNote(
    {
      title: `An autosave's main-thread time before fetch(), after a letter typed in the middle (${saves} saves, the first after opening shown apart; each cell: round 1 / round 2)`,
      headers: ['Story', 'First save: whole body (longest stretch)', 'First save: changed blocks (longest stretch)', 'Later saves: whole body (baseline), median', 'Later saves: changed blocks, median', 'Ratio', 'Later: whole body, longest stretch p95', 'Later: changed blocks, longest stretch p95'],
      rows,
      notes: ['_Whole body: editor.getJSON(), JSON.stringify with the wire replacer, the text made a Blob slice by slice (the way before). Changed blocks: renderer/editor/body-json.ts, the bytes spliced into the request (common/wire-codec.ts) and made a Blob slice by slice. A stretch is the work between two yields to input: how long a key typed meanwhile could wait. The first save here finds no block encoded; the app encodes the opened body in idle time after painting it, so only a save in the first idle moments after opening pays that._'],
    },
    start,
    loadavg(),
  );
  console.log(printTable(table));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
