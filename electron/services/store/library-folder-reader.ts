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
  /** How long one request may take before the worker is stopped and the store goes on by itself. @default 60_000 */
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
  private readonly pending = new Map<number, { resolve: (reply: LibraryReadReply | null) => void; timer: NodeJS.Timeout }>();
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

  /** The entries of the folders read in the plain case; never rejects, and is empty once the worker has stopped. */
  async read(ids: readonly string[]): Promise<Entries> {
    if (ids.length === 0) return NOTHING;
    const reply = await this.ask((id) => ({ kind: 'read', id, libraryRoot: this.libraryRoot, ids: [...ids] }));
    return reply?.kind === 'read' ? new Map(reply.entries) : NOTHING;
  }

  /** Sends one request; its reply, or null once the worker has stopped. */
  private ask(request: (id: number) => LibraryReadRequest): Promise<LibraryReadReply | null> {
    const worker = this.started();
    if (!worker) return Promise.resolve(null);
    const id = this.nextId++;
    return new Promise((resolve) => {
      const deadlineMs = this.options.deadlineMs ?? 60_000;
      const timer = setTimeout(() => this.fail(`a request took longer than ${deadlineMs} ms`), deadlineMs);
      this.pending.set(id, { resolve, timer });
      worker.ref();
      worker.postMessage(request(id));
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
    waiting.resolve(reply);
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
      resolve(null);
    }
    this.pending.clear();
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }
}
