// Runs in: services. The search index on disk: a snapshot (search-index.json) plus an append log
// of the articles indexed or removed since (search-index.log), folded into a new snapshot when the
// log grows. Opening reads the snapshot only; the log, and whatever the library changed while the
// app was not looking, are indexed in the background in small batches while searches answer from
// what is indexed so far and say how many articles are still waiting.
import { join } from 'node:path';
import type { Article } from '../../../common/article';
import { consoleLogger, type Logger } from '../log/logger';
import { SearchIndex, searchDoc } from './search-index';
import { appendSearchLog, readSearchLog, writeSearchLog, type SearchLogEntry } from './search-log';

export const SEARCH_SNAPSHOT_FILE = 'search-index.json';
export const SEARCH_LOG_FILE = 'search-index.log';

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
  private readonly logger: Logger;

  private constructor(
    private readonly index: SearchIndex,
    private readonly dir: string,
    /** Log entries not applied yet: replayed by `catchUp` where they are still current. */
    private replay: Map<string, SearchLogEntry>,
    logEntries: number,
    options: PersistentSearchIndexOptions,
  ) {
    this.logEntries = logEntries;
    this.compactAfter = options.compactAfter ?? 200;
    this.batchSize = options.batchSize ?? 20;
    this.logger = options.logger ?? consoleLogger;
  }

  /** Loads the snapshot and reads the log; never reads an article. A missing or damaged file only means more to catch up. */
  static async open(dir: string, options: PersistentSearchIndexOptions = {}): Promise<PersistentSearchIndex> {
    const index = (await SearchIndex.loadFileOrNull(join(dir, SEARCH_SNAPSHOT_FILE))) ?? SearchIndex.empty();
    const log = await readSearchLog(join(dir, SEARCH_LOG_FILE));
    const replay = new Map<string, SearchLogEntry>();
    for (const entry of log.entries) replay.set(entry.op === 'put' ? entry.doc.id : entry.id, entry);
    const opened = new PersistentSearchIndex(index, dir, replay, log.entries.length, options);
    // Appending after a torn line would hide everything appended: start the file again from its good part.
    if (!log.clean) opened.queueWrite(() => writeSearchLog(opened.logPath, log.entries));
    return opened;
  }

  get size(): number {
    return this.index.size;
  }

  /** Articles not (or not yet in their latest version) in the index. */
  get pending(): number {
    return this.waiting.size + this.replay.size;
  }

  search(query: string): string[] {
    return this.index.search(query);
  }

  /** Indexes saved, trashed or purged articles at once and records them in the log. */
  update(changes: Iterable<SearchChange>): void {
    const entries: SearchLogEntry[] = [];
    for (const change of changes) {
      const id = change.kind === 'upsert' ? change.article.id : change.id;
      this.waiting.delete(id);
      this.replay.delete(id);
      if (change.kind === 'upsert') {
        const doc = searchDoc(change.article);
        this.index.addDoc(doc, change.article.updatedAt);
        entries.push({ op: 'put', stamp: change.article.updatedAt, doc });
      } else if (this.index.stampOf(id) !== undefined) {
        this.index.remove(id);
        entries.push({ op: 'del', id });
      }
    }
    this.record(entries);
  }

  /**
   * Brings the index in line with the library in the background: log entries still current are
   * replayed, other changed articles are read with `load`, vanished ones are dropped. Resolves
   * when caught up (or closed).
   */
  catchUp(library: readonly IndexedSummary[], load: (id: string) => Promise<Article>): Promise<void> {
    const present = new Set<string>();
    const removed: SearchLogEntry[] = [];
    for (const { id, updatedAt } of library) {
      present.add(id);
      const logged = this.replay.get(id);
      if (logged?.op === 'put' && logged.stamp === updatedAt) this.waiting.set(id, { id, updatedAt, from: 'log', entry: logged });
      else if (this.index.stampOf(id) !== updatedAt) this.waiting.set(id, { id, updatedAt, from: 'library' });
    }
    this.replay = new Map();
    for (const id of [...this.index.ids()]) {
      if (present.has(id)) continue;
      this.index.remove(id);
      removed.push({ op: 'del', id });
    }
    this.record(removed);
    this.catching = this.catching.then(() => this.drain(load));
    return this.catching;
  }

  /** Resolves when every queued log or snapshot write is on disk. */
  async flushed(): Promise<void> {
    await this.writes;
  }

  /** Stops catching up, then writes a snapshot so the next start has no log to replay. */
  async close(): Promise<void> {
    this.stopped = true;
    await this.catching;
    // Entries still waiting in the log must stay there: a snapshot without them would lose them.
    const keepLog = [...this.waiting.values()].some((w) => w.from === 'log') || this.replay.size > 0;
    if (this.logEntries > 0 && !keepLog) this.queueCompaction();
    await this.writes;
  }

  private get logPath(): string {
    return join(this.dir, SEARCH_LOG_FILE);
  }

  private async drain(load: (id: string) => Promise<Article>): Promise<void> {
    while (!this.stopped && this.waiting.size > 0) {
      const batch: Work[] = [];
      for (const work of this.waiting.values()) {
        batch.push(work);
        if (batch.length === this.batchSize) break;
      }
      const entries: SearchLogEntry[] = [];
      for (const work of batch) {
        if (this.stopped) break;
        if (work.from === 'log') {
          this.index.addDoc(work.entry.doc, work.entry.stamp);
          this.waiting.delete(work.id);
          continue;
        }
        const article = await load(work.id).catch(() => null);
        // A save indexed meanwhile is newer than what was read.
        if (this.waiting.get(work.id) !== work) continue;
        this.waiting.delete(work.id);
        if (article) {
          const doc = searchDoc(article);
          this.index.addDoc(doc, article.updatedAt);
          entries.push({ op: 'put', stamp: article.updatedAt, doc });
        } else if (this.index.stampOf(work.id) !== undefined) {
          this.index.remove(work.id);
          entries.push({ op: 'del', id: work.id });
        }
      }
      this.record(entries, false);
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    // Folding the log while catching up would rewrite a growing snapshot again and again: once, at the end.
    if (this.waiting.size === 0 && this.logEntries >= this.compactAfter) this.queueCompaction();
  }

  private record(entries: SearchLogEntry[], mayCompact = true): void {
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
    if (mayCompact && this.waiting.size === 0 && this.replay.size === 0 && this.logEntries >= Math.max(this.compactAfter, Math.ceil(this.index.size / 10))) {
      this.queueCompaction();
    }
  }

  private queueCompaction(): void {
    this.logEntries = 0;
    this.queueWrite(async () => {
      // Serialised when its turn comes, so it holds every change made before.
      await this.index.saveFile(join(this.dir, SEARCH_SNAPSHOT_FILE));
      await writeSearchLog(this.logPath);
    });
  }

  private queueWrite(write: () => Promise<void>): void {
    this.writes = this.writes.then(write).catch((error: unknown) => this.logger.warn('[search] could not write the search index:', error));
  }
}
