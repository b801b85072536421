// @vitest-environment happy-dom
// Runs in: tests (happy-dom). A reporter searches a desk of 10,000 stories as she types: a key
// renders the search box, the count and the rows that changed, not the whole screen; the count
// always speaks of the list on screen, in both languages; a pinyin composition is searched once,
// when it commits.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ArticleSummary } from '../../../common/article';
import type { ListFilter, ListResult } from '../../../common/contract';
import { StoresContext } from '../../stores/stores-context';
import { useI18nStore } from '../../i18n/i18n-store';
import { createAppStores } from '../../stores/app-stores';
import { createFakeApi } from '../../../tests/support/fake-api';
import { LibraryScreen } from './library-screen';
import { makeSummary } from '../../../tests/fixtures/sample-summary';

// Every library row shows one status badge: counting the badges counts the rows rendered, in the
// code as it is and as it was.
const badges = vi.hoisted(() => ({ rendered: 0 }));
vi.mock('../status/status-badge', async (importOriginal) => {
  const real = await importOriginal<typeof import('../status/status-badge')>();
  return {
    StatusBadge: (props: Parameters<typeof real.StatusBadge>[0]) => {
      badges.rendered += 1;
      return real.StatusBadge(props);
    },
  };
});

const STORIES: ArticleSummary[] = Array.from({ length: 10_000 }, (_, i) => makeSummary(i, { headline: i === 0 ? 'Untitled draft' : `Story ${i}`, tags: ['weather'], bylines: ['Li Wei'] }));

function answer(filter: Partial<ListFilter>): ListResult {
  // Each answer is a fresh copy, as one parsed from the wire is.
  const matching = STORIES.filter((item) => item.headline.includes(filter.query ?? '')).map((item) => ({ ...item, tags: [...item.tags], bylines: [...item.bylines] }));
  const offset = filter.offset ?? 0;
  return {
    items: matching.slice(offset, filter.limit == null ? undefined : offset + filter.limit),
    matched: matching.length,
    indexing: 0,
    sections: ['City'],
    tags: ['weather'],
    total: STORIES.length,
  };
}

/** The library on screen; `hold` keeps each answer back until the test lets it go. */
async function renderLibrary(hold = false) {
  const held: { query: string; release: () => void }[] = [];
  const api = createFakeApi({
    'library.list': (filter) =>
      hold ? new Promise((resolve) => held.push({ query: filter.query ?? '', release: () => resolve(answer(filter)) })) : answer(filter),
  });
  const stores = createAppStores(api);
  const first = stores.library.getState().refresh();
  held.shift()?.release();
  await act(() => first);
  render(
    <StoresContext.Provider value={stores}>
      <LibraryScreen trashed={false} onCommand={() => undefined} />
    </StoresContext.Provider>,
  );
  const box = screen.getByRole('searchbox', { name: 'Search articles' });
  return { api, stores, held, box };
}

const count = () => document.querySelector('.list-count');

beforeEach(() => {
  useI18nStore.getState().setLocale('en');
  window.__datelineRenderProbe = {};
  badges.rendered = 0;
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  delete window.__datelineRenderProbe;
});

