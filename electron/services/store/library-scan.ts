// Runs in: services. The start's background pass over the article folders, while the cached
// summaries are already served: checks each folder's stats against its cached entry (in the
// store's read worker, or here synchronously, a slice at a time, yielding between slices) and
// re-reads what changed or was never cached, newest id first, a few at a time. Each batch of
// folders may be read ahead (by the store's read worker) while the batch before it is taken in.
// What it finds is reported in batches, with progress.
import { mapWithConcurrency } from '../../../common/async/map-with-concurrency';

/** What the scan needs from the store. */
export interface LibraryScanPort {
  /**
   * Of these folders, the ones whose cached entry no longer matches the files (or that have none),
   * checked off the event loop; null to have the scan check them here with `isUnchanged`.
   */
  changedAmong(ids: readonly string[]): Promise<ReadonlySet<string> | null>;
  /** The cached entry still matches the files (a synchronous stat; false when there is no entry). */
  isUnchanged(id: string): boolean;
  /**
   * Reads a batch of the folders to re-read ahead of `reread`, off the event loop (`stale` is how
   * many the whole scan re-reads). Never rejects; what it could not read, `reread` reads itself.
   */
  readAhead(ids: readonly string[], stale: number): Promise<void>;
  /** Re-reads one folder under the article's queue: 'updated', 'removed' or 'same'. */
  reread(id: string): Promise<'updated' | 'removed' | 'same'>;
  /** True once the store is closing: the scan stops taking new folders. */
  stopping(): boolean;
}

export interface ScanBatch {
  /** Articles read or corrected since the last batch. */
  updated: string[];
  /** Articles that were listed from the cache but are gone or unreadable. */
  removed: string[];
  done: number;
  total: number;
}

export interface ScanOutcome {
  reread: number;
  removed: number;
}

/** Folders checked per synchronous slice before the event loop gets a turn. */
const STAT_SLICE = 256;
const READ_CONCURRENCY = 32;
/** Articles per reported batch (the library.changed event carries at most 500 ids)... */
const BATCH = 500;
/** ...but the first batch is about a screen of rows, so a cold library shows rows early. */
const FIRST_BATCH = 50;

/** How many folders the scan reads and reports at a time: a first screen of rows, then larger batches. */
export interface ScanBatchSizes {
  first: number;
  size: number;
}

export async function scanLibrary(
  ids: readonly string[],
  port: LibraryScanPort,
  report: (batch: ScanBatch) => void,
  sizes: ScanBatchSizes = { first: FIRST_BATCH, size: BATCH },
): Promise<ScanOutcome> {
  if (!(sizes.first >= 1 && sizes.size >= 1)) throw new Error(`scanLibrary: batch sizes must be at least 1 (${sizes.first}, ${sizes.size})`);
  const total = ids.length;
  let done = 0;
  const stale: string[] = [];
  const changed = await port.changedAmong(ids);
  if (changed) {
    for (const id of ids) {
      if (changed.has(id)) stale.push(id);
      else done++;
    }
  } else {
    for (let start = 0; start < ids.length && !port.stopping(); start += STAT_SLICE) {
      for (const id of ids.slice(start, start + STAT_SLICE)) {
        if (port.isUnchanged(id)) done++;
        else stale.push(id);
      }
      await nextTurn();
    }
  }
  // Newest first: ids sort by creation time, so a cold library shows its newest rows first.
  stale.sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
  let updated: string[] = [];
  let removed: string[] = [];
  let limit = sizes.first;
  const outcome: ScanOutcome = { reread: 0, removed: 0 };
  const flush = (): void => {
    if (updated.length + removed.length > 0) limit = sizes.size;
    report({ updated, removed, done, total });
    updated = [];
    removed = [];
  };
  if (stale.length > 0) flush();
  // The first batch is a screen of rows, read here at once (it must not wait for a worker to start);
  // then larger ones, each asked for ahead when the batch before it is reached.
  const batches = batchesOf(stale, sizes.first, sizes.size);
  const ahead: Promise<void>[] = [Promise.resolve()];
  const askAhead = (batch: number): void => {
    if (batch < batches.length && !ahead[batch]) ahead[batch] = port.readAhead(batches[batch] as string[], stale.length);
  };
  await mapWithConcurrency(stale, READ_CONCURRENCY, async (id, index) => {
    // Closing: the folders not taken yet are left for the next start.
    if (port.stopping()) return;
    const batch = index < sizes.first ? 0 : 1 + Math.floor((index - sizes.first) / sizes.size);
    askAhead(batch);
    askAhead(batch + 1);
    await ahead[batch];
    if (port.stopping()) return;
    const result = await port.reread(id).catch(() => 'same' as const);
    done++;
    if (result === 'updated') {
      updated.push(id);
      outcome.reread++;
    } else if (result === 'removed') {
      removed.push(id);
      outcome.removed++;
    }
    if (updated.length + removed.length >= limit) flush();
  });
  await Promise.all(ahead);
  if (stale.length > 0) flush();
  return outcome;
}

function batchesOf(ids: readonly string[], first: number, size: number): string[][] {
  const batches: string[][] = [];
  let start = 0;
  while (start < ids.length) {
    const end = start + (batches.length === 0 ? first : size);
    batches.push(ids.slice(start, end));
    start = end;
  }
  return batches;
}

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
