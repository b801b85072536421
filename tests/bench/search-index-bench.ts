// Runs in: the benchmark script (Node), in process: `npx tsx tests/bench/search-index-bench.ts
// [articles] [bigArticles]`. Where the search index spends its time, against the same run's
// baseline of the tokenizer before (Intl.Segmenter for Latin words and Chinese words): a cold
// build (text extraction, tokenizing, MiniSearch), a warm load of the snapshot, and query time
// by kind of query; then query time alone at a larger size. Articles are generated in memory.
// `npx tsx tests/bench/search-index-bench.ts bulk [articles]`: only the cold build of the four
// shards, with MiniSearch add per article against the bulk build catching up uses (same run).
import { loadavg } from 'node:os';
import MiniSearch, { type Options, type Query } from 'minisearch';
import { newArticle, type Article } from '../../common/article';
import { searchQueryTerms } from '../../common/search/search-query-terms';
import { isCjkToken, tokenize } from '../../common/search/search-tokenizer';
import { SEARCH_SHARDS, shardOf } from '../../electron/services/search/persistent-search-index';
import { SearchBulkBuild } from '../../electron/services/search/search-bulk-build';
import { SearchIndex, searchDoc, type SearchDoc } from '../../electron/services/search/search-index';
import { BenchText } from './bench-text';
import { BENCH_VOCABULARY as V } from './bench-vocabulary';
import { formatMs } from './format-ms';
import { chineseArticle, englishArticle } from './generate-articles';
import { withLoadNote } from './load-note';
import { printTable, type Table } from './print-table';
import { seededRandom } from './seeded-random';
import { tokenize as segmenterTokenize } from './segmenter-tokenizer';
import { stats } from './stats';

const FIELDS = ['headline', 'subheadline', 'summary', 'body', 'tags', 'bylines'] as const;
const KINDS = ['Chinese 1 char', 'Chinese 2–4 chars', 'Latin word', 'prefix 1–2 letters', 'two words'] as const;
type Kind = (typeof KINDS)[number];

/** What any index under test answers. */
interface Candidate {
  name: string;
  search(query: string): string[];
}

function articles(count: number): Article[] {
  const text = new BenchText(10_000 + count);
  return Array.from({ length: count }, (_, i) => {
    const a = newArticle(`b${String(i).padStart(21, '0')}`, '2026-11-25T08:00:00.000Z');
    const content = i % 2 === 1 ? chineseArticle(text) : englishArticle(text);
    return { ...a, ...content, meta: { ...a.meta, ...content.meta, language: i % 2 === 1 ? 'zh-CN' : 'en' } };
  });
}

/** The index as it was before: the same options, the segmenter tokenizer. */
function baselineOptions(): Options<SearchDoc> {
  return {
    idField: 'id',
    fields: [...FIELDS],
    tokenize: (text) => segmenterTokenize(text),
    processTerm: (term) => term.toLowerCase(),
    searchOptions: { boost: { headline: 3, tags: 2, bylines: 2, subheadline: 1.5, summary: 1.5 } },
  };
}

function baselineSearch(mini: MiniSearch<SearchDoc>, query: string): string[] {
  // Before, the last Latin word was a prefix at any length (now only from MIN_PREFIX_LENGTH letters).
  const terms = searchQueryTerms(query);
  const lastLatin = terms.findLastIndex((t) => !isCjkToken(t.term));
  if (lastLatin >= 0) terms[lastLatin] = { term: terms[lastLatin]!.term, prefix: true };
  // Before, a lone CJK character was the prefix of every bigram it starts (now a term of its own).
  terms.forEach((t, i) => {
    if (isCjkToken(t.term) && [...t.term].length === 1) terms[i] = { term: t.term, prefix: true };
  });
  if (terms.length === 0) return [];
  const tree: Query = { combineWith: 'AND', queries: terms.map((t) => ({ queries: [t.term], prefix: t.prefix, fuzzy: false, tokenize: (s: string) => [s] })) };
  return mini.search(tree).map((r) => String(r.id));
}

function queriesOf(docs: readonly SearchDoc[]): { query: string; kind: Kind }[] {
  const r = seededRandom(7);
  const out: { query: string; kind: Kind }[] = [];
  const words = V.englishWords.filter((w) => w.length >= 4);
  const chineseDocs = docs.filter((_, i) => i % 2 === 1);
  const han = /^\p{Script=Han}+$/u;
  for (let i = 0; i < 40; i++) {
    out.push({ query: r.pick(words), kind: 'Latin word' });
    out.push({ query: r.pick(words).slice(0, r.int(1, 2)), kind: 'prefix 1–2 letters' });
    out.push({ query: `${r.pick(words)} ${r.pick(words)}`, kind: 'two words' });
    for (;;) {
      const chars = [...r.pick(chineseDocs).body];
      const length = i % 2 === 0 ? 1 : r.int(2, 4);
      const at = r.int(0, Math.max(0, chars.length - length));
      const piece = chars.slice(at, at + length).join('');
      if (!han.test(piece)) continue;
      out.push({ query: piece, kind: length === 1 ? 'Chinese 1 char' : 'Chinese 2–4 chars' });
      break;
    }
  }
  return out;
}

