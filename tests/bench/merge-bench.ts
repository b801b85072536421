// Runs in: Node (`npx tsx tests/bench/merge-bench.ts [words,...]`, default 20000,100000). How long
// "Get the latest" spends merging a returned story (merge-article.ts), in process, beside two
// same-run baselines: the content hash the open already takes of the article (canonical JSON and
// sha256), and the bare Myers diff of the blocks. The desk edited five paragraphs; the writer edited
// five others, added three and rewrote one the desk also edited. Also the worst case the diff's
// budget is for: every other block a blank paragraph, edits at both ends and in the middle.
// Two interleaved rounds; each cell is the median of 7 runs.
import { loadavg } from 'node:os';
import type { Article, DocNode } from '../../common/article';
import { diffSequences } from '../../common/workflow/diff-sequences';
import { contentHash } from '../../electron/services/review/canonical-json';
import { mergeArticle } from '../../electron/services/review/merge-article';
import { makeArticle } from '../fixtures/sample-article';
import { bodyDoc } from './body-doc';
import { formatMs as ms } from './format-ms';
import { withLoadNote } from './load-note';
import { printTable, type Cell } from './print-table';
import { paragraphsFor } from './typing-bench';

const RUNS = 7;
const SUGGESTION = { id: 'bench', authorId: 'bench', authorName: 'Bench', at: '2026-12-08T00:00:00.000Z' };

interface Case {
  label: string;
  base: Article;
  local: Article;
  hub: Article;
}

function edited(body: DocNode, edits: Record<number, string>, appended: string[] = []): DocNode {
  const content = (body.content ?? []).map((block, i) => (edits[i] !== undefined ? { type: 'paragraph', content: [{ type: 'text', text: edits[i] }] } : block));
  return { ...body, content: [...content, ...appended.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] }))] };
}

function storyCase(words: number): Case {
  const body = bodyDoc(paragraphsFor({ label: 'merge', language: 'en', size: words }));
  const n = body.content!.length;
  const at = (f: number) => Math.floor(n * f);
  const base = makeArticle({ body });
  const desk = Object.fromEntries([0.1, 0.3, 0.5, 0.7, 0.9].map((f) => [at(f), `Desk edit at ${f}.`]));
  const mine = Object.fromEntries([0.2, 0.4, 0.6, 0.8, 0.95, 0.5].map((f) => [at(f), `Writer edit at ${f}.`]));
  return {
    label: `${words.toLocaleString('en')} words, ${n.toLocaleString('en')} blocks`,
    base,
    local: { ...base, body: edited(body, mine, ['Added one.', 'Added two.', 'Added three.']) },
    hub: { ...base, headline: 'Desk headline', body: edited(body, desk) },
  };
}

function blankCase(blocks: number): Case {
  const body: DocNode = { type: 'doc', content: Array.from({ length: blocks }, (_, i) => (i % 2 === 0 ? { type: 'paragraph' } : { type: 'paragraph', content: [{ type: 'text', text: `P${i}.` }] })) };
  const base = makeArticle({ body });
  return {
    label: `${blocks.toLocaleString('en')} blocks, every other one blank`,
    base,
    local: { ...base, body: edited(body, { 1: 'Lead, rewritten.' }, ['Last, added.']) },
    hub: { ...base, body: edited(body, { [blocks / 2 + 1]: 'Middle, by the desk.' }) },
  };
}

function median(run: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
}

function blockIds(...docs: DocNode[]): Int32Array[] {
  const ids = new Map<string, number>();
  return docs.map((doc) =>
    Int32Array.from(doc.content ?? [], (block) => {
      const key = JSON.stringify(block);
      let id = ids.get(key);
      if (id === undefined) ids.set(key, (id = ids.size));
      return id;
    }),
  );
}

const sizes = (process.argv[2] ?? '20000,100000').split(',').map(Number);
if (sizes.some((n) => !Number.isInteger(n) || n < 100 || n > 200_000)) throw new Error('usage: merge-bench.ts [words,...] (each 100..200000)');
const cases = [...sizes.map(storyCase), blankCase(20_000)];
const start = loadavg();
const rows: Cell[][] = [];
for (const c of cases) {
  const round = () => {
    const merge = median(() => mergeArticle(c.base, c.local, c.hub, SUGGESTION));
    const hash = median(() => contentHash(c.local));
    const [o, a, b] = blockIds(c.base.body, c.local.body, c.hub.body);
    const diff = median(() => {
      diffSequences(o!, a!);
      diffSequences(o!, b!);
    });
    return { merge, hash, diff };
  };
  const one = round();
  const two = round();
  const result = mergeArticle(c.base, c.local, c.hub, SUGGESTION);
  rows.push([
    c.label,
    `${ms(one.merge)} / ${ms(two.merge)}`,
    `${ms(one.hash)} / ${ms(two.hash)}`,
    `${ms(one.diff)} / ${ms(two.diff)}`,
    `${result.summary.blocksBothChanged} / ${result.summary.blocksKeptFromHub}`,
  ]);
}
console.log(
  printTable(
    withLoadNote(
      {
        title: 'Merging a returned story (in process; round 1 / round 2, median of 7)',
        headers: ['Story', 'mergeArticle', 'baseline: content hash of the article', 'baseline: Myers diff of the blocks, both sides', 'passages suggested / kept from the hub'],
        rows,
      },
      start,
      loadavg(),
    ),
  ),
);
