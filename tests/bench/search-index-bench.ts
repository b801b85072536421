// Runs in: the benchmark script (Node), in process: `npx tsx tests/bench/search-index-bench.ts
// [articles] [--no-baseline]`. The search index's four shards at a library size, as catching up
// builds them, against the same run's baseline of the MiniSearch shards it replaced (built in bulk
// with loadJS, as catching up did, and article by article with add): building, the snapshot's
// size, a warm load, and query time by kind of query with the shards' results merged as the app
// merges them. Also checks both indexes find the same articles with the same scores.
// `--no-baseline` times only the index of our own (MiniSearch at 100k takes minutes and gigabytes).
import { loadavg } from 'node:os';
import MiniSearch from 'minisearch';
import { newArticle, type Article } from '../../common/article';
import { tokenize } from '../../common/search/search-tokenizer';
import { SEARCH_SHARDS, shardOf } from '../../electron/services/search/persistent-search-index';
import { rankShards, SearchIndex, searchDoc, type SearchDoc } from '../../electron/services/search/search-index';
import { SEARCH_FIELDS } from '../../electron/services/search/search-options';
import { MINISEARCH_OPTIONS, miniSearchScored } from '../support/minisearch-options';
import { BenchText } from './bench-text';
import { BENCH_VOCABULARY as V } from './bench-vocabulary';
import { formatMs } from './format-ms';
import { chineseArticle, englishArticle } from './generate-articles';
import { withLoadNote } from './load-note';
import { SearchBulkBuild } from './minisearch-bulk-build';
import { printTable, type Table } from './print-table';
import { seededRandom } from './seeded-random';
import { stats } from './stats';

const KINDS = ['Chinese 1 char', 'Chinese 2–4 chars', 'Latin word', 'prefix 1–2 letters', 'prefix 3+ letters', 'two words'] as const;
type Kind = (typeof KINDS)[number];
const STAMP = '2026-11-25T08:00:00.000Z';

type Scored = { id: string; score: number }[];

/** Four shards of one kind of index, answering as the app merges shards. */
interface Shards {
  name: string;
  search(query: string): Scored;
  /** Whether its answers are checked against the others' (false: scored differently on purpose). */
  compared: boolean;
}

function articles(count: number): Article[] {
  const text = new BenchText(10_000 + count);
  return Array.from({ length: count }, (_, i) => {
    const a = newArticle(`b${String(i).padStart(21, '0')}`, STAMP);
    const content = i % 2 === 1 ? chineseArticle(text) : englishArticle(text);
    return { ...a, ...content, meta: { ...a.meta, ...content.meta, language: i % 2 === 1 ? 'zh-CN' : 'en' } };
  });
}

/** As PersistentSearchIndex merges its shards' answers: best score first. */
function merged(parts: Scored[]): Scored {
  return parts.flat().sort((a, b) => b.score - a.score);
}

function rankedScored({ ids, scores }: { ids: string[]; scores: number[] }): Scored {
  return ids.map((id, i) => ({ id, score: scores[i]! }));
}

/** An answer as text to compare: ties put in id order, scores to 9 decimals. */
function answerText(found: Scored): string {
  return [...found]
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1))
    .map((r) => `${r.id}:${r.score.toFixed(9)}`)
    .join(',');
}

function byShard(docs: readonly SearchDoc[]): SearchDoc[][] {
  const shards = Array.from({ length: SEARCH_SHARDS }, (): SearchDoc[] => []);
  for (const d of docs) shards[shardOf(d.id)]!.push(d);
  return shards;
}

/** Now: each shard's articles added one by one, as catching up adds them. */
function segmentShards(shards: readonly SearchDoc[][]): SearchIndex[] {
  return shards.map((docs) => {
    const index = SearchIndex.empty();
    for (const d of docs) index.addDoc(d, STAMP);
    return index;
  });
}

