// Runs in: renderer. The library list: filters, debounced search, and the list-level actions.
import type { Article, ArticleStatus, ArticleSummary } from '../../common/article';
import type { DatelineApi, LibraryProblem, ListFilter } from '../../common/contract';
import { createStore, type Store } from './create-store';

export const SEARCH_DEBOUNCE_MS = 150;

export interface LibraryState {
  filter: ListFilter;
  items: ArticleSummary[];
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
  refresh(): Promise<void>;
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
  searchDebounceMs?: number;
}

export function createLibraryStore(api: DatelineApi, options: LibraryStoreOptions = {}): LibraryStore {
  const debounceMs = options.searchDebounceMs ?? SEARCH_DEBOUNCE_MS;
  let searchTimer: ReturnType<typeof setTimeout> | null = null;
  let requestSeq = 0;

  return createStore<LibraryState>((set, get) => {
    const refresh = async (): Promise<void> => {
      if (searchTimer !== null) clearTimeout(searchTimer);
      searchTimer = null;
      const seq = ++requestSeq;
      const filter = get().filter;
      set({ loading: true });
      try {
        const result = await api.call('library.list', filter);
        if (seq !== requestSeq) return;
        set({ items: result.items, sections: result.sections, tags: result.tags, total: result.total, loading: false, error: null });
      } catch (error) {
        if (seq !== requestSeq) return;
        set({ loading: false, error });
      }
    };
    const setFilter = (patch: Partial<ListFilter>): void => {
      set((s) => ({ filter: { ...s.filter, ...patch } }));
      void refresh();
    };
    const afterChange = async (): Promise<void> => {
      await refresh();
    };

    return {
      filter: { query: '', status: null, section: null, tag: null, trashed: false },
      items: [],
      sections: [],
      tags: [],
      total: 0,
      loading: false,
      error: null,
      problems: [],
      setQuery: (query) => {
        set((s) => ({ filter: { ...s.filter, query } }));
        if (searchTimer !== null) clearTimeout(searchTimer);
        searchTimer = setTimeout(() => void refresh(), debounceMs);
      },
      setStatus: (status) => setFilter({ status }),
      setSection: (section) => setFilter({ section }),
      setTag: (tag) => setFilter({ tag }),
      setTrashed: (trashed) => {
        if (get().filter.trashed === trashed) return;
        setFilter({ trashed });
      },
      refresh,
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
        set((s) => ({ items: s.items.filter((i) => i.id !== id) }));
        await afterChange();
      },
      restore: async (id) => {
        await api.call('articles.restore', { id });
        set((s) => ({ items: s.items.filter((i) => i.id !== id) }));
        await afterChange();
      },
      purge: async (id) => {
        await api.call('articles.purge', { id });
        set((s) => ({ items: s.items.filter((i) => i.id !== id) }));
        await afterChange();
      },
    };
  });
}
