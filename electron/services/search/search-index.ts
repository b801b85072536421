// Runs in: services. Full-text search over the library, in segments in the style of Lucene's: new
// and changed articles go into a live segment (Maps, cheap to add to), which is frozen into sorted
// typed arrays when it grows; replaced and removed articles are marked dead. Writing the index
// folds every segment into one, and a written index is read back with one header parse and views
// of its bytes. Scores are MiniSearch's BM25+ with the same boosts (bm25.ts).
import { readFile } from 'node:fs/promises';
import type { Article } from '../../../common/article';
import { docText } from '../../../common/doc-text';
import { searchQueryTerms } from '../../../common/search/search-query-terms';
import { TOKENIZER_VERSION } from '../../../common/search/search-tokenizer';
import { atomicWriteFile } from '../store/atomic-write';
import { bestFirst } from './engine/best-first';
import { bm25, prefixWeight } from './engine/bm25';
import type { FrozenSegment } from './engine/frozen-segment';
import { LiveSegment } from './engine/live-segment';
import { mergeSegments } from './engine/merge-segments';
import { FIELD_BITS, FIELD_MASK, type Segment } from './engine/segment';
import { decodeSegment, encodeSegment } from './engine/segment-file';
import type { SearchDoc } from './search-doc';
import { FIELD_BOOSTS, SEARCH_FIELDS } from './search-options';
import { newestFirstOrder } from './newest-first';

export type { SearchDoc } from './search-doc';

/** What the index reads of an article (an Article, or what the worker read of its file). */
export type IndexableArticle = Pick<Article, 'id' | 'headline' | 'subheadline' | 'summary' | 'body' | 'updatedAt'> & {
  meta: { tags: readonly string[]; bylines: readonly { name: string }[] };
  /** The size of the file it was read from, when read straight from one (what catching up budgets by). */
  readBytes?: number;
};

/** 2: segments of our own (1 was MiniSearch's JSON); the tokenizer's version is part of it. */
const FORMAT_VERSION = 2 * 1000 + TOKENIZER_VERSION;
const F = SEARCH_FIELDS.length;
const BOOSTS = SEARCH_FIELDS.map((field) => FIELD_BOOSTS[field]);

export interface SearchIndexOptions {
  /** The live segment is frozen once it holds this many postings (bounds its memory). @default 524288 */
  livePostingsLimit?: number;
}

interface Placed {
  segment: Segment;
  /** The index-wide number of the segment's document 0. */
  base: number;
}

/** What one index knows of a query before scoring it (`SearchIndex.prepare`). */
export interface PreparedQuery {
  /** Per query word, the terms scored for it and their weights: the word, and for a prefix the longer words this index holds. */
  words: { term: string; weight: number }[][];
  /** Distinct query words: a match's score is multiplied by it, as MiniSearch does. */
  quality: number;
  /** Per term scored, per field: the articles alive in this index that hold it. */
  matching: ReadonlyMap<string, readonly number[]>;
  /** Articles alive in this index. */
  total: number;
  /** Per field, their summed lengths. */
  totals: readonly number[];
}

/** The figures BM25 weighs a term by: how rare it is and how long a field is, in the corpus searched. */
export interface CorpusStats {
  total: number;
  /** Per field, the average length. */
  averages: readonly number[];
  /** Per term, per field: the articles holding it. */
  matching: ReadonlyMap<string, readonly number[]>;
}

/**
 * The figures of several indexes (shards) searched as one: each scored against them scores a match
 * as one index holding every article would, so equal matches in different shards score equal.
 */
export function corpusStats(prepared: readonly PreparedQuery[]): CorpusStats {
  const total = prepared.reduce((sum, p) => sum + p.total, 0);
  const averages = Array.from({ length: F }, (_, f) => prepared.reduce((sum, p) => sum + p.totals[f]!, 0) / total);
  const matching = new Map<string, number[]>();
  for (const p of prepared) {
    for (const [term, counts] of p.matching) {
      const sum = matching.get(term);
      if (sum) counts.forEach((n, f) => (sum[f]! += n));
      else matching.set(term, [...counts]);
    }
  }
  return { total, averages, matching };
}

