// Runs in: tests (node). When a save goes through after Dateline's background process restarted,
// the reporter is told, in the interface language, that the text is safe and was saved again.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { newArticle, type Article } from '../../common/article';
import { ApiError } from '../api/api-error';
import { useI18nStore } from '../i18n/i18n-store';
import { catalogues } from '../i18n/messages/catalogues';
import { createFakeApi } from '../../tests/support/fake-api';
import { createAppStores } from './app-stores';

const ID = 'art0000000001';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  useI18nStore.getState().setLocale('en');
});

describe('app stores', () => {
  it.each(['en', 'zh-CN'] as const)('shows the "saved again" notice in %s once the save after a restart goes through', async (locale) => {
    useI18nStore.getState().setLocale(locale);
    let stored: Article = newArticle(ID, '2026-11-25T09:00:00.000Z');
    let refusals = 1;
    const api = createFakeApi({
      'articles.get': () => stored,
      'articles.save': async (input) => {
        if (refusals-- > 0) throw new ApiError('services-restarting', 'restarting');
        stored = { ...(input.article as Article), revision: stored.revision + 1 };
        return { revision: stored.revision, updatedAt: stored.updatedAt };
      },
    });
    const stores = createAppStores(api);
    await stores.article.getState().open(ID);
    stores.article.getState().updateFields({ headline: '桥梁关闭' });
    await vi.advanceTimersByTimeAsync(1000);
    expect(stores.ui.getState().notices).toEqual([]);
    await vi.advanceTimersByTimeAsync(2000);
    expect(stored.headline).toBe('桥梁关闭');
    expect(stores.ui.getState().notices).toEqual([expect.objectContaining({ kind: 'info', message: catalogues[locale]['article.savedAfterRestart'] })]);
  });
});