/** Two interleaved rounds over every query: each candidate's timings per kind, and whether they found the same articles. */
function timeQueries(candidates: readonly Candidate[], queries: readonly { query: string; kind: Kind }[]): { times: Map<string, number[]>; differing: number } {
  const times = new Map<string, number[]>();
  let differing = 0;
  for (const c of candidates) for (const { query } of queries.slice(0, 10)) c.search(query);
  for (let round = 0; round < 2; round++) {
    for (const { query, kind } of queries) {
      const found: string[][] = [];
      for (const c of candidates) {
        const t = performance.now();
        const hits = c.search(query);
        const ms = performance.now() - t;
        const key = `${c.name}\u0000${kind}`;
        times.set(key, [...(times.get(key) ?? []), ms]);
        found.push(hits);
      }
      if (round === 0 && found.some((hits) => new Set(hits).size !== new Set(found[0]).size)) differing++;
    }
  }
  return { times, differing };
}

function time<T>(work: () => T): { value: T; ms: number } {
  const t = performance.now();
  const value = work();
  return { value, ms: performance.now() - t };
}

function run(count: number, bigCount: number): void {
  const start = loadavg();
  const all = articles(count);
  const extracted = time(() => all.map(searchDoc));
  const docs = extracted.value;
  const tokens = (tk: (text: string) => string[]) => time(() => docs.reduce((n, d) => n + FIELDS.reduce((m, f) => m + tk(d[f]).length, 0), 0));
  // Warm both tokenizers (the segmenter loads its ICU data on first use) before timing either.
  for (const d of docs.slice(0, 20)) {
    for (const f of FIELDS) {
      segmenterTokenize(d[f]);
      tokenize(d[f]);
    }
  }
  const oldTokens = tokens(segmenterTokenize);
  const newTokens = tokens(tokenize);
  const oldBuild = time(() => {
    const mini = new MiniSearch<SearchDoc>(baselineOptions());
    for (const d of docs) mini.add(d);
    return mini;
  });
  const newBuild = time(() => {
    const index = SearchIndex.empty();
    for (const d of docs) index.addDoc(d, '2026-11-25T08:00:00.000Z');
    return index;
  });
  const oldText = JSON.stringify(oldBuild.value);
  const newText = newBuild.value.serialize();
  const oldLoad = time(() => MiniSearch.loadJSON<SearchDoc>(oldText, baselineOptions()));
  const newLoad = time(() => SearchIndex.load(newText));
  const buildTable: Table = {
    title: `Search index at ${count.toLocaleString('en')} articles, in process (before: Intl.Segmenter tokenizer, any-length prefix; now: regex words + bigrams + single CJK characters, prefix from 3 letters)`,
    headers: ['Step', 'Before', 'Now', 'Now / before'],
    rows: [
      ['Extract text (docText), shared', formatMs(extracted.ms), formatMs(extracted.ms), '1.00'],
      [`Tokenize every field (${oldTokens.value.toLocaleString('en')} → ${newTokens.value.toLocaleString('en')} tokens)`, formatMs(oldTokens.ms), formatMs(newTokens.ms), (newTokens.ms / oldTokens.ms).toFixed(2)],
      ['Cold build (tokenize + MiniSearch add)', formatMs(oldBuild.ms), formatMs(newBuild.ms), (newBuild.ms / oldBuild.ms).toFixed(2)],
      [`Warm load of the snapshot (${(oldText.length / 1e6).toFixed(1)} → ${(newText.length / 1e6).toFixed(1)} MB)`, formatMs(oldLoad.ms), formatMs(newLoad.ms), (newLoad.ms / oldLoad.ms).toFixed(2)],
    ],
  };
  const queries = queriesOf(docs);
  const { times, differing } = timeQueries(
    [
      { name: 'before', search: (q) => baselineSearch(oldBuild.value, q) },
      { name: 'now', search: (q) => newBuild.value.search(q) },
    ],
    queries,
  );
  const queryTable: Table = {
    title: `Search query time at ${count.toLocaleString('en')} articles, in process, one index (40 queries of each kind, two interleaved rounds)`,
    headers: ['Query kind', 'Before p50', 'Before p95', 'Now p50', 'Now p95'],
    rows: KINDS.map((kind) => {
      const before = stats(times.get(`before\u0000${kind}`) ?? []);
      const now = stats(times.get(`now\u0000${kind}`) ?? []);
      return [kind, formatMs(before.median), formatMs(before.p95), formatMs(now.median), formatMs(now.p95)];
    }),
    notes: [`Queries whose number of hits differs between before and now: ${differing} of ${queries.length} (1–2 letter prefixes now match whole words, so those differ by design).`],
  };
  console.log(printTable(withLoadNote(buildTable, start, loadavg())));
  console.log('');
  console.log(printTable(withLoadNote(queryTable, start, loadavg())));
  if (bigCount <= 0) return;
  const bigStart = loadavg();
  const bigDocs = articles(bigCount).map(searchDoc);
  const bigBuild = time(() => {
    const index = SearchIndex.empty();
    for (const d of bigDocs) index.addDoc(d, '2026-11-25T08:00:00.000Z');
    return index;
  });
  const big = timeQueries([{ name: 'now', search: (q) => bigBuild.value.search(q) }], queriesOf(bigDocs));
  const bigTable: Table = {
    title: `Search query time at ${bigCount.toLocaleString('en')} articles, in process, one index (now only; built in ${formatMs(bigBuild.ms)})`,
    headers: ['Query kind', 'p50', 'p95', 'max'],
    rows: KINDS.map((kind) => {
      const s = stats(big.times.get(`now\u0000${kind}`) ?? []);
      return [kind, formatMs(s.median), formatMs(s.p95), formatMs(s.max)];
    }),
  };
  console.log('');
  console.log(printTable(withLoadNote(bigTable, bigStart, loadavg())));
}