/** Searches several indexes (shards) as one: each answer best first, scored against all their figures. */
export function rankShards(shards: readonly SearchIndex[], query: string): { ids: string[]; scores: number[] }[] {
  // A word no shard holds: nothing matches, and no other word's postings need counting.
  if (searchQueryTerms(query).some(({ term, prefix }) => !shards.some((shard) => shard.holds(term, prefix)))) return shards.map(() => ({ ids: [], scores: [] }));
  const prepared = shards.map((shard) => shard.prepare(query));
  const corpus = corpusStats(prepared);
  return shards.map((shard, k) => shard.rankPrepared(prepared[k]!, corpus));
}

export class SearchIndex {
  private placed: Placed[] = [];
  private live: LiveSegment = new LiveSegment();
  private liveBase = 0;
  /** The live segment where it stands (one object: asked once per result of a query). */
  private livePlace: Placed = { segment: this.live, base: 0 };
  /** Per index-wide document number: 1 once replaced or removed. */
  private dead = new Uint8Array(1024);
  private readonly byId = new Map<string, number>();
  private readonly stamps = new Map<string, string>();
  /** Per field, the summed lengths of the documents alive. */
  private readonly totals = new Float64Array(F);
  private readonly livePostingsLimit: number;

  private constructor(options: SearchIndexOptions, segment?: FrozenSegment) {
    this.livePostingsLimit = options.livePostingsLimit ?? 1 << 19;
    if (segment) this.adopt(segment);
  }

  static empty(options: SearchIndexOptions = {}): SearchIndex {
    return new SearchIndex(options);
  }

  /** Null when the bytes are not an index this version wrote (or are damaged); the caller rebuilds. */
  static load(bytes: Uint8Array, options: SearchIndexOptions = {}): SearchIndex | null {
    try {
      const segment = decodeSegment(bytes, FORMAT_VERSION);
      return segment ? new SearchIndex(options, segment) : null;
    } catch {
      // decodeSegment checks what it reads; this only keeps a case it missed from breaking search for good.
      return null;
    }
  }

  /** Reads a snapshot; a missing, corrupt or outdated file gives null. */
  static async loadFileOrNull(path: string): Promise<SearchIndex | null> {
    const bytes = await readFile(path).catch(() => null);
    return bytes ? SearchIndex.load(bytes) : null;
  }

  /** Reads a snapshot; a missing, corrupt or outdated file gives an empty index. */
  static async loadFile(path: string): Promise<SearchIndex> {
    return (await SearchIndex.loadFileOrNull(path)) ?? SearchIndex.empty();
  }

  /** Folds every segment into one (dropping the dead) and gives its bytes. */
  serialize(): Buffer {
    return encodeSegment(this.compact(), FORMAT_VERSION);
  }

  async saveFile(path: string): Promise<void> {
    await atomicWriteFile(path, this.serialize());
  }

  get size(): number {
    return this.byId.size;
  }

  /** Segments searched: one after loading or writing, more while many articles are added. */
  get segmentCount(): number {
    return this.placed.length + (this.live.size > 0 ? 1 : 0);
  }

  /** updatedAt of the version an article was indexed from, or undefined when it is not indexed. */
  stampOf(id: string): string | undefined {
    return this.stamps.get(id);
  }

  ids(): IterableIterator<string> {
    return this.stamps.keys();
  }

  /** Adds or replaces an article. */
  add(article: Article): void {
    this.addDoc(searchDoc(article), article.updatedAt);
  }

  /** Adds or replaces an article from its extracted text (replaying the update log). */
  addDoc(doc: SearchDoc, stamp: string): void {
    this.remove(doc.id);
    const { doc: local, lengths } = this.live.add(doc, stamp);
    const global = this.liveBase + local;
    if (global >= this.dead.length) {
      const grown = new Uint8Array(Math.max(this.dead.length * 2, global + 1));
      grown.set(this.dead);
      this.dead = grown;
    }
    this.byId.set(doc.id, global);
    this.stamps.set(doc.id, stamp);
    lengths.forEach((length, f) => (this.totals[f]! += length));
    if (this.live.postingCount >= this.livePostingsLimit) this.freezeLive();
  }

  replace(article: Article): void {
    this.add(article);
  }

