// @vitest-environment happy-dom
// Runs in: tests (happy-dom). After a crash reload the story that was open opens again and the app
// says so; events become desktop notifications only when wanted; deep links open the story.
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { newArticle, type Article } from '../../common/article';
import { settingsSchema } from '../../common/contract';
import type { OsNotificationRequest } from '../../common/desktop/desktop-messages';
import type { OutboxJob } from '../../common/publish/publish-job';
import type { ReviewState } from '../../common/workflow/review-contract';
import { createEventSubscription } from '../api/event-subscription';
import { catalogues } from '../i18n/messages/catalogues';
import { useI18nStore } from '../i18n/i18n-store';
import { createAppStores } from '../stores/app-stores';
import { createFakeApi, type FakeHandlers } from '../../tests/support/fake-api';
import { testEventConnection } from '../../tests/support/test-event-connection';
import { App } from './app';
import { loadArticleScreen } from './deferred-screens';
import { openDeepLink } from './open-deep-link';
import { startOsNotifications } from './os-notification-driver';
import { StoresContext } from '../stores/stores-context';
import { testReviewState } from '../../tests/support/test-review-state';

const ID = 'art0000000001';
const flood: Article = { ...newArticle(ID, '2026-11-25T09:00:00.000Z'), headline: 'Flood closes bridge' };

function handlers(extra: FakeHandlers = {}): FakeHandlers {
  return {
    'settings.get': () => settingsSchema.parse({ locale: 'en', userName: 'Li Na', role: 'reporter' }),
    'app.info': () => ({ version: '0.1.0', transport: 'http', libraryPath: '/lib', systemLocale: 'en-US' }),
    'library.list': () => ({ items: [], matched: 0, indexing: 0, sections: [], tags: [], total: 0 }),
    'library.problems': () => [],
    'outbox.list': () => [],
    'review.queue': () => ({ hub: { kind: 'folder', location: '/hub' }, entries: [], problems: [] }),
    'review.get': () => reviewState('draft'),
    'articles.get': () => flood,
    ...extra,
  };
}

function reviewState(status: ReviewState['status']): ReviewState {
  return testReviewState(ID, { status, owner: 'Li Na', profile: { name: 'Li Na', role: 'reporter' } });
}

beforeEach(() => {
  window.sessionStorage.clear();
  window.history.replaceState(null, '', '/');
});
afterEach(cleanup);
// The article screen is a chunk of its own: compile it once here, so the waits below time the app, not the test runner's first import.
beforeAll(loadArticleScreen, 60_000);

describe('crash recovery', () => {
  it.each(['en', 'zh-CN'] as const)('reopens the story that was open, from the last autosave, and says so in %s', async (locale) => {
    const api = createFakeApi(handlers({ 'settings.get': () => settingsSchema.parse({ locale }) }));
    useI18nStore.getState().setLocale(locale);
    window.sessionStorage.setItem('dateline.openArticle', ID);
    window.history.replaceState(null, '', '/index.html?token=abc&recovered=1');
    render(
      <StoresContext.Provider value={createAppStores(api)}>
        <App />
      </StoresContext.Provider>,
    );
    const notice = catalogues[locale]['recovery.reopened'].replace('{headline}', 'Flood closes bridge');
    expect(await screen.findByText(notice)).toBeTruthy();
    expect(api.callsTo('articles.get')).toEqual([{ id: ID }]);
    await waitFor(() => expect((screen.getByRole('textbox', { name: catalogues[locale]['article.headline'] }) as HTMLInputElement).value).toBe('Flood closes bridge'));
    // A later reload is an ordinary one.
    expect(window.location.search).toBe('?token=abc');
  });

  it('remembers the open story for the tab, and opens nothing on an ordinary load', async () => {
    const api = createFakeApi(handlers());
    useI18nStore.getState().setLocale('en');
    const stores = createAppStores(api);
    render(
      <StoresContext.Provider value={stores}>
        <App />
      </StoresContext.Provider>,
    );
    await screen.findByRole('button', { name: 'New article' });
    expect(api.callsTo('articles.get')).toEqual([]);
    await act(async () => {
      await openDeepLink(stores, { kind: 'article', articleId: ID });
    });
    expect(window.sessionStorage.getItem('dateline.openArticle')).toBe(ID);
    expect(await screen.findByDisplayValue('Flood closes bridge')).toBeTruthy();
  });

  it('says it reloaded when no story was open', async () => {
    const api = createFakeApi(handlers());
    useI18nStore.getState().setLocale('en');
    window.history.replaceState(null, '', '/?recovered=1');
    render(
      <StoresContext.Provider value={createAppStores(api)}>
        <App />
      </StoresContext.Provider>,
    );
    expect(await screen.findByText(catalogues.en['recovery.reloaded'])).toBeTruthy();
    expect(api.callsTo('articles.get')).toEqual([]);
  });
});

