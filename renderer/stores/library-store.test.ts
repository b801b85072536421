// Runs in: tests (node). The library list asks the services with the right filters, searches at once and keeps one question out.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ArticleSummary } from '../../common/article';
import { createFakeApi } from '../../tests/support/fake-api';
import type { ListFilter, ListResult } from '../../common/contract';
import { INDEXING_RECHECK_MS, SEARCH_DEBOUNCE_MS, createLibraryStore } from './library-store';
import { makeSummary } from '../../tests/fixtures/sample-summary';

function summary(id: string, headline: string, extra: Partial<ArticleSummary> = {}): ArticleSummary {
  return makeSummary(0, { id, headline, section: '', ...extra });
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
      const offset = filter.offset ?? 0;
      const page = items.slice(offset, filter.limit == null ? undefined : offset + filter.limit);
      return { items: page, matched: items.length, indexing: 0, sections: ['City', 'Politics', '国内'], tags: ['weather', '天气'], total: LIBRARY.length };
    },
    'articles.trash': (input) => ({ id: input.id }),
  });
}

function result(items: ArticleSummary[], extra: Partial<ListResult> = {}): ListResult {
  return { items, matched: items.length, indexing: 0, sections: [], tags: [], total: LIBRARY.length, ...extra };
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
    expect(api.callsTo('library.list').at(-1)).toEqual({ query: '', status: null, section: 'City', tag: 'weather', trashed: false, offset: 0, limit: 100 });
    expect(store.getState().items.map((i) => i.id)).toEqual(['a000000001']);
    store.getState().setStatus('approved');
    await vi.advanceTimersByTimeAsync(0);
    expect(store.getState().items).toEqual([]);
  });

  it('a slow, older answer never replaces a newer one', async () => {
    const resolvers: ((value: ListResult) => void)[] = [];
    const api = createFakeApi({ 'library.list': () => new Promise((resolve) => resolvers.push(resolve)) });
    const store = createLibraryStore(api);
    void store.getState().refresh();
    void store.getState().refresh();
    resolvers[1]?.(result([LIBRARY[2]!]));
    await vi.advanceTimersByTimeAsync(0);
    resolvers[0]?.(result(LIBRARY));
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

  it('searches as you type: the first key is asked at once, with no wait', async () => {
    expect(SEARCH_DEBOUNCE_MS).toBe(0);
    const api = fakeLibrary();
    const store = createLibraryStore(api);
    store.getState().setQuery('北');
    expect(api.callsTo('library.list')).toEqual([expect.objectContaining({ query: '北', offset: 0 })]);
    expect(store.getState().loading).toBe(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(store.getState().items.map((i) => i.headline)).toEqual(['北京暴雨']);
    expect(store.getState().loading).toBe(false);
  });

  it('keys typed while an answer is on its way make one more request, for the newest words only', async () => {
    const pending: { query: string; resolve: (value: ListResult) => void }[] = [];
    const api = createFakeApi({ 'library.list': (input) => new Promise((resolve) => pending.push({ query: input.query ?? '', resolve })) });
    const store = createLibraryStore(api);
    for (const partial of ['f', 'fl', 'flo', 'floo', 'flood']) {
      store.getState().setQuery(partial);
      await vi.advanceTimersByTimeAsync(50);
    }
    expect(pending.map((p) => p.query)).toEqual(['f']);
    pending[0]!.resolve(result([LIBRARY[0]!, LIBRARY[2]!]));
    await vi.advanceTimersByTimeAsync(0);
    // The answer for "f" is for words no longer in the box: it is not shown, and "flood" is asked.
    expect(store.getState().items).toEqual([]);
    expect(store.getState().loading).toBe(true);
    expect(pending.map((p) => p.query)).toEqual(['f', 'flood']);
    pending[1]!.resolve(result([LIBRARY[0]!]));
    await vi.advanceTimersByTimeAsync(0);
    expect(store.getState().items.map((i) => i.id)).toEqual(['a000000001']);
    expect(store.getState().loading).toBe(false);
    expect(api.callsTo('library.list')).toHaveLength(2);
  });

  it('scrolling while a newer search waits for its turn loads no page of the newer words onto the older rows', async () => {
    const pending: { query: string; offset: number; resolve: (value: ListResult) => void }[] = [];
    const api = createFakeApi({ 'library.list': (input) => new Promise((resolve) => pending.push({ query: input.query ?? '', offset: input.offset ?? 0, resolve })) });
    const store = createLibraryStore(api, { pageSize: 1 });
    store.getState().setQuery('f');
    pending[0]!.resolve(result([LIBRARY[0]!], { matched: 3 }));
    await vi.advanceTimersByTimeAsync(0);
    store.getState().setQuery('fl');
    store.getState().setQuery('flo');
    await vi.advanceTimersByTimeAsync(0);
    // "fl" is out; "flo" waits. The rows on screen answer "f": a next page must not be "flo" from offset 1.
    void store.getState().loadMore();
    await vi.advanceTimersByTimeAsync(0);
    expect(pending.map((p) => `${p.query}@${p.offset}`)).toEqual(['f@0', 'fl@0']);
    pending[1]!.resolve(result([LIBRARY[0]!]));
    await vi.advanceTimersByTimeAsync(0);
    expect(pending.map((p) => `${p.query}@${p.offset}`)).toEqual(['f@0', 'fl@0', 'flo@0']);
  });

  it('an answer that repeats rows and filter menus keeps the objects already held', async () => {
    const api = fakeLibrary();
    const store = createLibraryStore(api);
    await store.getState().refresh();
    const before = store.getState();
    store.getState().setQuery('Flood');
    await vi.advanceTimersByTimeAsync(0);
    const after = store.getState();
    expect(after.items).toHaveLength(1);
    expect(after.items[0]).toBe(before.items[0]);
    expect(after.sections).toBe(before.sections);
    expect(after.tags).toBe(before.tags);
    await store.getState().refresh();
    expect(store.getState().items).toBe(after.items);
  });

  it('an answer for words no longer in the box is dropped, even before the new request goes out', async () => {
    const pending = new Map<string, (value: ListResult) => void>();
    const api = createFakeApi({ 'library.list': (input) => new Promise((resolve) => pending.set(input.query ?? '', resolve)) });
    const store = createLibraryStore(api);
    store.getState().setQuery('bud');
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS);
    store.getState().setQuery('flood');
    pending.get('bud')?.(result([LIBRARY[2]!]));
    await vi.advanceTimersByTimeAsync(0);
    expect(store.getState().items).toEqual([]);
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS);
    pending.get('flood')?.(result([LIBRARY[0]!]));
    await vi.advanceTimersByTimeAsync(0);
    expect(store.getState().items.map((i) => i.id)).toEqual(['a000000001']);
  });

  it('pages: the first page comes first, more is appended on demand, and the count is of every match', async () => {
    const api = fakeLibrary();
    const store = createLibraryStore(api, { pageSize: 2 });
    await store.getState().refresh();
    expect(store.getState().items.map((i) => i.id)).toEqual(['a000000001', 'a000000002']);
    expect(store.getState().matched).toBe(3);
    await store.getState().loadMore();
    expect(api.callsTo('library.list').at(-1)).toMatchObject({ offset: 2, limit: 2 });
    expect(store.getState().items.map((i) => i.id)).toEqual(['a000000001', 'a000000002', 'a000000003']);
    expect(store.getState().matched).toBe(3);
    await store.getState().loadMore();
    expect(api.callsTo('library.list')).toHaveLength(2);
    // A refresh after an action keeps as many rows as were loaded.
    await store.getState().refresh();
    expect(api.callsTo('library.list').at(-1)).toMatchObject({ offset: 0, limit: 3 });
  });

  it('a page still loading for an older query is never appended to a newer one', async () => {
    const pending: { input: Partial<ListFilter>; resolve: (value: ListResult) => void }[] = [];
    const api = createFakeApi({ 'library.list': (input) => new Promise((resolve) => pending.push({ input, resolve })) });
    const store = createLibraryStore(api, { pageSize: 1 });
    const first = store.getState().refresh();
    pending[0]!.resolve(result([LIBRARY[0]!], { matched: 3 }));
    await first;
    const more = store.getState().loadMore();
    store.getState().setQuery('budget');
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS);
    pending[2]!.resolve(result([LIBRARY[2]!]));
    await vi.advanceTimersByTimeAsync(0);
    pending[1]!.resolve(result([LIBRARY[1]!], { matched: 3 }));
    await more;
    expect(pending[1]!.input).toMatchObject({ query: '', offset: 1 });
    expect(store.getState().items.map((i) => i.id)).toEqual(['a000000003']);
    expect(store.getState().matched).toBe(1);
  });

  it('while the search index catches up, the search is asked again until it is complete', async () => {
    let indexing = 40;
    const api = createFakeApi({ 'library.list': () => result([LIBRARY[0]!], { indexing }) });
    const store = createLibraryStore(api);
    store.getState().setQuery('flood');
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS);
    expect(store.getState().indexing).toBe(40);
    indexing = 0;
    await vi.advanceTimersByTimeAsync(INDEXING_RECHECK_MS);
    expect(api.callsTo('library.list')).toHaveLength(2);
    expect(store.getState().indexing).toBe(0);
    await vi.advanceTimersByTimeAsync(INDEXING_RECHECK_MS * 3);
    expect(api.callsTo('library.list')).toHaveLength(2);
  });

  describe('with the event stream', () => {
    function fakeStream(live: boolean) {
      const handlers: ((live: boolean) => void)[] = [];
      const stream = {
        live,
        onLiveChange(handler: (next: boolean) => void) {
          handlers.push(handler);
          return () => undefined;
        },
        set(next: boolean) {
          stream.live = next;
          for (const handler of handlers) handler(next);
        },
      };
      return stream;
    }

    it('while it is live, "still indexing" waits for the indexed event instead of asking every second', async () => {
      const api = createFakeApi({ 'library.list': () => result([LIBRARY[0]!], { indexing: 40 }) });
      const store = createLibraryStore(api, { events: fakeStream(true) });
      store.getState().setQuery('flood');
      await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS);
      expect(store.getState().indexing).toBe(40);
      await vi.advanceTimersByTimeAsync(INDEXING_RECHECK_MS * 5);
      expect(api.callsTo('library.list')).toHaveLength(1);
    });

    it('asks again as soon as the stream goes down, polls while it stays down, and stops when it is back', async () => {
      const api = createFakeApi({ 'library.list': () => result([LIBRARY[0]!], { indexing: 40 }) });
      const stream = fakeStream(true);
      const store = createLibraryStore(api, { events: stream });
      store.getState().setQuery('flood');
      await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS);
      stream.set(false);
      await vi.advanceTimersByTimeAsync(0);
      expect(api.callsTo('library.list')).toHaveLength(2);
      await vi.advanceTimersByTimeAsync(INDEXING_RECHECK_MS);
      expect(api.callsTo('library.list')).toHaveLength(3);
      stream.set(true);
      await vi.advanceTimersByTimeAsync(INDEXING_RECHECK_MS * 5);
      expect(api.callsTo('library.list')).toHaveLength(3);
    });
  });
});