/** Before: catching up built MiniSearch shards in bulk (loadJS), 5,000 articles per build. */
function miniSearchBulkShards(shards: readonly SearchDoc[][]): MiniSearch<SearchDoc>[] {
  return shards.map((docs) => {
    let mini = new MiniSearch<SearchDoc>(MINISEARCH_OPTIONS);
    let build = new SearchBulkBuild();
    const commit = () => {
      if (build.size > 0) mini = MiniSearch.loadJS<SearchDoc>(build.mergeInto(mini.toJSON()), MINISEARCH_OPTIONS);
      build = new SearchBulkBuild();
    };
    for (const d of docs) {
      build.add(d, STAMP);
      if (build.full) commit();
    }
    commit();
    return mini;
  });
}

/** Before that: MiniSearch add per article (what a save does, and catching up before bulk builds). */
function miniSearchAddShards(shards: readonly SearchDoc[][]): MiniSearch<SearchDoc>[] {
  return shards.map((docs) => {
    const mini = new MiniSearch<SearchDoc>(MINISEARCH_OPTIONS);
    mini.addAll(docs);
    return mini;
  });
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
    out.push({ query: r.pick(words).slice(0, r.int(3, 4)), kind: 'prefix 3+ letters' });
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

/** Two interleaved rounds over every query: each index's timings per kind, and the queries whose answers differ. */
function timeQueries(candidates: readonly Shards[], queries: readonly { query: string; kind: Kind }[]) {
  const times = new Map<string, number[]>();
  let differing = 0;
  let hits = 0;
  for (const c of candidates) for (const { query } of queries.slice(0, 10)) c.search(query);
  for (let round = 0; round < 2; round++) {
    for (const { query, kind } of queries) {
      const answers: string[] = [];
      for (const c of candidates) {
        const t = performance.now();
        const found = c.search(query);
        const ms = performance.now() - t;
        const key = `${c.name}\u0000${kind}`;
        times.set(key, [...(times.get(key) ?? []), ms]);
        if (round === 0 && c.compared) answers.push(answerText(found));
        if (round === 0 && c === candidates[0]) hits += found.length;
      }
      if (answers.some((a) => a !== answers[0])) differing++;
    }
  }
  return { times, differing, hits };
}

function time<T>(work: () => T): { value: T; ms: number } {
  const t = performance.now();
  const value = work();
  return { value, ms: performance.now() - t };
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
const ratio = (now: number, before: number) => (now / before).toFixed(2);

function run(count: number, baseline: boolean): void {
  const start = loadavg();
  const docs = articles(count).map(searchDoc);
  const shards = byShard(docs);
  for (const d of docs.slice(0, 20)) for (const f of SEARCH_FIELDS) tokenize(d[f]);
  // Interleaved: ours, MiniSearch in bulk, MiniSearch add, ours again.
  const ours1 = time(() => segmentShards(shards));
  const bulk = baseline ? time(() => miniSearchBulkShards(shards)) : null;
  const added = baseline ? time(() => miniSearchAddShards(shards)) : null;
  const ours2 = time(() => segmentShards(shards));
  const oursMs = Math.min(ours1.ms, ours2.ms);
  // Snapshots as the shards are written (our write folds the segments into one first).
  const writeOurs = time(() => ours2.value.map((s) => s.serialize()));
  const writeMini = bulk ? time(() => bulk.value.map((m) => JSON.stringify(m))) : null;
  const bytesOurs = writeOurs.value.reduce((n, b) => n + b.length, 0);
  const bytesMini = writeMini ? writeMini.value.reduce((n, t) => n + Buffer.byteLength(t), 0) : 0;
  // Warm loads, two interleaved rounds each.
  const loadOurs: number[] = [];
  const loadMini: number[] = [];
  let loaded: SearchIndex[] = [];
  for (let round = 0; round < 2; round++) {
    const o = time(() => writeOurs.value.map((bytes) => SearchIndex.load(bytes)!));
    loadOurs.push(o.ms);
    loaded = o.value;
    if (writeMini) loadMini.push(time(() => writeMini.value.map((text) => MiniSearch.loadJSON<SearchDoc>(text, MINISEARCH_OPTIONS))).ms);
  }
  const rows: string[][] = [
    [
      `Cold build of the ${SEARCH_SHARDS} shards (tokenizing included)`,
      formatMs(oursMs),
      bulk ? formatMs(bulk.ms) : '—',
      added ? formatMs(added.ms) : '—',
      bulk ? ratio(oursMs, bulk.ms) : '—',
    ],
    ['Write the snapshots (serialise; ours folds segments first)', formatMs(writeOurs.ms), writeMini ? formatMs(writeMini.ms) : '—', '', writeMini ? ratio(writeOurs.ms, writeMini.ms) : '—'],
    ['Snapshot size on disk', mb(bytesOurs), writeMini ? mb(bytesMini) : '—', '', writeMini ? ratio(bytesOurs, bytesMini) : '—'],
    [
      'Warm load of the snapshots (best of 2 rounds)',
      formatMs(Math.min(...loadOurs)),
      loadMini.length ? formatMs(Math.min(...loadMini)) : '—',
      '',
      loadMini.length ? ratio(Math.min(...loadOurs), Math.min(...loadMini)) : '—',
    ],
  ];
  const buildTable: Table = {
    title: `Search index at ${count.toLocaleString('en')} articles, ${SEARCH_SHARDS} shards, in process: segments of our own (now) against MiniSearch (before)`,
    headers: ['Step', 'Now (segments)', 'Before (MiniSearch, bulk loadJS)', 'MiniSearch add per article', 'Now / before'],
    rows,
    notes: [`Our two cold builds: ${formatMs(ours1.ms)} and ${formatMs(ours2.ms)}; the table gives the better.`],
  };
  console.log(printTable(withLoadNote(buildTable, start, loadavg())));
  console.log('');
  const queryStart = loadavg();
  const queries = queriesOf(docs);
  // As the app: every shard scored against the figures of all four (one corpus).
  const asOneCorpus = (q: string): Scored => merged(rankShards(loaded, q).map(rankedScored));
  // MiniSearch scored each shard by its own figures: checked against ours scored the same way.
  const candidates: Shards[] = [
    { name: 'now', search: asOneCorpus, compared: false },
    { name: 'per shard', search: (q) => merged(loaded.map((s) => s.searchScored(q))), compared: true },
  ];
  const before = bulk?.value;
  if (before) candidates.push({ name: 'before', search: (q) => merged(before.map((m) => miniSearchScored(m, q))), compared: true });
  const { times, differing, hits } = timeQueries(candidates, queries);
  const queryTable: Table = {
    title: `Search query time at ${count.toLocaleString('en')} articles, in process, ${SEARCH_SHARDS} shards merged (${queries.length} queries: 40 of each Latin kind, 20 of each Chinese kind; two interleaved rounds; every match in one answer)`,
    headers: ['Query kind', 'Now p50', 'Now p95', 'Now max', 'Ours per shard p50', 'Ours per shard p95', 'Before p50', 'Before p95'],
    rows: KINDS.map((kind) => {
      const now = stats(times.get(`now\u0000${kind}`) ?? []);
      const perShard = stats(times.get(`per shard\u0000${kind}`) ?? []);
      const old = stats(times.get(`before\u0000${kind}`) ?? []);
      return [kind, formatMs(now.median), formatMs(now.p95), formatMs(now.max), formatMs(perShard.median), formatMs(perShard.p95), before ? formatMs(old.median) : '—', before ? formatMs(old.p95) : '—'];
    }),
    notes: [
      `${hits.toLocaleString('en')} matches over the ${queries.length} queries.`,
      'Now scores every shard against the figures of all four, as the app does; "ours per shard" scores each by its own, as MiniSearch did and the app did before.',
      before ? `Queries whose answer (ids, order and scores to 9 decimals) differs between ours scored per shard and before: ${differing} of ${queries.length}.` : 'No baseline in this run.',
    ],
  };
  console.log(printTable(withLoadNote(queryTable, queryStart, loadavg())));
}

const args = process.argv.slice(2);
run(Number(args.find((a) => /^\d+$/.test(a)) ?? 10_000), !args.includes('--no-baseline'));