describe('desktop notifications from events', () => {
  const doneJob = { id: 'job0000001', articleId: ID, headline: 'Flood closes bridge', state: 'done', skipped: null, progress: { step: 'verify', mediaDone: 0, mediaTotal: 0 } } as unknown as OutboxJob;

  async function setUp(extra: FakeHandlers = {}, focused = false) {
    const api = createFakeApi(handlers(extra));
    useI18nStore.getState().setLocale('en');
    const connection = testEventConnection();
    const stores = createAppStores(api, createEventSubscription(connection));
    act(() => connection.open());
    await stores.settings.getState().init();
    const shown: OsNotificationRequest[] = [];
    const opened: unknown[] = [];
    startOsNotifications(stores, { sink: (request, onClick) => { shown.push(request); onClick(); }, windowFocused: () => focused, openLink: (link) => opened.push(link) });
    return { api, connection, stores, shown, opened };
  }

  it('says "published" once when a job goes live, and a click opens the story', async () => {
    const { connection, shown, opened } = await setUp();
    act(() => connection.deliver({ name: 'job.changed', payload: { job: { ...doneJob, state: 'running' } } }));
    act(() => connection.deliver({ name: 'job.changed', payload: { job: doneJob } }));
    act(() => connection.deliver({ name: 'job.changed', payload: { job: doneJob } }));
    expect(shown).toEqual([{ title: 'Published', body: '“Flood closes bridge” is live.', link: `dateline://article/${ID}` }]);
    expect(opened).toEqual([{ kind: 'article', articleId: ID }]);
  });

  it('stays silent when the setting is off or the window is focused on that story', async () => {
    const off = await setUp({ 'settings.get': () => settingsSchema.parse({ locale: 'en', notifyPublished: false }) });
    act(() => off.connection.deliver({ name: 'job.changed', payload: { job: doneJob } }));
    expect(off.shown).toEqual([]);

    const focused = await setUp({}, true);
    await focused.stores.article.getState().open(ID);
    act(() => focused.connection.deliver({ name: 'job.changed', payload: { job: doneJob } }));
    expect(focused.shown).toEqual([]);
  });

  it('says "your story came back" when my story is returned for changes', async () => {
    const { connection, shown } = await setUp({ 'review.get': () => ({ ...reviewState('changes_requested'), history: [{} as never, {} as never] }) });
    act(() => connection.deliver({ name: 'review.articleChanged', payload: { articleId: ID } }));
    await waitFor(() => expect(shown).toEqual([{ title: 'Your story came back', body: '“Flood closes bridge” was returned for changes.', link: `dateline://article/${ID}` }]));
  });

  it('says a story is waiting when the queue grows, in Chinese too', async () => {
    const { connection, shown } = await setUp();
    useI18nStore.getState().setLocale('zh-CN');
    act(() => connection.deliver({ name: 'review.queueChanged', payload: { waiting: 1 } }));
    act(() => connection.deliver({ name: 'review.queueChanged', payload: { waiting: 3 } }));
    expect(shown).toEqual([{ title: '有稿件等您处理', body: '审稿队列中有 3 篇。', link: null }]);
  });
});

describe('copy link to this story', () => {
  it('puts the story’s dateline link on the clipboard and says so', async () => {
    const copied: string[] = [];
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (text: string) => void copied.push(text) } });
    const api = createFakeApi(handlers());
    useI18nStore.getState().setLocale('en');
    const stores = createAppStores(api);
    render(
      <StoresContext.Provider value={stores}>
        <App />
      </StoresContext.Provider>,
    );
    await act(async () => {
      await openDeepLink(stores, { kind: 'article', articleId: ID });
    });
    // It waits in the article toolbar's More menu.
    await act(async () => {
      screen.getByRole('button', { name: 'More' }).click();
    });
    await act(async () => {
      screen.getByRole('menuitem', { name: 'Copy link to this story' }).click();
    });
    expect(await screen.findByText('Link copied.')).toBeTruthy();
    expect(copied).toEqual([`dateline://article/${ID}`]);
  });

  it('opens a review link only for the hub this library uses', async () => {
    const api = createFakeApi(handlers({ 'review.open': () => reviewState('submitted') }));
    useI18nStore.getState().setLocale('en');
    const stores = createAppStores(api);
    await stores.settings.getState().init();
    await openDeepLink(stores, { kind: 'review', hub: 'wordpress', articleId: ID });
    expect(stores.ui.getState().notices).toEqual([expect.objectContaining({ kind: 'error', message: catalogues.en['deepLink.otherHub'] })]);
    expect(api.callsTo('review.open')).toEqual([]);
    await openDeepLink(stores, { kind: 'review', hub: 'folder', articleId: ID });
    expect(api.callsTo('review.open')).toEqual([{ id: ID, replaceLocal: false, merge: false }]);
    expect(stores.ui.getState().view).toBe('article');
    expect(stores.ui.getState().sideTab).toBe('review');
  });
});
