// Runs in: the benchmark script (Node; `npm run bench:review [-- --quick]`). The editor's tools on a
// 100,000-word article and a busy hub, each against a same-run baseline (issue 4):
//   - the diff of a 100k-word article with five edits vs serialising that article (JSON.stringify),
//     the cheapest whole-document pass there is;
//   - the review queue of a shared-folder hub holding N packages vs reading and parsing those N
//     package files with nothing else (the I/O floor);
//   - a submit (state machine + hub write + library write) vs a plain save of the same article.
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir, cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Article } from '../../common/article';
import { diffArticles } from '../../common/workflow/article-diff';
import { createServices } from '../../electron/services/create-services';
import { servicesCaller, type ServicesCall } from '../support/services-caller';
import { BenchText } from './bench-text';
import { bodyDoc } from './body-doc';
import { formatMs, formatRatio } from './format-ms';
import { printTable } from './print-table';
import { stats } from './stats';

const quick = process.argv.includes('--quick');
const RUNS = quick ? 3 : 7;
const HUB_SIZE = quick ? 100 : 400;

async function time(fn: () => unknown): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

async function samples(fn: () => unknown, runs = RUNS): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) out.push(await time(fn));
  return out;
}

function bigArticle(base: Article): Article {
  const text = new BenchText(42);
  const paragraphs = Array.from({ length: 5_000 }, () => text.englishParagraph(20));
  return { ...base, headline: 'Budget hearings, day three', body: bodyDoc(paragraphs) };
}

function edited(article: Article): Article {
  const content = [...(article.body.content ?? [])];
  for (const at of [10, 1_200, 2_500, 3_700, 4_900]) {
    const node = content[at];
    const first = node?.content?.[0];
    if (node && first?.text) content[at] = { ...node, content: [{ ...first, text: `${first.text} The minister later corrected the figure.` }] };
  }
  return { ...article, headline: 'Budget hearings, day three: figures corrected', body: { ...article.body, content } };
}

async function main(): Promise<void> {
  const root = await mkdtemp(join(tmpdir(), 'dateline-review-bench-'));
  const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
  const startLoad = loadavg();
  try {
    await mkdir(join(root, 'hub'));
    const open = async (name: string, role: 'reporter' | 'editor'): Promise<{ call: ServicesCall; close: () => Promise<void> }> => {
      const services = await createServices({ dataDir: join(root, name), transport: 'http', version: 'bench', systemLocale: 'en', documentsDir: join(root, `${name}-docs`) });
      const call = servicesCaller(services);
      await call('settings.update', { userName: name, role, reviewHub: { kind: 'folder', path: join(root, 'hub') } });
      return { call, close: () => services.close() };
    };
    const reporter = await open('reporter', 'reporter');
    const editor = await open('editor', 'editor');

    log('diff of a 100k-word article');
    const created = await reporter.call('articles.create', {});
    const before = bigArticle(created);
    const after = edited(before);
    const words = (JSON.stringify(before.body).match(/ /g) ?? []).length;
    const diffTimes = await samples(() => diffArticles(before, after));
    const serialiseTimes = await samples(() => JSON.stringify(after));
    const check = diffArticles(before, after);

    log(`review queue of ${HUB_SIZE} packages`);
    for (let i = 0; i < HUB_SIZE; i++) {
      const a = await reporter.call('articles.create', {});
      const text = new BenchText(i);
      await reporter.call('articles.save', { article: { ...a, headline: `Story ${i}`, body: bodyDoc([text.englishParagraph(600)]) } });
      await reporter.call('review.transition', { id: a.id, action: 'submit' });
    }
    const queueTimes = await samples(() => editor.call('review.queue', { scope: 'for-me' }));
    const hubArticles = join(root, 'hub', 'articles');
    const listTimes = await samples(async () => {
      const ids = await readdir(hubArticles);
      await Promise.all(ids.map(async (id) => JSON.parse(await readFile(join(hubArticles, id, 'package.json'), 'utf8')) as unknown));
    });
    const queue = await editor.call('review.queue', { scope: 'for-me' });

    log('submit vs save');
    const submitTimes: number[] = [];
    const saveTimes: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const a = await reporter.call('articles.create', {});
      const body = bodyDoc([new BenchText(1000 + i).englishParagraph(800)]);
      saveTimes.push(await time(() => reporter.call('articles.save', { article: { ...a, headline: `Save ${i}`, body } })));
      submitTimes.push(await time(() => reporter.call('review.transition', { id: a.id, action: 'submit' })));
    }

    await reporter.close();
    await editor.close();

    const row = (what: string, measured: number[], baselineLabel: string, baseline: number[]) => {
      const m = stats(measured);
      const b = stats(baseline);
      return [what, formatMs(m.median), formatMs(m.p95), baselineLabel, formatMs(b.median), formatRatio(m.median, b.median)];
    };
    console.log(
      printTable({
        title: `Review tools (${quick ? 'quick' : 'full'} run, ${RUNS} runs each; medians and p95)`,
        headers: ['Measured', 'Median', 'p95', 'Baseline (same run)', 'Baseline median', 'Ratio'],
        rows: [
          row(`Diff: ${Math.round(words / 1000)}k-word article, 5 paragraphs + headline edited`, diffTimes, 'JSON.stringify of the article', serialiseTimes),
          row(`Review queue: ${HUB_SIZE} packages in a folder hub`, queueTimes, `readFile + JSON.parse of the ${HUB_SIZE} package files`, listTimes),
          row('Submit (state machine + hub write + library write), 800 words', submitTimes, 'articles.save of the same article', saveTimes),
        ],
        notes: [
          `Diff found ${check.stats.changedBlocks} changed blocks, ${check.stats.insertedChars} characters inserted, ${check.fields.length} metadata change (headline); queue listed ${queue.entries.length} entries.`,
          `_${process.platform}, ${cpus().length} cores, Node ${process.version}; load average at start ${startLoad.map((l) => l.toFixed(1)).join(' / ')}, at end ${loadavg().map((l) => l.toFixed(1)).join(' / ')}._`,
        ],
      }),
    );
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
