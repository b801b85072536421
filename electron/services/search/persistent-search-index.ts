// Runs in: services. The search index on disk: the articles are spread over SEARCH_SHARDS
// snapshots (search-shard-<k>.idx, each one segment: see search-index.ts) plus one append log of
// the articles indexed or removed since (search-index.log). Shards load one at a time with a
// yield in between, and searches answer from the shards loaded so far. The log, and whatever the
// library changed while the app was not looking, are indexed in the background in small batches;
// searches say how many articles are still waiting. Folding the log rewrites only changed shards.
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Article } from '../../../common/article';
import { consoleLogger, type Logger } from '../log/logger';
import { rankShards, SearchIndex, searchDoc, type IndexableArticle, type SearchDoc } from './search-index';
import { appendSearchLog, readSearchLog, writeSearchLog, type SearchLogEntry } from './search-log';
import { pageOfHits, type SearchAnswer, type SearchPage } from './search-page';
import { newestFirst } from './newest-first';

/** Snapshots the index is split into; changing it makes every snapshot another version's. */
export const SEARCH_SHARDS = 4;
export const searchShardFile = (shard: number): string => `search-shard-${shard}.idx`;
/** Snapshots earlier versions wrote (MiniSearch's JSON): removed at the first fold. */
const OLD_SNAPSHOT_FILES = ['search-index.json', ...Array.from({ length: SEARCH_SHARDS }, (_, k) => `search-index-${k}.json`)];
export const SEARCH_LOG_FILE = 'search-index.log';
/** Article reads catching up keeps in flight ahead of the article it indexes (a loader that reads asynchronously). */
const READ_AHEAD = 4;
const UNREADABLE = Symbol('unreadable');
/** Catching up also yields once a batch has read this many bytes (or, without a size, body characters): large or hostile articles. */
const BATCH_TEXT_BUDGET = 2_000_000;

export interface IndexedSummary {
  id: string;
  updatedAt: string;
}

export type SearchChange = { kind: 'upsert'; article: Article } | { kind: 'remove'; id: string };

export interface PersistentSearchIndexOptions {
  /** The log is folded into a new snapshot once it holds this many entries, or a tenth of the index if more. @default 200 */
  compactAfter?: number;
  /** Articles indexed between two yields to the event loop while catching up. @default 20 */
  batchSize?: number;
  /**
   * Reads started ahead of the article being indexed. 0 for a loader that reads synchronously (the
   * worker's): nothing would overlap, and a batch cut short would read them again. @default 4
   */
  readAhead?: number;
  logger?: Logger;
}

type Work = { id: string; updatedAt: string; from: 'log'; entry: SearchLogEntry & { op: 'put' } } | { id: string; updatedAt: string; from: 'library' };

export class PersistentSearchIndex {
  /** Articles known to be missing or stale in the index, in the order they will be indexed. */
  private readonly waiting = new Map<string, Work>();
  private logEntries: number;
  private writes: Promise<void> = Promise.resolve();
  /** Log entries waiting for the append queued for them. */
  private unwritten: SearchLogEntry[] = [];
  private catching: Promise<void> = Promise.resolve();
  private stopped = false;
  private readonly compactAfter: number;
  private readonly batchSize: number;
  private readonly readAhead: number;
  private readonly logger: Logger;

  /** Null until loaded. */
  private readonly shards: (SearchIndex | null)[] = Array.from({ length: SEARCH_SHARDS }, () => null);
  /** Shards changed since their snapshot was written. */
  private readonly dirty = new Set<number>();
  /** Saves, trashes and purges that came for a shard not loaded yet: applied when it is. */
  private readonly early: SearchChange[] = [];
  private loading: Promise<void> = Promise.resolve();
  private planned: Promise<void> = Promise.resolve();
  private libraryCount = 0;
  /** False from `catchUp` until what it has to do is known. */
  private plannedYet = true;
  /** Articles saved, trashed or purged since `catchUp` took the library's list: newer than that list. */
  private readonly updatedSinceList = new Set<string>();

