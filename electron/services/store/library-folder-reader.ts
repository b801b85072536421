// Runs in: services. Reads article folders for a start's scan in a worker thread
// (library-read-worker.ts), a batch per message, so a cold library of 100,000 folders costs the
// services' event loop a check of two stats per folder instead of the reads, the parsing and the
// schema checks. The worker only speeds the scan up: when it cannot start, fails, dies or overruns
// its deadline, every read answers "nothing read" and the store reads those folders itself.
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
  /** How long one batch may take before the worker is stopped and the store reads on by itself. @default 60_000 */
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
  private readonly pending = new Map<number, { resolve: (entries: Entries) => void; timer: NodeJS.Timeout }>();
  private nextId = 1;

  constructor(
    private readonly libraryRoot: string,
    private readonly options: LibraryFolderReaderOptions = {},
  ) {}

  /** Why the worker stopped early, or null. */
  get failed(): string | null {
    return this.failure;
  }

  /** The entries of the folders read in the plain case; never rejects, and is empty once the worker has stopped. */
  read(ids: readonly string[]): Promise<Entries> {
    const worker = this.started();
    if (!worker || ids.length === 0) return Promise.resolve(NOTHING);
    const id = this.nextId++;
    return new Promise((resolve) => {
      const deadlineMs = this.options.deadlineMs ?? 60_000;
      const timer = setTimeout(() => this.fail(`a batch took longer than ${deadlineMs} ms`), deadlineMs);
      this.pending.set(id, { resolve, timer });
      worker.ref();
      worker.postMessage({ id, libraryRoot: this.libraryRoot, ids: [...ids] } satisfies LibraryReadRequest);
    });
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
    const waiting = this.pending.get(reply.id);
    if (!waiting) return;
    this.pending.delete(reply.id);
    clearTimeout(waiting.timer);
    // An idle worker must not keep a closing app (or a test run) alive.
    if (this.pending.size === 0) this.worker?.unref();
    waiting.resolve(new Map(reply.entries));
  }

  private fail(reason: string): void {
    if (this.stopped) return;
    this.failure = reason;
    this.stopped = true;
    void this.stop();
  }

  private async stop(): Promise<void> {
    for (const { resolve, timer } of this.pending.values()) {
      clearTimeout(timer);
      resolve(NOTHING);
    }
    this.pending.clear();
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }
}
