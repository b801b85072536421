// Runs in: tests (node). The library list asks the services with the right filters, and searches once per pause.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ArticleSummary } from '../../common/article';
import type { ListFilter } from '../../common/contract';
import { createFakeApi } from '../test-support/fake-api';
import { createLibraryStore } from './library-store';

function summary(id: string, headline: string, extra: Partial<ArticleSummary> = {}): ArticleSummary {
  return {
    id,
    headline,
    status: 'draft',
    section: '',
    tags: [],
    bylines: [],
    language: 'en',
    updatedAt: '2026-11-25T09:00:00Z',
    createdAt: '2026-11-25T09:00:00Z',
    trashedAt: null,
    ...extra,
  };
}

const LIBRARY = [
  summary('a000000001', 'Flood closes bridge', { section: 'City', tags: ['weather'] }),
  summary('a000000002', '北京暴雨', { section: '国内', tags: ['天气'], language: 'zh-CN' }),
  summary('a000000003', 'Budget vote', { section: 'Politics', status: 'approved' }),
];

function fakeLibrary() {
  return createFakeApi({
    'library.list': (input) => {
      const filter = input as ListFilter;
      const items = LIBRARY.filter(
        (item) =>
          (!filter.query || item.headline.includes(filter.query)) &&
          (!filter.status || item.status === filter.status) &&
          (!filter.section || item.section === filter.section) &&
          (!filter.tag || item.tags.includes(filter.tag)),
      );
      return { items, sections: ['City', 'Politics', '国内'], tags: ['weather', '天气'], total: items.length };
    },
    'articles.trash': (input) => ({ id: input.id }),
  });
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('library store', () => {
  it('loads the list with the sections and tags for the filter menus', async () => {
    const store = createLibraryStore(fakeLibrary());
    await store.getState().refresh();
    expect(store.getState().items.map((i) => i.id)).toEqual(['a000000001', 'a000000002', 'a000000003']);
    expect(store.getState().sections).toEqual(['City', 'Politics', '国内']);
    expect(store.getState().tags).toEqual(['weather', '天气']);
  });

  it('typing a search asks the services once, after the reporter pauses', async () => {
    const api = fakeLibrary();
    const store = createLibraryStore(api, { searchDebounceMs: 150 });
    for (const partial of ['北', '北京', '北京暴', '北京暴雨']) {
      store.getState().setQuery(partial);
      await vi.advanceTimersByTimeAsync(50);
    }
    expect(store.getState().filter.query).toBe('北京暴雨');
    expect(api.callsTo('library.list')).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(150);
    expect(api.callsTo('library.list')).toHaveLength(1);
    expect(api.callsTo('library.list')[0]).toMatchObject({ query: '北京暴雨' });
    expect(store.getState().items.map((i) => i.headline)).toEqual(['北京暴雨']);
  });

  it('status, section and tag filters combine and are sent together', async () => {
    const api = fakeLibrary();
    const store = createLibraryStore(api);
    store.getState().setSection('City');
    store.getState().setTag('weather');
    await vi.advanceTimersByTimeAsync(0);
    expect(api.callsTo('library.list').at(-1)).toEqual({ query: '', status: null, section: 'City', tag: 'weather', trashed: false });
    expect(store.getState().items.map((i) => i.id)).toEqual(['a000000001']);
    store.getState().setStatus('approved');
    await vi.advanceTimersByTimeAsync(0);
    expect(store.getState().items).toEqual([]);
  });

  it('a slow, older answer never replaces a newer one', async () => {
    const resolvers: ((value: { items: ArticleSummary[]; sections: string[]; tags: string[]; total: number }) => void)[] = [];
    const api = createFakeApi({ 'library.list': () => new Promise((resolve) => resolvers.push(resolve)) });
    const store = createLibraryStore(api);
    void store.getState().refresh();
    void store.getState().refresh();
    resolvers[1]?.({ items: [LIBRARY[2]!], sections: [], tags: [], total: 1 });
    await vi.advanceTimersByTimeAsync(0);
    resolvers[0]?.({ items: LIBRARY, sections: [], tags: [], total: 3 });
    await vi.advanceTimersByTimeAsync(0);
    expect(store.getState().items.map((i) => i.id)).toEqual(['a000000003']);
  });

  it('moving an article to the trash removes it and refreshes the list', async () => {
    const api = fakeLibrary();
    const store = createLibraryStore(api);
    await store.getState().refresh();
    await store.getState().trash('a000000002');
    expect(api.callsTo('articles.trash')).toEqual([{ id: 'a000000002' }]);
    expect(api.callsTo('library.list')).toHaveLength(2);
  });

  it('the trash view lists trashed articles', async () => {
    const api = fakeLibrary();
    const store = createLibraryStore(api);
    store.getState().setTrashed(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(api.callsTo('library.list').at(-1)).toMatchObject({ trashed: true });
  });
});
