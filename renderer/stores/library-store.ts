// Runs in: renderer. The library list: filters, search as you type (paged, newest query wins, one
// question out at a time), and the list-level actions. An answer that repeats a row or the filter
// menus keeps the objects already held, so only what changed renders again.
import type { Article, ArticleStatus, ArticleSummary } from '../../common/article';
import type { DatelineApi, LibraryProblem, ListFilter } from '../../common/contract';
import type { EventSubscription } from '../api/event-subscription';
import { createStore, type Store } from './create-store';
import { reuseStrings, reuseSummaries } from './reuse-unchanged';

/**
 * No wait before a search: the first key is asked at once, and keys typed while an answer is on its
 * way are asked together, once, for the newest words, when it arrives (at most one question is out).
 */
export const SEARCH_DEBOUNCE_MS = 0;
/** Rows asked for at a time: the first page is painted while the rest waits for scrolling. */
export const LIBRARY_PAGE_SIZE = 100;
/**
 * While the search index catches up and the event stream is down, a search is asked again this
 * often so its results fill in. With the stream live, `library.changed` (kind 'indexed') says when.
 */
export const INDEXING_RECHECK_MS = 1_000;

/** What the list shows; paging is the store's business. */
export type LibraryFilter = Omit<ListFilter, 'offset' | 'limit'>;

export interface LibraryState {
  filter: LibraryFilter;
  /**
   * The filter the list on screen answers (null before the first answer): what its count and empty
   * message speak of while a newer question is out.
   */
  answered: LibraryFilter | null;
  /** The pages loaded so far. */
  items: ArticleSummary[];
  /** Articles matching the filter, loaded or not. */
  matched: number;
  /** Articles the search index has still to index (0 when not searching). */
  indexing: number;
  /** While the services still read the library at start: folders read of all; null once done. */
  reading: { done: number; total: number } | null;
  sections: string[];
  tags: string[];
  total: number;
  loading: boolean;
  error: unknown;
  problems: LibraryProblem[];
  setQuery(query: string): void;
  setStatus(status: ArticleStatus | null): void;
  setSection(section: string | null): void;
  setTag(tag: string | null): void;
  setTrashed(trashed: boolean): void;
  /** Asks again from the first row, keeping as many rows as are loaded now. */
  refresh(): Promise<void>;
  /** Loads the next page, or up to row `until` (exclusive) when the reader scrolled further. */
  loadMore(until?: number): Promise<void>;
  loadProblems(): Promise<void>;
  dismissProblems(): void;
  create(language?: string): Promise<Article>;
  duplicate(id: string): Promise<Article>;
  trash(id: string): Promise<void>;
  restore(id: string): Promise<void>;
  purge(id: string): Promise<void>;
}

export type LibraryStore = Store<LibraryState>;

export interface LibraryStoreOptions {
  /** Waits this long after the last key before searching. @default SEARCH_DEBOUNCE_MS (none) */
  searchDebounceMs?: number;
  pageSize?: number;
  /** The event stream: while it is live the list waits for the 'indexed' event instead of asking again. */
  events?: Pick<EventSubscription, 'live' | 'onLiveChange'>;
}