  private constructor(
    private readonly dir: string,
    /** Log entries not applied yet: replayed by `catchUp` where they are still current. */
    private replay: Map<string, SearchLogEntry>,
    logEntries: number,
    options: PersistentSearchIndexOptions,
  ) {
    this.logEntries = logEntries;
    this.compactAfter = options.compactAfter ?? 200;
    this.batchSize = options.batchSize ?? 20;
    this.readAhead = options.readAhead ?? READ_AHEAD;
    this.logger = options.logger ?? consoleLogger;
  }

  /** Reads the log and starts loading the shards; never reads an article. A missing or damaged file only means more to catch up. */
  static async open(dir: string, options: PersistentSearchIndexOptions = {}): Promise<PersistentSearchIndex> {
    const log = await readSearchLog(join(dir, SEARCH_LOG_FILE));
    const replay = new Map<string, SearchLogEntry>();
    for (const entry of log.entries) replay.set(entry.op === 'put' ? entry.doc.id : entry.id, entry);
    const opened = new PersistentSearchIndex(dir, replay, log.entries.length, options);
    // Appending after a torn line would hide everything appended: start the file again from its good part.
    if (!log.clean) opened.queueWrite(() => writeSearchLog(opened.logPath, log.entries));
    opened.loading = opened.loadShards();
    return opened;
  }

  /** Resolves when every shard is loaded (and what catching up has to do is known, if it was asked to). */
  async loaded(): Promise<void> {
    await this.loading;
    await this.planned;
  }

  /** Articles in the loaded shards. */
  get size(): number {
    return this.shards.reduce((sum, shard) => sum + (shard?.size ?? 0), 0);
  }

  /** Articles not (or not yet in their latest version) searchable. */
  get pending(): number {
    // Until every shard is loaded and catching up is planned, an estimate; saves waiting for their shard count too.
    if (!this.plannedYet || this.shards.some((shard) => shard === null)) return Math.max(this.libraryCount - this.size, this.replay.size, this.early.length);
    return this.waiting.size + this.replay.size;
  }

  /**
   * `search`, `pending` and how many articles it holds (`size`) in one answer (the form a worker
   * gives too). Waits for the snapshots to load (tens of milliseconds: they are read, not parsed),
   * never for catching up: the first search after a start finds what was indexed before it.
   */
  async query(query: string, page?: SearchPage): Promise<SearchAnswer> {
    await this.loading;
    const hits = this.search(query);
    return { ...(page ? pageOfHits(hits, page) : { hits }), pending: this.pending, indexed: this.size };
  }

  /** Ids best match first, from the shards loaded so far. */
  search(query: string): string[] {
    // Each shard answers best first: merged by taking the best head, not sorted again (a common
    // character matches tens of thousands of articles at 100k). Every shard scores against the
    // figures of all of them, so an equal match scores the same whichever shard holds it.
    const answers = rankShards(
      this.shards.filter((shard): shard is SearchIndex => shard !== null),
      query,
    );
    const heads = answers.map(() => 0);
    const ids: string[] = [];
    for (;;) {
      let best = -1;
      let bestScore = 0;
      for (let k = 0; k < answers.length; k++) {
        const score = answers[k]!.scores[heads[k]!];
        if (score === undefined) continue;
        // Equal scores: the newer version first, as within a shard.
        if (best < 0 || score > bestScore || (score === bestScore && this.newerHead(answers[k]!.ids[heads[k]!]!, answers[best]!.ids[heads[best]!]!))) {
          best = k;
          bestScore = score;
        }
      }
      if (best < 0) return ids;
      ids.push(answers[best]!.ids[heads[best]!]!);
      heads[best]! += 1;
    }
  }

  /** Indexes saved, trashed or purged articles at once and records them in the log. */
  update(changes: Iterable<SearchChange>): void {
    const entries: SearchLogEntry[] = [];
    for (const change of changes) {
      const id = change.kind === 'upsert' ? change.article.id : change.id;
      this.waiting.delete(id);
      this.replay.delete(id);
      if (!this.plannedYet) this.updatedSinceList.add(id);
      const shard = this.shards[shardOf(id)];
      if (!shard) this.early.push(change);
      if (change.kind === 'upsert') {
        const doc = searchDoc(change.article);
        if (shard) this.put(doc, change.article.updatedAt);
        entries.push({ op: 'put', stamp: change.article.updatedAt, doc });
      } else {
        if (shard) this.drop(id);
        entries.push({ op: 'del', id });
      }
    }
    this.record(entries);
  }