describe('searching the library as you type', () => {
  it('a key renders the search box, the count and the rows that came into view, not the screen, the menus or every row', async () => {
    const { api, box } = await renderLibrary();
    expect(screen.getByText('Story 1')).toBeTruthy();
    const rowsInView = document.querySelectorAll('[role="listitem"]').length;
    badges.rendered = 0;
    window.__datelineRenderProbe = {};
    // "S" matches every story but the untitled draft: the list moves up one row.
    await act(async () => {
      fireEvent.change(box, { target: { value: 'S' } });
    });
    expect(await screen.findByText('9,999 of 10,000 articles')).toBeTruthy();
    expect(api.callsTo('library.list').at(-1)).toMatchObject({ query: 'S', offset: 0 });
    expect(screen.queryByText('Untitled draft')).toBeNull();
    // One row came into view; the rest were on screen already and are left alone.
    expect(badges.rendered).toBe(1);
    const probe = window.__datelineRenderProbe ?? {};
    expect(probe.ArticleRow).toBe(1);
    expect(probe.LibraryScreen ?? 0).toBe(0);
    expect(probe.LibraryFilterMenu ?? 0).toBe(0);
    expect(probe.LibraryList).toBe(1);
    expect(probe.SearchBox).toBe(1);
    expect(probe.ListCount).toBeLessThanOrEqual(2);
    expect(document.querySelectorAll('[role="listitem"]').length).toBe(rowsInView);
  });

  it('a key that brings all new rows renders each row in view once', async () => {
    const { box } = await renderLibrary();
    const rowsInView = document.querySelectorAll('[role="listitem"]').length;
    badges.rendered = 0;
    await act(async () => {
      fireEvent.change(box, { target: { value: 'Story 9' } });
    });
    expect(await screen.findByText('1,111 of 10,000 articles')).toBeTruthy();
    expect(badges.rendered).toBeLessThanOrEqual(rowsInView);
  });

  it.each([
    ['en', '10,000 articles', '11 of 10,000 articles', '1 of 10,000 articles'],
    ['zh-CN', '共 10,000 篇稿件', '显示 11 篇，共 10,000 篇稿件', '显示 1 篇，共 10,000 篇稿件'],
  ] as const)('the count speaks of the list on screen while a search narrows it (%s)', async (locale, all, eleven, one) => {
    const { held, box } = await renderLibrary(true);
    await act(async () => {
      useI18nStore.getState().setLocale(locale);
    });
    expect(count()?.textContent).toBe(all);
    await act(async () => {
      fireEvent.change(box, { target: { value: 'Story 999' } });
    });
    // The question is out: the count still counts the list shown (all of it), busy; never "10,000 of 10,000".
    expect(count()?.getAttribute('aria-busy')).toBe('true');
    expect(count()?.textContent).toBe(all);
    await act(async () => held.shift()?.release());
    expect(count()?.textContent).toBe(eleven);
    expect(count()?.getAttribute('aria-busy')).toBe('false');
    expect(document.querySelector('[role="listitem"]')?.getAttribute('aria-setsize')).toBe('11');
    await act(async () => {
      fireEvent.change(box, { target: { value: 'Story 9999' } });
    });
    expect(count()?.textContent).toBe(eleven);
    await act(async () => held.shift()?.release());
    expect(count()?.textContent).toBe(one);
    await act(async () => {
      fireEvent.change(box, { target: { value: '' } });
    });
    expect(count()?.textContent).toBe(one);
    await act(async () => held.shift()?.release());
    expect(count()?.textContent).toBe(all);
  });

  it('"No articles match" stays said while the next key is asked, instead of blinking out per key', async () => {
    const { held, box } = await renderLibrary(true);
    await act(async () => {
      fireEvent.change(box, { target: { value: 'zz' } });
    });
    await act(async () => held.shift()?.release());
    expect(screen.getByRole('heading', { name: 'No articles match' })).toBeTruthy();
    window.__datelineRenderProbe = {};
    await act(async () => {
      fireEvent.change(box, { target: { value: 'zzz' } });
    });
    expect(count()?.getAttribute('aria-busy')).toBe('true');
    expect(screen.getByRole('heading', { name: 'No articles match' })).toBeTruthy();
    await act(async () => held.shift()?.release());
    expect(screen.getByRole('heading', { name: 'No articles match' })).toBeTruthy();
    expect(window.__datelineRenderProbe?.LibraryList ?? 0).toBe(0);
  });

  it('a pinyin composition is searched once, for the characters it commits', async () => {
    const { api, box } = await renderLibrary();
    vi.useFakeTimers();
    const before = api.callsTo('library.list').length;
    fireEvent.compositionStart(box);
    for (const text of ['b', 'be', 'bei', '北']) {
      fireEvent.change(box, { target: { value: text } });
      await act(() => vi.advanceTimersByTimeAsync(100));
    }
    // The box shows what the input method composes, and nothing is asked yet.
    expect((box as HTMLInputElement).value).toBe('北');
    expect(api.callsTo('library.list')).toHaveLength(before);
    fireEvent.compositionEnd(box);
    await act(() => vi.advanceTimersByTimeAsync(100));
    expect(api.callsTo('library.list').slice(before)).toEqual([expect.objectContaining({ query: '北' })]);
    expect(count()?.textContent).toBe('0 of 10,000 articles');
  });
});
