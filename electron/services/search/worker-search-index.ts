// Runs in: services. The search index in a worker thread (search-index-worker.ts), so loading it,
// catching up with thousands of articles and answering queries never hold up the services' event
// loop. When the worker cannot start, fails or dies, the index opens in the services' own thread
// and catches up from the library: whatever the worker had not written to its log yet is read
// again from the articles, so no save is lost.
import { Worker } from 'node:worker_threads';
import type { Logger } from '../log/logger';
import { PersistentSearchIndex, type SearchChange } from './persistent-search-index';
import { inProcessIndex, type IndexLibrary, type ScheduledIndex } from './scheduled-index';
import type { SearchAnswer, SearchPage } from './search-page';
import type { SearchWorkerReply, SearchWorkerRequest } from './search-worker-protocol';
import { workerCode } from '../workers/worker-code';

export interface WorkerSearchIndexOptions {
  logger: Logger;
  /** The worker's code (tests); by default the built bundle beside this one, or the source through tsx. */
  workerCode?: () => string;
}

type Answer = SearchAnswer;
interface Deferred<T> {
  resolve(value: T): void;
  reject(error: unknown): void;
}

/** Opens the index in a worker; never fails: without a worker it is the index in this thread. */
export function openWorkerSearchIndex(libraryRoot: string, options: WorkerSearchIndexOptions): WorkerSearchIndex {
  return new WorkerSearchIndex(libraryRoot, options);
}

export class WorkerSearchIndex implements ScheduledIndex {
  private worker: Worker | null = null;
  /** Set once the index runs in this thread instead. */
  private local: Promise<ScheduledIndex> | null = null;
  private readonly queries = new Map<number, { query: string; page: SearchPage | undefined; answer: Deferred<Answer> }>();
  private nextQuery = 1;
  private library: IndexLibrary | null = null;
  private caughtUp: Deferred<void> | null = null;
  private closing: Deferred<void> | null = null;
  /** Set by close: from then on nothing opens an index again (the library's lock may be released). */
  private closed = false;
  /** The services thread's catch-up after a fail-over (searches meanwhile say what is still being indexed). */
  private recovery: Promise<void> = Promise.resolve();
  private readonly logger: Logger;

  constructor(
    private readonly libraryRoot: string,
    options: WorkerSearchIndexOptions,
  ) {
    this.logger = options.logger;
    try {
      this.worker = new Worker(options.workerCode?.() ?? workerCode(import.meta.url, 'search-index-worker'), { eval: true });
    } catch (error) {
      this.failOver(error);
      return;
    }
    const worker = this.worker;
    // An idle index must not keep a closing app (or a test run) alive.
    worker.unref();
    worker.on('message', (reply: SearchWorkerReply) => this.receive(reply));
    worker.on('error', (error) => {
      if (this.worker === worker) this.failOver(error);
    });
    worker.on('exit', (code) => {
      if (this.worker === worker) this.failOver(new Error(`the worker exited with code ${code}`));
    });
    this.send({ op: 'open', libraryRoot });
  }

  /** True while the index runs in its worker. */
  get inWorker(): boolean {
    return this.worker !== null;
  }

  update(changes: Iterable<SearchChange>): void {
    if (this.closed) return;
    const list = [...changes];
    if (list.length === 0) return;
    if (this.worker) this.send({ op: 'update', changes: list });
    else void this.local?.then((index) => index.update(list));
  }

  query(query: string, page?: SearchPage): Promise<Answer> {
    if (this.closed) return Promise.resolve({ hits: [], pending: 0, indexed: 0, ...(page ? { total: 0 } : {}) });
    if (!this.worker) return this.localIndex().then((index) => index.query(query, page));
    const id = this.nextQuery++;
    return new Promise<Answer>((resolve, reject) => {
      this.queries.set(id, { query, page, answer: { resolve, reject } });
      this.send(page ? { op: 'query', id, query, page } : { op: 'query', id, query });
    });
  }

  catchUp(library: IndexLibrary): Promise<void> {
    if (this.closed) return Promise.resolve();
    this.library = library;
    if (!this.worker) return this.localIndex().then((index) => index.catchUp(library));
    return new Promise<void>((resolve, reject) => {
      this.caughtUp = { resolve, reject };
      this.send({ op: 'catch-up', library: library.list().map(({ id, updatedAt }) => ({ id, updatedAt })) });
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const worker = this.worker;
    if (worker) {
      worker.ref();
      await new Promise<void>((resolve, reject) => {
        this.closing = { resolve, reject };
        this.send({ op: 'close' });
      });
      // failOver may have taken over while closing: then the local index below is closed too.
      if (this.worker === worker) {
        this.worker = null;
        await worker.terminate();
        return;
      }
    }
    await (await this.localIndex()).close();
  }

  /** Resolves once the services thread has caught up after taking over from a failed worker. */
  recovered(): Promise<void> {
    return this.recovery;
  }

  /** Test hook: ends the worker as a crash would. */
  async crashWorkerForTest(): Promise<void> {
    await this.worker?.terminate();
  }

  private receive(reply: SearchWorkerReply): void {
    switch (reply.op) {
      case 'answer': {
        const waiting = this.queries.get(reply.id);
        this.queries.delete(reply.id);
        const { op: _op, id: _id, ...answer } = reply;
        waiting?.answer.resolve(answer);
        return;
      }
      case 'caught-up':
        this.caughtUp?.resolve();
        this.caughtUp = null;
        return;
      case 'closed':
        this.closing?.resolve();
        this.closing = null;
        return;
      case 'failed':
        this.failOver(new Error(reply.message));
        return;
    }
  }

  private send(request: SearchWorkerRequest): void {
    this.worker?.postMessage(request);
  }

  /** Runs the index in this thread from now on, and hands it whatever was waiting for the worker. */
  private failOver(reason: unknown): void {
    const worker = this.worker;
    if (this.local) return;
    this.worker = null;
    this.logger.warn('[search] the search index runs in the services, not in its worker:', reason);
    // The worker must have stopped writing the index's files before this thread opens them.
    const stopped = worker ? worker.terminate().catch(() => undefined) : Promise.resolve();
    this.local = stopped.then(async () => inProcessIndex(await PersistentSearchIndex.open(this.libraryRoot, { logger: this.logger })));
    for (const { query, page, answer } of this.queries.values()) this.local.then((index) => index.query(query, page)).then(answer.resolve, answer.reject);
    this.queries.clear();
    const library = this.library;
    const caughtUp = this.caughtUp;
    this.caughtUp = null;
    // Catching up again reads every article the worker had not logged (its saves included).
    if (library) {
      const done = this.local.then((index) => index.catchUp(library));
      this.recovery = done.catch(() => undefined);
      if (caughtUp) done.then(caughtUp.resolve, caughtUp.reject);
      else done.catch((error: unknown) => this.logger.warn('[search] catching up the search index failed:', error));
    }
    const closing = this.closing;
    this.closing = null;
    closing?.resolve();
  }

  private localIndex(): Promise<ScheduledIndex> {
    this.local ??= PersistentSearchIndex.open(this.libraryRoot, { logger: this.logger }).then(inProcessIndex);
    return this.local;
  }
}
