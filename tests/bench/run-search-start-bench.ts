// Runs in: Node (`npx tsx tests/bench/run-search-start-bench.ts [articles]`, default 10,000).
// The search-after-start part of the library bench on its own: no browser needed.
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { libraryRootOf } from '../../electron/services/media/library-media-path';
import { generateArticles } from './generate-articles';
import { printTable } from './print-table';
import { runSearchStartBench } from './search-start-bench';
import { searchStartTable } from './search-start-table';

const count = Number(process.argv[2] ?? 10_000);
if (!Number.isInteger(count) || count < 1 || count > 200_000) throw new Error('usage: run-search-start-bench.ts [articles, 1..200000]');
const load = () => loadavg().map((l) => l.toFixed(2)).join(' / ');
const dataDir = await mkdtemp(join(tmpdir(), 'dateline-bench-search-start-'));
try {
  const loadAtStart = load();
  console.error(`generating ${count.toLocaleString('en')} articles…`);
  await generateArticles(libraryRootOf(dataDir), count, () => undefined);
  const result = await runSearchStartBench(dataDir, count, (line) => console.error(line));
  console.log(printTable(searchStartTable(result)));
  console.log(`\n_Load average (1/5/15 min) at start ${loadAtStart}, at end ${load()}._`);
} finally {
  await rm(dataDir, { recursive: true, force: true });
}