  /**
   * Brings the index in line with the library in the background: log entries still current are
   * replayed, other changed articles are read with `load`, vanished ones are dropped. Resolves
   * when caught up and written (or closed).
   */
  catchUp(library: readonly IndexedSummary[], load: (id: string) => Promise<IndexableArticle | null>): Promise<void> {
    this.libraryCount = library.length;
    this.plannedYet = false;
    const planned = this.loading.then(() => this.plan(library));
    this.planned = planned;
    this.catching = this.catching.then(async () => {
      await planned;
      await this.drain(load);
    });
    return this.catching;
  }

  /** What catching up has to do, once every shard is loaded. */
  private plan(library: readonly IndexedSummary[]): void {
    const present = new Set<string>();
    for (const { id, updatedAt } of library) {
      present.add(id);
      if (this.updatedSinceList.has(id)) continue;
      const logged = this.replay.get(id);
      if (logged?.op === 'put' && logged.stamp === updatedAt) this.waiting.set(id, { id, updatedAt, from: 'log', entry: logged });
      else if (this.stampOf(id) !== updatedAt) this.waiting.set(id, { id, updatedAt, from: 'library' });
    }
    this.replay = new Map();
    this.plannedYet = true;
    // Not logged: what catching up finds again after a crash, it does again (see drain).
    for (const shard of this.shards) {
      for (const id of [...(shard?.ids() ?? [])]) if (!present.has(id) && !this.updatedSinceList.has(id)) this.drop(id);
    }
    this.updatedSinceList.clear();
  }

