// Runs in: Node. Search as you type in the library UI on its own, for comparing renderer builds in
// one run (interleaved rounds, the load noted):
//   npx tsx tests/bench/run-search-ui-bench.ts --articles=0,1000,10000 --renderer=before:<dir> --renderer=after:<dir>
// `<dir>` is a built renderer (`npx vite build --outDir <dir>`); without --renderer it runs dist/renderer.
// `--data=<dir>` keeps the generated libraries there for the next run; `--rounds=N` (default 2);
// `--raw` prints each key's time as it goes.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { libraryRootOf } from '../../electron/services/media/library-media-path';
import { startHost } from '../e2e/support/start-host';
import { hostClient } from '../support/host-client';
import { launchBenchBrowser } from './bench-browser';
import { pickUiQueries } from './library-bench';
import { generateArticles } from './generate-articles';
import { formatMs } from './format-ms';
import { loadNote } from './load-note';
import { printTable, type Cell } from './print-table';
import { measureSearchUi, type SearchQuery, type SearchUiSamples } from './search-ui-bench';
import { stats } from './stats';
import { uiText } from './ui-text';

const MAX_ARTICLES = 100_000;

function option(name: string): string[] {
  return process.argv.filter((a) => a.startsWith(`--${name}=`)).map((a) => a.slice(name.length + 3));
}

const sizes = (option('articles')[0] ?? '0,10000').split(',').map(Number);
if (sizes.some((n) => !Number.isInteger(n) || n < 0 || n > MAX_ARTICLES)) throw new Error(`--articles takes sizes from 0 to ${MAX_ARTICLES}`);
const renderers = option('renderer').map((spec) => {
  const at = spec.indexOf(':');
  if (at <= 0) throw new Error('--renderer=<name>:<dir>');
  return { name: spec.slice(0, at), dir: spec.slice(at + 1) };
});
if (renderers.length === 0) renderers.push({ name: 'dist', dir: '' });
const rounds = Math.min(5, Math.max(1, Number(option('rounds')[0] ?? 2)));
const keptData = option('data')[0];

/** Resolves once the host's search index holds every article (the services announce it). */
async function indexReady(url: string): Promise<void> {
  const client = hostClient(url);
  const events = await client.events();
  try {
    if ((await client.call('library.list', { query: 'council', limit: 1 })).indexing > 0) {
      await events.next((event) => event.name === 'library.changed' && event.payload.kind === 'indexed');
    }
  } finally {
    events.close();
  }
}

async function library(root: string, count: number) {
  const dataDir = join(root, `library-${count}`);
  if (count === 0) return { dataDir, articles: [] };
  const marker = join(dataDir, 'generated');
  await mkdir(dataDir, { recursive: true });
  console.error(`generating or reading ${count.toLocaleString('en')} articles…`);
  const articles = existsSync(marker) ? null : await generateArticles(libraryRootOf(dataDir), count, () => undefined);
  if (articles) await mkdir(marker);
  // The first start builds the search index: let it finish, so every measured start finds it whole.
  const host = await startHost({ dataDir, startTimeoutMs: 120_000 });
  try {
    await indexReady(host.url);
  } finally {
    await host.stop();
  }
  return { dataDir, articles };
}

const root = keptData ?? (await mkdtemp(join(tmpdir(), 'dateline-bench-search-ui-')));
const browser = await launchBenchBrowser();
try {
  const libraries = [];
  for (const count of sizes) libraries.push({ count, ...(await library(root, count)) });
  // The same queries at every size and in every run on kept libraries: picked from the first library generated.
  const queriesFile = join(root, 'queries.json');
  const source = libraries.find((l) => l.articles && l.articles.length > 0)?.articles;
  if (source && !existsSync(queriesFile)) await writeFile(queriesFile, JSON.stringify(pickUiQueries(source)));
  if (!existsSync(queriesFile)) throw new Error('no queries: the first run must generate a non-empty library (its articles choose the queries)');
  const queries = JSON.parse(await readFile(queriesFile, 'utf8')) as SearchQuery[];
  const start = loadavg();
  const results = new Map<string, SearchUiSamples[]>();
  for (let round = 0; round < rounds; round++) {
    for (const lib of libraries) {
      for (const renderer of renderers) {
        console.error(`round ${round + 1}: ${lib.count} articles, ${renderer.name}…`);
        const host = await startHost({ dataDir: lib.dataDir, startTimeoutMs: 120_000, ...(renderer.dir ? { env: { DATELINE_STATIC_DIR: renderer.dir } } : {}) });
        try {
          const countText = uiText(lib.count === 1 ? 'library.countOne' : 'library.count', { count: lib.count.toLocaleString('en') });
          // The host loads its search index as it starts: measure the UI once it has all of it.
          await indexReady(host.url);
          // ... and has answered each query once (its shards loaded, its code warm), as a running app's has.
          for (const { query } of queries) await hostClient(host.url).call('library.list', { query, limit: 1 });
          const key = `${lib.count}|${renderer.name}`;
          const samples = await measureSearchUi(browser, host.url, countText, queries);
          results.set(key, [...(results.get(key) ?? []), samples]);
          if (process.argv.includes('--raw')) console.error(`  painted per key (ms): ${[...samples.latin, ...samples.chinese].map((k) => (k.painted ?? Number.NaN).toFixed(0)).join(' ')}`);
        } finally {
          await host.stop();
        }
      }
    }
  }
  const rows: Cell[][] = [];
  for (const lib of libraries) {
    for (const renderer of renderers) {
      const runs = results.get(`${lib.count}|${renderer.name}`) ?? [];
      const cell = (kind: 'latin' | 'chinese', pick: 'median' | 'p95') => runs.map((r) => formatMs(stats(r[kind].map((s) => s.painted ?? Number.NaN))[pick])).join(' / ');
      const work = runs[0]?.work;
      const perKey = (n: number) => (work && work.keys > 0 ? (n / work.keys).toFixed(2) : 'n/a');
      const renders = work ? Object.entries(work.renders).map(([name, n]) => `${name} ${perKey(n)}`).join(', ') : '';
      rows.push([
        lib.count.toLocaleString('en'),
        renderer.name,
        cell('latin', 'median'),
        cell('latin', 'p95'),
        cell('chinese', 'median'),
        cell('chinese', 'p95'),
        work ? perKey(work.requests) : 'n/a',
        work && work.requests > 0 ? `${Math.round(work.responseBytes / work.requests).toLocaleString('en')} B` : 'n/a',
        renders,
      ]);
    }
  }
  console.log(
    printTable({
      title: 'Search box: key → results painted (each cell "round 1 / round 2")',
      headers: ['Articles', 'Renderer', 'Latin p50', 'Latin p95', 'Chinese p50', 'Chinese p95', 'library.list per key', 'bytes per answer', 'renders per key (round 1)'],
      rows,
      notes: [`Latin: ${queries.filter((q) => !q.chinese).map((q) => q.query).join(', ')}; Chinese: ${queries.filter((q) => q.chinese).map((q) => q.query).join(', ')}.`, loadNote(start, loadavg())],
    }),
  );
} finally {
  await browser.close();
  if (!keptData) await rm(root, { recursive: true, force: true });
}
