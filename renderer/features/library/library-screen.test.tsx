// @vitest-environment happy-dom
// Runs in: tests (happy-dom). A desk with 10,000 stories: the list stays small in the DOM and drivable by name.
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ArticleSummary } from '../../../common/article';
import { StoresContext } from '../../stores/stores-context';
import { useI18nStore } from '../../i18n/i18n-store';
import { createAppStores } from '../../stores/app-stores';
import { createFakeApi } from '../../../tests/support/fake-api';
import { testEventConnection } from '../../../tests/support/test-event-connection';
import { createEventSubscription } from '../../api/event-subscription';
import { LibraryScreen } from './library-screen';
import { makeSummary } from '../../../tests/fixtures/sample-summary';

function summaries(count: number): ArticleSummary[] {
  return Array.from({ length: count }, (_, i) => makeSummary(i, { headline: i === 0 ? '' : `Story ${i}`, tags: ['weather'], bylines: ['Li Wei'] }));
}

afterEach(cleanup);

async function renderLibrary(items: ArticleSummary[], indexing = { value: 0 }, reading: { value: { done: number; total: number } | null } = { value: null }) {
  useI18nStore.getState().setLocale('en');
  const api = createFakeApi({
    'library.list': (filter) => {
      const matching = items.filter((item) => item.headline.includes(filter.query ?? ''));
      const offset = filter.offset ?? 0;
      return {
        items: matching.slice(offset, filter.limit == null ? undefined : offset + filter.limit),
        matched: matching.length,
        indexing: indexing.value,
        sections: ['City'],
        tags: ['weather'],
        total: items.length,
        ...(reading.value ? { reading: reading.value } : {}),
      };
    },
    'articles.trash': (input) => ({ id: input.id }),
    'articles.restore': (input) => ({ id: input.id }),
  });
  const stores = createAppStores(api);
  await act(async () => {
    await stores.library.getState().refresh();
  });
  render(
    <StoresContext.Provider value={stores}>
      <LibraryScreen trashed={false} onCommand={() => undefined} />
    </StoresContext.Provider>,
  );
  return { api, stores };
}

