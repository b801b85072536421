// @vitest-environment happy-dom
// Runs in: tests (happy-dom). A library read cold at start (no summaries cache): the screen shows
// the rows read so far and says how far reading is, in both languages, never "no articles yet".
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import type { ArticleSummary } from '../../../common/article';
import { StoresContext } from '../../stores/stores-context';
import { useI18nStore } from '../../i18n/i18n-store';
import { createAppStores } from '../../stores/app-stores';
import { createFakeApi } from '../../../tests/support/fake-api';
import { LibraryScreen } from './library-screen';
import { makeSummary } from '../../../tests/fixtures/sample-summary';

afterEach(cleanup);

const story = (i: number): ArticleSummary => makeSummary(i);

it('says how far the library is read while it is read, and the rows so far; nothing once done', async () => {
  useI18nStore.getState().setLocale('en');
  const state = { items: [] as ArticleSummary[], reading: { done: 0, total: 12_000 } as { done: number; total: number } | null };
  const api = createFakeApi({
    'library.list': () => ({
      items: state.items,
      matched: state.items.length,
      indexing: 0,
      sections: [],
      tags: [],
      total: state.items.length,
      ...(state.reading ? { reading: state.reading } : {}),
    }),
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
  expect(screen.getByRole('status').textContent).toBe('Reading the library: 0 of 12,000');
  expect(screen.queryByText('No articles yet')).toBeNull();

  state.items = [story(1), story(2)];
  state.reading = { done: 2_500, total: 12_000 };
  await act(async () => {
    await stores.library.getState().refresh();
  });
  expect(screen.getByRole('status').textContent).toBe('Reading the library: 2,500 of 12,000');
  expect(screen.getByText('Story 1')).toBeTruthy();
  await act(async () => {
    useI18nStore.getState().setLocale('zh-CN');
  });
  expect(screen.getByRole('status').textContent).toBe('正在读取稿件库：2,500 / 12,000');

  state.reading = null;
  await act(async () => {
    await stores.library.getState().refresh();
  });
  expect(screen.queryByRole('status')).toBeNull();
});
