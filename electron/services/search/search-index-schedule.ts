// Runs in: services. When the search index follows the library: changes are batched, because
// re-tokenising a 100,000-word article costs about half a second, far too much to repeat on every
// autosave. A batch goes in once writing has been quiet a while (or a deadline passed), and at once
// when someone searches; each batch is indexed and appended to the index's log, never rebuilt.
import type { Logger } from '../log/logger';
import type { SearchChange } from './persistent-search-index';
import type { IndexLibrary, ScheduledIndex } from './scheduled-index';
import type { SearchPage } from './search-page';

/** Autosave runs about once a second while someone types: index an article once it has been quiet this long. */
export const INDEX_QUIET_MS = 4_000;
/** ...but never later than this after its first unindexed change. */
export const INDEX_MAX_WAIT_MS = 20_000;

export type { ScheduledIndex } from './scheduled-index';

export interface SearchIndexScheduleOptions {
  logger: Logger;
  /** Announced once every article is searchable (the library stops saying "still indexing"). */
  onIndexed(): void;
  quietMs?: number;
  maxWaitMs?: number;
}

export interface SearchIndexSchedule {
  /** A saved, trashed or purged article: indexed with the next batch. */
  changed(change: SearchChange): void;
  /**
   * Opens the index at once and catches it up with the library in the background once `listed`
   * says the library's list is complete (catching up drops what the list lacks); false skips it.
   * Searches wait only for the opening, and answer from the index as it is meanwhile.
   */
  open(openIndex: () => Promise<ScheduledIndex>, library: IndexLibrary, listed?: Promise<boolean>): void;
  /**
   * The ids that match (with a page, its first ids and `total`), with every change saved so far
   * indexed; `indexing` counts what is not searchable yet.
   */
  search(query: string, libraryCount: () => number, page?: SearchPage): Promise<{ hits: string[]; indexing: number; total?: number }>;
  /** True once the index has caught up with the library's complete list (it then holds exactly its articles). */
  caughtUp(): boolean;
  /** Indexes what waits and closes the index. */
  close(): Promise<void>;
}

export function createSearchIndexSchedule(options: SearchIndexScheduleOptions): SearchIndexSchedule {
  const quietMs = options.quietMs ?? INDEX_QUIET_MS;
  const maxWaitMs = options.maxWaitMs ?? INDEX_MAX_WAIT_MS;
  let index: ScheduledIndex | null = null;
  let opened: Promise<ScheduledIndex | null> = Promise.resolve(null);
  /**
   * Until catching up has finished the index cannot know the library (after an upgrade it is empty
   * and counts nothing as pending): what the library has beyond what the index holds is not searchable yet.
   */
  let caughtUp = false;
  const pending = new Map<string, SearchChange>();
  let timer: NodeJS.Timeout | null = null;
  let deadline = 0;

  const flush = (): void => {
    if (timer) clearTimeout(timer);
    timer = null;
    deadline = 0;
    if (!index || pending.size === 0) return;
    index.update(pending.values());
    pending.clear();
  };

  return {
    changed(change) {
      pending.set(change.kind === 'upsert' ? change.article.id : change.id, change);
      const now = Date.now();
      if (deadline === 0) deadline = now + maxWaitMs;
      if (timer) clearTimeout(timer);
      timer = setTimeout(flush, Math.max(0, Math.min(quietMs, deadline - now)));
      timer.unref();
    },
    open(openIndex, library, listed = Promise.resolve(true)) {
      opened = openIndex()
        .then((ready) => {
          index = ready;
          void listed
            .then(async (complete) => {
              if (!complete) return;
              await ready.catchUp(library);
              caughtUp = true;
              options.onIndexed();
            })
            .catch((error: unknown) => options.logger.warn('[services] search index catch-up failed:', error));
          flush();
          return ready;
        })
        .catch((error: unknown) => {
          options.logger.warn('[services] could not open the search index:', error);
          return null;
        });
    },
    async search(query, libraryCount, page) {
      const ready = await opened;
      // A search sees every saved change, even one still waiting to be indexed.
      flush();
      if (!ready) return { hits: [], indexing: libraryCount(), ...(page ? { total: 0 } : {}) };
      const answer = await ready.query(query, page);
      const indexing = caughtUp ? answer.pending : Math.max(answer.pending, libraryCount() - answer.indexed);
      return { hits: answer.hits, indexing, ...(answer.total === undefined ? {} : { total: answer.total }) };
    },
    caughtUp: () => caughtUp,
    async close() {
      await opened;
      flush();
      await index?.close();
    },
  };
}
