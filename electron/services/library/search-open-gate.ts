// Runs in: services. When the search index starts loading. Loading it takes about a second of CPU
// at 10,000 articles, and the app's window boots in the same seconds: so it opens once the first
// list has been answered, at once when a search or a change needs it sooner, and at the latest a
// short while after start (nobody asked for a list).
export const SEARCH_OPEN_LATEST_MS = 2_000;

export interface SearchOpenGate {
  /** Opens the index now (the first call only). */
  now(): void;
  /** Opens it on the next turn of the event loop, once the answer in hand has gone out. */
  afterThisAnswer(): void;
  /** Drops the timer: the services close. */
  cancel(): void;
}

export function createSearchOpenGate(open: () => void, latestMs = SEARCH_OPEN_LATEST_MS): SearchOpenGate {
  let opened = false;
  const now = (): void => {
    if (opened) return;
    opened = true;
    clearTimeout(latest);
    open();
  };
  const latest = setTimeout(now, latestMs);
  latest.unref();
  return {
    now,
    afterThisAnswer: () => {
      if (!opened) setImmediate(now);
    },
    cancel: () => clearTimeout(latest),
  };
}