  private async loadShards(): Promise<void> {
    for (let k = 0; k < SEARCH_SHARDS; k++) {
      const bytes = await readFile(join(this.dir, searchShardFile(k))).catch(() => null);
      const loaded = bytes ? SearchIndex.load(bytes) : null;
      // A snapshot holding another shard's articles is damaged (or not this shard's): rebuilt.
      const ownsItsArticles = loaded !== null && [...loaded.ids()].every((id) => shardOf(id) === k);
      this.shards[k] = ownsItsArticles ? loaded : SearchIndex.empty();
      // Saves that came before this shard was loaded are newer than its snapshot.
      for (const change of this.early.filter((c) => shardOf(c.kind === 'upsert' ? c.article.id : c.id) === k)) {
        if (change.kind === 'upsert') this.put(searchDoc(change.article), change.article.updatedAt);
        else this.drop(change.id);
      }
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    this.early.length = 0;
  }

  private newerHead(id: string, than: string): boolean {
    return newestFirst(this.stampOf(id), this.stampOf(than)) < 0;
  }

  private stampOf(id: string): string | undefined {
    return this.shards[shardOf(id)]?.stampOf(id);
  }

  private put(doc: SearchDoc, stamp: string): void {
    const k = shardOf(doc.id);
    this.shards[k]?.addDoc(doc, stamp);
    this.dirty.add(k);
  }

  private drop(id: string): void {
    const k = shardOf(id);
    const shard = this.shards[k];
    if (!shard || shard.stampOf(id) === undefined) return;
    shard.remove(id);
    this.dirty.add(k);
  }

  /** Resolves when every queued log or snapshot write is on disk. */
  async flushed(): Promise<void> {
    await this.writes;
  }

  /** Stops catching up, then writes a snapshot so the next start has no log to replay. */
  async close(): Promise<void> {
    this.stopped = true;
    await this.loading;
    await this.catching;
    // Entries still waiting in the log must stay there: a snapshot without them would lose them.
    const keepLog = [...this.waiting.values()].some((w) => w.from === 'log') || this.replay.size > 0;
    if ((this.logEntries > 0 || this.dirty.size > 0) && !keepLog) this.queueCompaction();
    await this.writes;
  }

  private get logPath(): string {
    return join(this.dir, SEARCH_LOG_FILE);
  }

  private async drain(load: (id: string) => Promise<IndexableArticle | null>): Promise<void> {
    while (!this.stopped && this.waiting.size > 0) {
      const batch: Work[] = [];
      for (const work of this.waiting.values()) {
        batch.push(work);
        if (batch.length === this.batchSize) break;
      }
      // A few reads in flight ahead of the one being indexed: the file system works while the index
      // does, and no more than readAhead + 1 articles are held at once (each file may be large).
      // A read that fails (the file locked or unreadable for now, not missing) gives UNREADABLE.
      const reads: (Promise<IndexableArticle | null | typeof UNREADABLE> | null)[] = batch.map(() => null);
      const startRead = (i: number): void => {
        const work = batch[i];
        if (work?.from === 'library') reads[i] = load(work.id).catch(() => UNREADABLE);
      };
      for (let i = 0; i < this.readAhead && i < batch.length; i++) startRead(i);
      let indexedText = 0;
      for (const [i, work] of batch.entries()) {
        if (this.stopped) break;
        startRead(i + this.readAhead);
        const article = work.from === 'library' ? await reads[i] : null;
        reads[i] = null;
        // A save, trash or purge indexed meanwhile (while a read was awaited) is newer than this.
        if (this.waiting.get(work.id) !== work) continue;
        this.waiting.delete(work.id);
        if (work.from === 'log') {
          this.put(work.entry.doc, work.entry.stamp);
          indexedText += work.entry.doc.body.length;
          if (indexedText > BATCH_TEXT_BUDGET) break;
          continue;
        }
        // Kept as indexed: its stamp still differs, so the next start reads it again.
        if (article === UNREADABLE) continue;
        // Not logged: the library holds it, so a crash before the next fold only means reading it again;
        // logging every article's text would cost more than that.
        const doc = article ? docOrNull(article) : null;
        if (article && doc) this.put(doc, article.updatedAt);
        else this.drop(work.id);
        indexedText += article ? (article.readBytes ?? doc?.body.length ?? 0) : 0;
        // What is left of the batch stays waiting for the next one.
        if (indexedText > BATCH_TEXT_BUDGET) break;
      }
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    // Folded once at the end (or at close), not again and again while catching up.
    if (this.waiting.size === 0 && this.dirty.size > 0) this.queueCompaction();
    await this.writes;
  }

  private record(entries: SearchLogEntry[]): void {
    if (entries.length === 0) return;
    this.logEntries += entries.length;
    // Entries recorded while a write is under way go out together in the next one (one fsync).
    if (this.unwritten.length === 0) {
      this.queueWrite(() => {
        const batch = this.unwritten;
        this.unwritten = [];
        return appendSearchLog(this.logPath, batch);
      });
    }
    this.unwritten.push(...entries);
    // Not while a shard is still loading: saves waiting for it are only in the log.
    const allLoaded = this.shards.every((shard) => shard !== null);
    if (allLoaded && this.waiting.size === 0 && this.replay.size === 0 && this.logEntries >= Math.max(this.compactAfter, Math.ceil(this.size / 10))) {
      this.queueCompaction();
    }
  }

  private queueCompaction(): void {
    this.logEntries = 0;
    this.queueWrite(async () => {
      // Each changed shard is serialised when its turn comes, so it holds every change made before.
      for (const k of [...this.dirty]) {
        const shard = this.shards[k];
        if (!shard) continue;
        this.dirty.delete(k);
        await shard.saveFile(join(this.dir, searchShardFile(k)));
      }
      await writeSearchLog(this.logPath);
      await Promise.all(OLD_SNAPSHOT_FILES.map((file) => rm(join(this.dir, file), { force: true })));
    });
  }

  private queueWrite(write: () => Promise<void>): void {
    this.writes = this.writes.then(write).catch((error: unknown) => this.logger.warn('[search] could not write the search index:', error));
  }
}

/** An article's text, or null when its body is too deep to walk (an untrusted file). */
function docOrNull(article: IndexableArticle): SearchDoc | null {
  try {
    return searchDoc(article);
  } catch {
    return null;
  }
}

/** Which shard holds an article: FNV-1a of its id. */
export function shardOf(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % SEARCH_SHARDS;
}
