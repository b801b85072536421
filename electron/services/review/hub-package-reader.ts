// Runs in: services. Reads untrusted review packages in worker threads, so a hostile package costs
// the services' event loop (shared by every other call) nothing but a message. Each task has a deadline: a worker that overruns it is terminated and the
// package refused; the next task starts a fresh worker.
//
// The worker runs from source under tsx and vitest (hub-package-worker.ts, through tsx's loader) and
// from the build next to the bundle that holds this code (hub-package-worker.cjs beside
// dist/services/services.cjs; scripts/build-electron.mjs builds it). Its code is read here and evaluated, so a
// packaged app can load it from inside its asar archive.
import { Worker } from 'node:worker_threads';
import type { HubPackageResult, HubPackageTask } from './hub-package-task';
import type { HubPackageReply, HubPackageRequest } from './hub-package-worker';
import { workerCode } from '../workers/worker-code';

export interface HubPackageReaderOptions {
  /** Workers at most. @default 2 */
  size?: number;
  /** How long one package may take to read and check. @default 20_000 */
  deadlineMs?: number;
  /** Heap of each worker: a package that needs more is refused. @default 768 */
  maxHeapMb?: number;
}

interface Pending {
  task: HubPackageTask;
  deadlineMs: number;
  resolve: (result: HubPackageResult) => void;
}

interface Slot {
  worker: Worker;
  busy: { id: number; pending: Pending; timer: NodeJS.Timeout } | null;
}

export class HubPackageReader {
  private readonly size: number;
  private readonly deadlineMs: number;
  private readonly maxHeapMb: number;
  private readonly waiting: Pending[] = [];
  private readonly slots = new Set<Slot>();
  private readonly startListeners = new Set<(task: HubPackageTask) => void>();
  private nextId = 1;

  constructor(options: HubPackageReaderOptions = {}) {
    this.size = Math.max(1, options.size ?? 2);
    this.deadlineMs = options.deadlineMs ?? 20_000;
    this.maxHeapMb = options.maxHeapMb ?? 768;
  }

  /** Reads, bounds and validates one package; refusals come back as results, never as thrown errors. */
  run(task: HubPackageTask, deadlineMs = this.deadlineMs): Promise<HubPackageResult> {
    return new Promise((resolve) => {
      this.waiting.push({ task, deadlineMs, resolve });
      this.dispatch();
    });
  }

  /** Calls `listener` each time a worker takes up a task (diagnostics and tests); returns the unsubscribe. */
  onTaskStart(listener: (task: HubPackageTask) => void): () => void {
    this.startListeners.add(listener);
    return () => this.startListeners.delete(listener);
  }

  /** Stops every worker; tasks still waiting are refused. */
  async close(): Promise<void> {
    for (const pending of this.waiting.splice(0)) pending.resolve({ kind: 'unreadable', reason: 'Dateline was closing' });
    await Promise.all([...this.slots].map((slot) => this.retire(slot, { kind: 'unreadable', reason: 'Dateline was closing' })));
  }

  private dispatch(): void {
    while (this.waiting.length > 0) {
      const slot = [...this.slots].find((s) => s.busy === null) ?? (this.slots.size < this.size ? this.spawn() : null);
      if (!slot) return;
      const pending = this.waiting.shift() as Pending;
      const id = this.nextId++;
      const timer = setTimeout(() => {
        void this.retire(slot, {
          kind: 'unreadable',
          reason: `checking it took longer than ${pending.deadlineMs >= 1000 ? `${Math.round(pending.deadlineMs / 1000)} s` : `${pending.deadlineMs} ms`}, so it was stopped`,
        });
      }, pending.deadlineMs);
      slot.busy = { id, pending, timer };
      slot.worker.ref();
      slot.worker.postMessage({ id, task: pending.task } satisfies HubPackageRequest);
      for (const listener of this.startListeners) listener(pending.task);
    }
  }

  private spawn(): Slot {
    const worker = new Worker(workerCode(import.meta.url, 'hub-package-worker'), { eval: true, resourceLimits: { maxOldGenerationSizeMb: this.maxHeapMb } });
    const slot: Slot = { worker, busy: null };
    this.slots.add(slot);
    worker.on('message', (reply: HubPackageReply) => {
      if (slot.busy?.id !== reply.id) return;
      clearTimeout(slot.busy.timer);
      const { pending } = slot.busy;
      slot.busy = null;
      // An idle worker must not keep a closing app (or a test run) alive.
      worker.unref();
      pending.resolve(reply.result);
      this.dispatch();
    });
    worker.on('error', (error) => {
      const outOfMemory = (error as { code?: unknown }).code === 'ERR_WORKER_OUT_OF_MEMORY';
      void this.retire(slot, {
        kind: 'unreadable',
        reason: outOfMemory ? `checking it needed more than ${this.maxHeapMb} MB of memory, so it was stopped` : `it could not be checked (${error.message})`,
      });
    });
    worker.on('exit', () => {
      if (this.slots.has(slot)) void this.retire(slot, { kind: 'unreadable', reason: 'the worker checking it stopped' });
    });
    return slot;
  }

  /** Ends a worker (after an overrun, a crash or on close), answers its task with `result`, and carries on with the queue. */
  private async retire(slot: Slot, result: HubPackageResult): Promise<void> {
    if (!this.slots.delete(slot)) return;
    const busy = slot.busy;
    slot.busy = null;
    if (busy) {
      clearTimeout(busy.timer);
      busy.pending.resolve(result);
    }
    this.dispatch();
    await slot.worker.terminate();
  }
}

let shared: HubPackageReader | null = null;

/** The services' one pool: every hub reads through it, so two hubs never start two pools. */
export function sharedHubPackageReader(): HubPackageReader {
  shared ??= new HubPackageReader();
  return shared;
}
