// Runs in: services. The start's background pass over the article folders, while the cached
// summaries are already served: checks each folder's stats against its cached entry (synchronously,
// a slice at a time, yielding between slices) and re-reads what changed or was never cached, newest
// id first, a few at a time. What it finds is reported in batches, with progress.
import { mapWithConcurrency } from '../../../common/async/map-with-concurrency';

/** What the scan needs from the store. */
export interface LibraryScanPort {
  /** The cached entry still matches the files (a synchronous stat; false when there is no entry). */
  isUnchanged(id: string): boolean;
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

export async function scanLibrary(ids: readonly string[], port: LibraryScanPort, report: (batch: ScanBatch) => void): Promise<ScanOutcome> {
  const total = ids.length;
  let done = 0;
  const stale: string[] = [];
  for (let start = 0; start < ids.length && !port.stopping(); start += STAT_SLICE) {
    for (const id of ids.slice(start, start + STAT_SLICE)) {
      if (port.isUnchanged(id)) done++;
      else stale.push(id);
    }
    await nextTurn();
  }
  // Newest first: ids sort by creation time, so a cold library shows its newest rows first.
  stale.sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
  let updated: string[] = [];
  let removed: string[] = [];
  let limit = FIRST_BATCH;
  const outcome: ScanOutcome = { reread: 0, removed: 0 };
  const flush = (): void => {
    if (updated.length + removed.length > 0) limit = BATCH;
    report({ updated, removed, done, total });
    updated = [];
    removed = [];
  };
  if (stale.length > 0) flush();
  await mapWithConcurrency(stale, READ_CONCURRENCY, async (id) => {
    // Closing: the folders not taken yet are left for the next start.
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
  if (stale.length > 0) flush();
  return outcome;
}

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
