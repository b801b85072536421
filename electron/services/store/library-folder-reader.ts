// Runs in: services. Checks and reads article folders for a start's scan in a worker thread
// (library-read-worker.ts), so a library of 100,000 folders costs the services' event loop neither
// the stats of the check (a warm start) nor the reads, the parsing and the schema checks (a cold
// one): only two stats per folder it takes in. The worker only speeds the scan up: when it cannot
// start, fails, dies or overruns its deadline, a check answers "not checked" and a read "nothing
// read", and the store does that work itself.
//
// The worker runs from source under tsx and vitest and from the build beside the services bundle
// (library-read-worker.cjs; scripts/build-electron.mjs builds it), as the other workers do.
import { Worker } from 'node:worker_threads';
import type { IndexEntry } from './library-index-cache';
import type { LibraryReadReply, LibraryReadRequest } from './library-read-worker';
import { workerCode } from '../workers/worker-code';

export interface LibraryFolderReaderOptions {
  /** The worker's code (tests); by default the built bundle beside this one, or the source through tsx. */
  workerCode?: () => string;
  /**
   * How long the worker may go without answering while requests wait (a folder it is stuck on)
   * before it is stopped and the store goes on by itself. @default 60_000
   */
  deadlineMs?: number;
  /** The worker's heap: an article that needs more stops it, and the store reads on by itself. @default 768 */
  maxHeapMb?: number;
}

type Entries = ReadonlyMap<string, IndexEntry>;
const NOTHING: Entries = new Map();

export class LibraryFolderReader {
  private worker: Worker | null = null;
  private stopped = false;
  /** Why the worker stopped before it was closed (diagnostics and tests). */
  private failure: string | null = null;
  private readonly pending = new Map<number, (reply: LibraryReadReply | null) => void>();
  /** Runs while requests wait: the worker must answer one of them within the deadline, queued ones included. */
  private watchdog: NodeJS.Timeout | null = null;
  private nextId = 1;

  constructor(
    private readonly libraryRoot: string,
    private readonly options: LibraryFolderReaderOptions = {},
  ) {}

  /** Why the worker stopped early, or null. */
  get failed(): string | null {
    return this.failure;
  }

  /**
   * Of these folders, the ones whose stats no longer match (`stats` holds dirMtimeMs, mtimeMs and
   * size for each id, in turn); null when the worker could not check them.
   */
  async changed(ids: readonly string[], stats: Float64Array): Promise<ReadonlySet<string> | null> {
    const reply = await this.ask((id) => ({ kind: 'check', id, libraryRoot: this.libraryRoot, ids: [...ids], stats }));
    return reply?.kind === 'check' ? new Set(reply.changed) : null;
  }

  /**
   * The entries of the folders read in the plain case, and how long the worker took a folder; never
   * rejects, and reads nothing once the worker has stopped.
   */
  async read(ids: readonly string[]): Promise<{ entries: Entries; msPerFolder: number }> {
    if (ids.length === 0) return { entries: NOTHING, msPerFolder: 0 };
    const reply = await this.ask((id) => ({ kind: 'read', id, libraryRoot: this.libraryRoot, ids: [...ids] }));
    return reply?.kind === 'read' ? { entries: new Map(reply.entries), msPerFolder: reply.elapsedMs / ids.length } : { entries: NOTHING, msPerFolder: 0 };
  }

  /** Sends one request; its reply, or null once the worker has stopped. */
  private ask(request: (id: number) => LibraryReadRequest): Promise<LibraryReadReply | null> {
    const worker = this.started();
    if (!worker) return Promise.resolve(null);
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      if (!this.watchdog) this.watch();
      worker.ref();
      worker.postMessage(request(id));
    });
  }

  /** (Re)starts the deadline for the worker's next answer. */
  private watch(): void {
    if (this.watchdog) clearTimeout(this.watchdog);
    const deadlineMs = this.options.deadlineMs ?? 60_000;
    this.watchdog = setTimeout(() => this.fail(`the worker answered nothing for ${deadlineMs} ms`), deadlineMs);
  }

  /** Stops the worker; reads still waiting answer "nothing read". */
  async close(): Promise<void> {
    this.stopped = true;
    await this.stop();
  }

  private started(): Worker | null {
    if (this.worker || this.stopped) return this.worker;
    try {
      const worker = new Worker(this.options.workerCode?.() ?? workerCode(import.meta.url, 'library-read-worker'), {
        eval: true,
        resourceLimits: { maxOldGenerationSizeMb: this.options.maxHeapMb ?? 768 },
      });
      worker.on('message', (reply: LibraryReadReply) => this.receive(reply));
      worker.on('error', (error) => this.fail(error.message));
      worker.on('exit', (code) => this.fail(`the worker exited with code ${code}`));
      this.worker = worker;
      return worker;
    } catch (error) {
      this.failure = error instanceof Error ? error.message : String(error);
      this.stopped = true;
      return null;
    }
  }

  private receive(reply: LibraryReadReply): void {
    const resolve = this.pending.get(reply.id);
    if (!resolve) return;
    this.pending.delete(reply.id);
    if (this.pending.size > 0) this.watch();
    else {
      if (this.watchdog) clearTimeout(this.watchdog);
      this.watchdog = null;
      // An idle worker must not keep a closing app (or a test run) alive.
      this.worker?.unref();
    }
    resolve(reply);
  }

  private fail(reason: string): void {
    if (this.stopped) return;
    this.failure = reason;
    this.stopped = true;
    void this.stop();
  }

  private async stop(): Promise<void> {
    if (this.watchdog) clearTimeout(this.watchdog);
    this.watchdog = null;
    for (const resolve of this.pending.values()) resolve(null);
    this.pending.clear();
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }
}