  remove(id: string): void {
    const global = this.byId.get(id);
    if (global === undefined) return;
    const { segment, base } = this.placeOf(global);
    for (let f = 0; f < F; f++) this.totals[f]! -= segment.fieldLength(global - base, f);
    this.dead[global] = 1;
    this.byId.delete(id);
    this.stamps.delete(id);
  }

  /** Article ids, best match first. Every term must match; the last Latin word matches as a prefix. */
  search(query: string): string[] {
    return this.searchScored(query).map((r) => r.id);
  }

  /** As `search`, with each match's relevance score against this index's own figures. */
  searchScored(query: string): { id: string; score: number }[] {
    const { ids, scores } = this.ranked(query);
    return ids.map((id, i) => ({ id, score: scores[i]! }));
  }

  /** As `searchScored`, as two parallel arrays (no object per match: a common character matches thousands). */
  ranked(query: string): { ids: string[]; scores: number[] } {
    return rankShards([this], query)[0]!;
  }

  /** Whether a segment lists `term` (or, for a prefix, a longer word it starts): a cheap first look, the dead not excluded. */
  holds(term: string, prefix: boolean): boolean {
    return this.segments().some(({ segment }) => segment.postings(term) !== null || (prefix && segment.termsExtending(term).length > 0));
  }

  /** The terms this index scores for `query`, and how many of its articles hold each: what `corpusStats` adds up. */
  prepare(query: string): PreparedQuery {
    const words = searchQueryTerms(query).map(({ term, prefix }) => {
      const scored = [{ term, weight: 1 }];
      if (prefix) {
        // Sorted: a match's score adds its words up in this order, and floating-point sums depend
        // on it. A live segment lists words as they came, so shards would each have their own.
        const longer = [...new Set(this.segments().flatMap(({ segment }) => segment.termsExtending(term)))].sort();
        for (const derived of longer) scored.push({ term: derived, weight: prefixWeight(derived, term) });
      }
      return scored;
    });
    const matching = new Map<string, number[]>();
    for (const scored of words) for (const { term } of scored) if (!matching.has(term)) matching.set(term, this.matchingOf(term));
    return { words, quality: new Set(words.map((scored) => scored[0]!.term)).size, matching, total: this.size, totals: [...this.totals] };
  }

  /** As `ranked`, for a query `prepare` read; `corpus` must hold the figures of every term it lists. */
  rankPrepared(prepared: PreparedQuery, corpus: CorpusStats = corpusStats([prepared])): { ids: string[]; scores: number[] } {
    const none = { ids: [], scores: [] };
    const { words } = prepared;
    if (words.length === 0 || this.size === 0) return none;
    // Dense arrays by document number, not Maps: a common character matches most of the library.
    const count = this.liveBase + this.live.size;
    const termScores = new Float64Array(count);
    const scores = new Float64Array(count);
    /** How many of the query's terms each document matched so far (all of them, to stay a candidate). */
    const matched = new Uint32Array(count);
    let candidates: number[] = [];
    for (const [j, scored] of words.entries()) {
      const touched: number[] = [];
      for (const { term, weight } of scored) this.score(term, weight, corpus, termScores, touched);
      candidates = [];
      for (const doc of touched) {
        if (matched[doc] === j) {
          scores[doc]! += termScores[doc]!;
          matched[doc] = j + 1;
          candidates.push(doc);
        }
        termScores[doc] = 0;
      }
      if (candidates.length === 0) return none;
    }
    // As MiniSearch: a result's score is multiplied by the number of distinct query terms it matched.
    const ordered = bestFirst(candidates, scores);
    const ids = ordered.map((doc) => this.idOf(doc));
    const ranked = ordered.map((doc) => scores[doc]! * prepared.quality);
    this.newestFirstAmongTies(ids, ranked);
    return { ids, scores: ranked };
  }

  /**
   * Equal scores (a tag or a name every match holds once, as often as not) put the newest version
   * first, as a desk reading its search expects; `ids` is reordered in place within each run. A run
   * can be a whole shard (a tag on every story): sorted as plain numbers, not with a comparator.
   */
  private newestFirstAmongTies(ids: string[], scores: readonly number[]): void {
    for (let start = 0; start < ids.length; ) {
      let end = start + 1;
      while (end < ids.length && scores[end] === scores[start]) end++;
      if (end - start > 1) {
        const run = ids.slice(start, end);
        const order = newestFirstOrder(run.map((id) => this.stamps.get(id)));
        for (let i = 0; i < order.length; i++) ids[start + i] = run[order[i]!]!;
      }
      start = end;
    }
  }