describe('library screen', () => {
  it('renders only the visible rows of 10,000 articles', async () => {
    await renderLibrary(summaries(10_000));
    const list = screen.getByRole('list', { name: 'Articles' });
    const rows = within(list).getAllByRole('listitem');
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(100);
    expect(rows[0]?.getAttribute('aria-setsize')).toBe('10000');
    expect(screen.getByText('10,000 articles')).toBeTruthy();
  });

  it('scrolling far down shows the rows there', async () => {
    await renderLibrary(summaries(10_000));
    const list = screen.getByRole('list', { name: 'Articles' });
    Object.defineProperty(list, 'scrollTop', { value: 64 * 5000, configurable: true });
    fireEvent.scroll(list);
    // Rows past the first page are loaded when scrolled to.
    expect(await screen.findByRole('button', { name: 'Open "Story 5001"' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Open "Story 1"' })).toBeNull();
  });

  it('an untitled article is named "Untitled" and each action names its headline', async () => {
    const { api } = await renderLibrary(summaries(3));
    expect(screen.getByRole('button', { name: 'Open "Untitled"' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Duplicate "Story 1"' })).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Move to trash "Story 2"' }));
    });
    expect(api.callsTo('articles.trash')).toEqual([{ id: 'a0000000002' }]);
  });

  it('moving to the trash can be undone from its notice, and a second trash replaces the first notice', async () => {
    const { api, stores } = await renderLibrary(summaries(3));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Move to trash "Story 1"' }));
    });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Move to trash "Story 2"' }));
    });
    const notices = stores.ui.getState().notices.filter((n) => n.message.includes('to the trash'));
    expect(notices.map((n) => n.message)).toEqual(['Moved "Story 2" to the trash.']);
    await act(async () => {
      notices[0]!.action!.run();
    });
    expect(api.callsTo('articles.restore')).toEqual([{ id: 'a0000000002' }]);
    expect(stores.ui.getState().notices.some((n) => n.message.includes('to the trash'))).toBe(false);
  });

  it('the filters and search box are found by their labels', async () => {
    await renderLibrary(summaries(3));
    expect(screen.getByRole('searchbox', { name: 'Search articles' })).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Status' })).toBeTruthy();
    expect(within(screen.getByRole('combobox', { name: 'Section' })).getByRole('option', { name: 'City' })).toBeTruthy();
    expect(within(screen.getByRole('combobox', { name: 'Tag' })).getByRole('option', { name: 'weather' })).toBeTruthy();
  });

  it('an empty library says how to start, not that nothing matches', async () => {
    await renderLibrary([]);
    expect(screen.getByRole('heading', { name: 'No articles yet' })).toBeTruthy();
    expect(screen.getByText(/Start your first story with “New article”/)).toBeTruthy();
    expect(screen.queryByText(/match/)).toBeNull();
  });

  it('a search narrows the count with the list, and finding nothing says so', async () => {
    const { stores } = await renderLibrary(summaries(10_000));
    await act(async () => {
      stores.library.getState().setQuery('Story 999');
      await stores.library.getState().refresh();
    });
    expect(screen.getByText('11 of 10,000 articles')).toBeTruthy();
    await act(async () => {
      stores.library.getState().setQuery('no such story');
      await stores.library.getState().refresh();
    });
    expect(screen.getByRole('heading', { name: 'No articles match' })).toBeTruthy();
    expect(screen.getByText('0 of 10,000 articles')).toBeTruthy();
  });

  it('the count is of every match, not of the page loaded so far', async () => {
    const { api, stores } = await renderLibrary(summaries(10_000));
    expect(stores.library.getState().items.length).toBeLessThan(10_000);
    expect(api.callsTo('library.list').at(-1)).toMatchObject({ offset: 0, limit: 100 });
    await act(async () => {
      stores.library.getState().setQuery('Story 1');
      await stores.library.getState().refresh();
    });
    expect(stores.library.getState().items).toHaveLength(100);
    expect(screen.getByText('1,111 of 10,000 articles')).toBeTruthy();
    expect(within(screen.getByRole('list', { name: 'Articles' })).getAllByRole('listitem')[0]?.getAttribute('aria-setsize')).toBe('1111');
  });

  it('says how many articles the search index is still indexing, in both languages', async () => {
    const indexing = { value: 1234 };
    const { stores } = await renderLibrary(summaries(30), indexing);
    expect(screen.queryByRole('status')).toBeNull();
    await act(async () => {
      stores.library.getState().setQuery('Story');
      await stores.library.getState().refresh();
    });
    expect(screen.getByRole('status').textContent).toBe('Still indexing 1,234 articles: the search may miss them for now.');
    await act(async () => {
      useI18nStore.getState().setLocale('zh-CN');
    });
    expect(screen.getByRole('status').textContent).toBe('仍在为 1,234 篇稿件建立索引，暂时可能搜不到它们。');
    indexing.value = 0;
    await act(async () => {
      await stores.library.getState().refresh();
    });
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('a story arriving from elsewhere appears on its own: library.changed refreshes the list once per burst', async () => {
    useI18nStore.getState().setLocale('en');
    const items = summaries(2);
    const api = createFakeApi({ 'library.list': () => ({ items: [...items], matched: items.length, indexing: 0, sections: [], tags: [], total: items.length }) });
    const connection = testEventConnection();
    const stores = createAppStores(api, createEventSubscription(connection));
    connection.open();
    await act(async () => {
      await stores.library.getState().refresh();
    });
    render(
      <StoresContext.Provider value={stores}>
        <LibraryScreen trashed={false} onCommand={() => undefined} />
      </StoresContext.Provider>,
    );
    const listed = api.callsTo('library.list').length;
    items.push({ ...summaries(3)[2]!, headline: 'Copied from the hub' });
    act(() => {
      connection.deliver({ name: 'library.changed', payload: { kind: 'saved', ids: [items[2]!.id] } });
      connection.deliver({ name: 'library.changed', payload: { kind: 'saved', ids: [items[2]!.id] } });
    });
    expect(await screen.findByText('Copied from the hub')).toBeTruthy();
    expect(api.callsTo('library.list').length).toBe(listed + 1);
  });
  it('says how far a cold library is read while it is read, and the rows so far; nothing once done', async () => {
    const items: ArticleSummary[] = [];
    const reading: { value: { done: number; total: number } | null } = { value: { done: 0, total: 12_000 } };
    const { stores } = await renderLibrary(items, { value: 0 }, reading);
    expect(screen.getByRole('status').textContent).toBe('Reading the library: 0 of 12,000');
    expect(screen.queryByText('No articles yet')).toBeNull();

    items.push(makeSummary(1), makeSummary(2));
    reading.value = { done: 2_500, total: 12_000 };
    await act(async () => {
      await stores.library.getState().refresh();
    });
    expect(screen.getByRole('status').textContent).toBe('Reading the library: 2,500 of 12,000');
    expect(screen.getByText('Story 1')).toBeTruthy();
    await act(async () => {
      useI18nStore.getState().setLocale('zh-CN');
    });
    expect(screen.getByRole('status').textContent).toBe('正在读取稿件库：2,500 / 12,000');

    reading.value = null;
    await act(async () => {
      await stores.library.getState().refresh();
    });
    expect(screen.queryByRole('status')).toBeNull();
  });
});
