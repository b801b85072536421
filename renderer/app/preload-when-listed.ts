// Runs in: renderer. Once the library has answered its first question (and its rows are painted),
// the article screen's chunk (the editor) loads in idle time, so opening the first story does not
// wait for it, and the first paint did not either.
import type { LibraryState, LibraryStore } from '../stores/library-store';

function whenIdle(run: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => run());
  else setTimeout(run, 0);
}

/** Calls `preload` once, in idle time after the first answer (or failure) of the library; returns an unsubscribe for before then. */
export function preloadWhenListed(library: LibraryStore, preload: () => Promise<unknown>, idle: (run: () => void) => void = whenIdle): () => void {
  let scheduled = false;
  const check = (state: LibraryState): void => {
    if (scheduled || (state.answered === null && state.error === null)) return;
    scheduled = true;
    unsubscribe();
    idle(() => void preload().catch(() => undefined));
  };
  const unsubscribe = library.subscribe(check);
  check(library.getState());
  return unsubscribe;
}