  /** Per field, how many documents alive hold `term`. */
  private matchingOf(term: string): number[] {
    const matching = new Array<number>(F).fill(0);
    for (const placed of this.segments()) {
      const postings = placed.segment.postings(term);
      if (!postings) continue;
      for (let i = postings.from; i < postings.to; i++) {
        const docField = postings.docFields[i]!;
        if (this.dead[placed.base + (docField >>> FIELD_BITS)] === 0) matching[docField & FIELD_MASK]! += 1;
      }
    }
    return matching;
  }

  /**
   * Adds `weight` times the BM25+ score of `term` in each field of each document that holds it to
   * `into`, and lists in `touched` the documents it gave their first score.
   */
  private score(term: string, weight: number, corpus: CorpusStats, into: Float64Array, touched: number[]): void {
    const matching = corpus.matching.get(term);
    if (!matching) return;
    for (const { segment, base } of this.segments()) {
      const postings = segment.postings(term);
      if (!postings) continue;
      for (let i = postings.from; i < postings.to; i++) {
        const docField = postings.docFields[i]!;
        const doc = docField >>> FIELD_BITS;
        const global = base + doc;
        if (this.dead[global] !== 0) continue;
        const f = docField & FIELD_MASK;
        if (into[global] === 0) touched.push(global);
        into[global]! += weight * BOOSTS[f]! * bm25(postings.freqs[i]!, matching[f]!, corpus.total, segment.fieldLength(doc, f), corpus.averages[f]!);
      }
    }
  }

  private segments(): Placed[] {
    return this.live.size > 0 ? [...this.placed, this.livePlace] : this.placed;
  }

  private placeOf(global: number): Placed {
    if (global >= this.liveBase) return this.livePlace;
    let found = this.placed[0]!;
    for (const placed of this.placed) if (placed.base <= global) found = placed;
    return found;
  }

  private idOf(global: number): string {
    const { segment, base } = this.placeOf(global);
    return segment.id(global - base);
  }

  /** A new, empty live segment whose first document is index-wide number `base`. */
  private startLive(base: number): void {
    this.live = new LiveSegment();
    this.liveBase = base;
    this.livePlace = { segment: this.live, base };
  }

  private freezeLive(): void {
    if (this.live.size === 0) return;
    this.placed.push({ segment: this.live.freeze(), base: this.liveBase });
    this.startLive(this.liveBase + this.live.size);
  }

  /** One segment holding every document alive, numbered from 0; the index continues from it. */
  private compact(): FrozenSegment {
    this.freezeLive();
    const only = this.placed[0];
    if (this.placed.length === 1 && only && !this.dead.subarray(0, this.liveBase).includes(1)) return only.segment as FrozenSegment;
    const merged = mergeSegments(
      this.placed.map(({ segment, base }) => ({ segment: segment as FrozenSegment, dead: (doc: number) => this.dead[base + doc] !== 0 })),
    );
    this.adopt(merged);
    return merged;
  }

  /** Makes `segment` the index's only segment. */
  private adopt(segment: FrozenSegment): void {
    this.placed = segment.size > 0 ? [{ segment, base: 0 }] : [];
    this.startLive(segment.size);
    this.dead = new Uint8Array(Math.max(1024, segment.size * 2));
    this.byId.clear();
    this.stamps.clear();
    this.totals.fill(0);
    for (let doc = 0; doc < segment.size; doc++) {
      this.byId.set(segment.id(doc), doc);
      this.stamps.set(segment.id(doc), segment.stamp(doc));
      for (let f = 0; f < F; f++) this.totals[f]! += segment.fieldLength(doc, f);
    }
  }
}

export function searchDoc(article: IndexableArticle): SearchDoc {
  return {
    id: article.id,
    headline: article.headline,
    subheadline: article.subheadline,
    summary: article.summary,
    body: docText(article.body),
    tags: article.meta.tags.join('\n'),
    bylines: article.meta.bylines.map((b) => b.name).join('\n'),
  };
}