const STAMP = '2026-11-25T08:00:00.000Z';

/** The shards built with add, one article at a time (per-save updates; catching up before bulk builds). */
function shardsByAdd(docs: readonly SearchDoc[]): SearchIndex[] {
  const shards = Array.from({ length: SEARCH_SHARDS }, () => SearchIndex.empty());
  for (const d of docs) shards[shardOf(d.id)]!.addDoc(d, STAMP);
  return shards;
}

/** The shards built as catching up builds them now: in bulk, committed every BULK_BUILD_MAX_DOCS articles. */
function shardsByBulk(docs: readonly SearchDoc[]): SearchIndex[] {
  const shards = Array.from({ length: SEARCH_SHARDS }, () => SearchIndex.empty());
  const builds = Array.from({ length: SEARCH_SHARDS }, () => new SearchBulkBuild());
  docs.forEach((d) => {
    const k = shardOf(d.id);
    builds[k]!.add(d, STAMP);
    if (builds[k]!.full) {
      shards[k]!.addBulk(builds[k]!);
      builds[k] = new SearchBulkBuild();
    }
  });
  builds.forEach((build, k) => shards[k]!.addBulk(build));
  return shards;
}

function runBulk(count: number): void {
  const start = loadavg();
  const docs = articles(count).map(searchDoc);
  for (const d of docs.slice(0, 20)) for (const f of FIELDS) tokenize(d[f]);
  // Interleaved: bulk, add, bulk; the two bulk runs bracket the add run.
  const bulk1 = time(() => shardsByBulk(docs));
  const added = time(() => shardsByAdd(docs));
  const bulk2 = time(() => shardsByBulk(docs));
  const queries = queriesOf(docs);
  const answer = (shards: SearchIndex[], q: string) =>
    shards
      .flatMap((s) => s.searchScored(q))
      .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
      .map((r) => `${r.id}:${r.score}`)
      .join(',');
  const differing = queries.filter(({ query }) => answer(added.value, query) !== answer(bulk2.value, query)).length;
  const bulkMs = Math.min(bulk1.ms, bulk2.ms);
  const table: Table = {
    title: `Cold build of the ${SEARCH_SHARDS} search shards at ${count.toLocaleString('en')} articles, in process (tokenizing included, text extraction not)`,
    headers: ['Build', 'Time', 'Time / add'],
    rows: [
      ['MiniSearch add per article (before)', formatMs(added.ms), '1.00'],
      ['Bulk build + loadJS, 1st run', formatMs(bulk1.ms), (bulk1.ms / added.ms).toFixed(3)],
      ['Bulk build + loadJS, 2nd run', formatMs(bulk2.ms), (bulk2.ms / added.ms).toFixed(3)],
    ],
    notes: [
      `Queries whose hits or scores differ between the two builds: ${differing} of ${queries.length}.`,
      `Speed-up (best bulk run): ${(added.ms / bulkMs).toFixed(1)}×.`,
    ],
  };
  console.log(printTable(withLoadNote(table, start, loadavg())));
}

if (process.argv[2] === 'bulk') runBulk(Number(process.argv[3] ?? 10_000));
else run(Number(process.argv[2] ?? 10_000), Number(process.argv[3] ?? 0));