export function createLibraryStore(api: DatelineApi, options: LibraryStoreOptions = {}): LibraryStore {
  const debounceMs = options.searchDebounceMs ?? SEARCH_DEBOUNCE_MS;
  const pageSize = options.pageSize ?? LIBRARY_PAGE_SIZE;
  const streamLive = (): boolean => options.events?.live ?? false;
  let searchTimer: ReturnType<typeof setTimeout> | null = null;
  let recheckTimer: ReturnType<typeof setTimeout> | null = null;
  /** Bumped by every new question: an answer to an older one is dropped. */
  let requestSeq = 0;
  let moreSeq = -1;
  /** Questions from the first row still unanswered, and whether a search waits for them to be answered. */
  let asking = 0;
  let searchWaits = false;

  return createStore<LibraryState>((set, get) => {
    const ask = async (rows: number): Promise<void> => {
      if (searchTimer !== null) clearTimeout(searchTimer);
      if (recheckTimer !== null) clearTimeout(recheckTimer);
      searchTimer = null;
      recheckTimer = null;
      // This question carries the newest filter: a search waiting for a turn has nothing left to ask.
      searchWaits = false;
      const seq = ++requestSeq;
      const filter = get().filter;
      if (!get().loading) set({ loading: true });
      asking++;
      try {
        const result = await api.call('library.list', { ...filter, offset: 0, limit: Math.min(10_000, Math.max(pageSize, rows)) });
        if (seq !== requestSeq) return;
        set((s) => ({
          answered: filter,
          items: reuseSummaries(s.items, result.items),
          matched: result.matched,
          indexing: result.indexing,
          reading: result.reading ?? null,
          sections: reuseStrings(s.sections, result.sections),
          tags: reuseStrings(s.tags, result.tags),
          total: result.total,
          loading: false,
          error: null,
        }));
        if (result.indexing > 0 && !streamLive()) recheckTimer = setTimeout(() => void ask(get().items.length), INDEXING_RECHECK_MS);
      } catch (error) {
        if (seq !== requestSeq) return;
        set({ loading: false, error });
      } finally {
        asking--;
        if (asking === 0 && searchWaits) void ask(pageSize);
      }
    };
    /** Searches for the words in the box now, or as soon as the question already out is answered. */
    const search = (): void => {
      if (asking > 0) searchWaits = true;
      else void ask(pageSize);
    };
    const refresh = (): Promise<void> => ask(get().items.length);
    // The stream went down while the index catches up: ask again now (and poll while it stays down);
    // it came back: stop polling, the 'indexed' event (or the resync refresh) brings the rest.
    options.events?.onLiveChange((live) => {
      if (get().indexing <= 0) return;
      if (!live && recheckTimer === null) void refresh();
      if (live && recheckTimer !== null) {
        clearTimeout(recheckTimer);
        recheckTimer = null;
      }
    });
    const setFilter = (patch: Partial<LibraryFilter>): void => {
      set((s) => ({ filter: { ...s.filter, ...patch } }));
      void ask(pageSize);
    };
    const loadMore = async (until = 0): Promise<void> => {
      const seq = requestSeq;
      const { items, matched, filter, answered } = get();
      // The rows on screen answer another filter while a newer question is out or waits its turn:
      // a next page now would be the newer words at the older rows' offset.
      if (moreSeq === seq || items.length >= matched || searchWaits || answered !== filter) return;
      moreSeq = seq;
      const limit = Math.min(10_000, Math.max(pageSize, until - items.length));
      try {
        const result = await api.call('library.list', { ...filter, offset: items.length, limit });
        // A newer question (a key typed, a filter changed, a refresh) owns the list now.
        if (seq !== requestSeq) return;
        // The library may have changed between pages: an article seen already is not listed twice.
        set((s) => {
          const seen = new Set(s.items.map((i) => i.id));
          return { items: [...s.items, ...result.items.filter((i) => !seen.has(i.id))], matched: result.matched, indexing: result.indexing, total: result.total };
        });
      } catch (error) {
        if (seq === requestSeq) set({ error });
      } finally {
        if (moreSeq === seq) moreSeq = -1;
      }
    };
    const afterChange = async (): Promise<void> => {
      await refresh();
    };

    return {
      filter: { query: '', status: null, section: null, tag: null, trashed: false },
      answered: null,
      items: [],
      matched: 0,
      indexing: 0,
      reading: null,
      sections: [],
      tags: [],
      total: 0,
      loading: false,
      error: null,
      problems: [],
      setQuery: (query) => {
        if (query === get().filter.query) return;
        set((s) => ({ filter: { ...s.filter, query }, loading: true }));
        // Answers still on their way are for words no longer in the box.
        requestSeq++;
        if (searchTimer !== null) clearTimeout(searchTimer);
        searchTimer = null;
        if (debounceMs > 0) searchTimer = setTimeout(search, debounceMs);
        else search();
      },
      setStatus: (status) => setFilter({ status }),
      setSection: (section) => setFilter({ section }),
      setTag: (tag) => setFilter({ tag }),
      setTrashed: (trashed) => {
        if (get().filter.trashed === trashed) return;
        setFilter({ trashed });
      },
      refresh,
      loadMore,
      loadProblems: async () => {
        const problems = await api.call('library.problems', {});
        set({ problems });
      },
      dismissProblems: () => set({ problems: [] }),
      create: async (language) => {
        const article = await api.call('articles.create', language ? { language } : {});
        void afterChange();
        return article;
      },
      duplicate: async (id) => {
        const article = await api.call('articles.duplicate', { id });
        await afterChange();
        return article;
      },
      trash: async (id) => {
        await api.call('articles.trash', { id });
        set((s) => ({ items: s.items.filter((i) => i.id !== id), matched: Math.max(0, s.matched - 1) }));
        await afterChange();
      },
      restore: async (id) => {
        await api.call('articles.restore', { id });
        set((s) => ({ items: s.items.filter((i) => i.id !== id), matched: Math.max(0, s.matched - 1) }));
        await afterChange();
      },
      purge: async (id) => {
        await api.call('articles.purge', { id });
        set((s) => ({ items: s.items.filter((i) => i.id !== id), matched: Math.max(0, s.matched - 1) }));
        await afterChange();
      },
    };
  });
}
