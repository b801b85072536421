// Runs in: services. What the search schedule drives: the index in its worker thread, or the same
// index in the services' own thread when no worker can run. Every answer is asynchronous.
import type { Article } from '../../../common/article';
import type { IndexedSummary, PersistentSearchIndex, SearchChange } from './persistent-search-index';
import type { SearchAnswer, SearchPage } from './search-page';

/** The library as the index catches up with it. */
export interface IndexLibrary {
  list(): readonly IndexedSummary[];
  get(id: string): Promise<Article>;
}

export interface ScheduledIndex {
  /** Indexes saved, trashed or purged articles and records them in the index's log. */
  update(changes: Iterable<SearchChange>): void;
  /** Ids best match first (only a page of them when asked), how many articles are not searchable yet, and how many the index holds. */
  query(query: string, page?: SearchPage): Promise<SearchAnswer>;
  /** Brings the index in line with the library in the background; resolves when caught up. */
  catchUp(library: IndexLibrary): Promise<void>;
  close(): Promise<void>;
}

/** The index in the services' own thread: catching up reads articles through the library. */
export function inProcessIndex(index: PersistentSearchIndex): ScheduledIndex {
  return {
    update: (changes) => index.update(changes),
    query: (query, page) => index.query(query, page),
    catchUp: (library) => index.catchUp(library.list(), (id) => library.get(id)),
    close: () => index.close(),
  };
}
