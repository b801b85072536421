// Runs in: tests (node). When a save goes through after Dateline's background process restarted,
// the reporter is told, in the interface language, that the text is safe and was saved again.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { newArticle, type Article } from '../../common/article';
import { ApiError } from '../api/api-error';
import { useI18nStore } from '../i18n/i18n-store';
import { catalogues } from '../i18n/messages/catalogues';
import { createFakeApi } from '../../tests/support/fake-api';
import { createAppStores } from './app-stores';
import { settingsSchema } from '../../common/contract';
import { testReviewState } from '../../tests/support/test-review-state';

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

  it('reads the open story\'s review state again when the person saves a name or role', async () => {
    const stored: Article = newArticle(ID, '2026-11-25T09:00:00.000Z');
    let settings = settingsSchema.parse({});
    const api = createFakeApi({
      'articles.get': () => stored,
      'settings.get': () => settings,
      'settings.update': (patch) => (settings = settingsSchema.parse({ ...settings, ...patch })),
      'review.get': () => testReviewState(ID, settings.userName ? { profile: { name: settings.userName, role: settings.role ?? 'reporter' } } : {}),
    });
    const stores = createAppStores(api);
    await stores.settings.getState().init();
    await stores.article.getState().open(ID);
    await stores.review.getState().load(ID);
    expect(stores.review.getState().state?.profile).toBeNull();
    const before = api.callsTo('review.get').length;
    await stores.settings.getState().update({ userName: 'Li Na', role: 'reporter' });
    await vi.waitFor(() => expect(stores.review.getState().state?.profile).toEqual({ name: 'Li Na', role: 'reporter' }));
    expect(api.callsTo('review.get').length).toBe(before + 1);
    // Other settings leave it alone.
    await stores.settings.getState().update({ headlineGuide: { zi: 28, characters: 80 } });
    expect(api.callsTo('review.get').length).toBe(before + 1);
  });
});

