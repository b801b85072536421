// @vitest-environment happy-dom
// Runs in: tests (happy-dom). A reporter starts a new article from the library, writes a headline and goes back.
import { settingsSchema } from '../../common/contract';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { newArticle, type Article } from '../../common/article';
import { useI18nStore } from '../i18n/i18n-store';
import { createAppStores } from '../stores/app-stores';
import { createFakeApi } from '../../tests/support/fake-api';
import { testEventConnection } from '../../tests/support/test-event-connection';
import { createEventSubscription } from '../api/event-subscription';
import { App } from './app';
import { loadArticleScreen } from './deferred-screens';
import { StoresContext } from '../stores/stores-context';

afterEach(cleanup);
// The article screen is a chunk of its own: compile it once here, so the waits below time the app, not the test runner's first import.
beforeAll(loadArticleScreen, 60_000);

describe('app', () => {
  it('new article → headline → back to the library saves it, and the zh-CN switch translates the UI', async () => {
    let saved: Article | null = null;
    const api = createFakeApi({
      'settings.get': () => settingsSchema.parse({ locale: 'en' }),
      'settings.update': (input) => settingsSchema.parse({ locale: input.locale ?? 'en' }),
      'app.info': () => ({ version: '0.1.0', transport: 'http', libraryPath: '/lib', systemLocale: 'en-US' }),
      'library.list': () => ({ items: [], matched: 0, indexing: 0, sections: ['City'], tags: [], total: 0 }),
      'library.problems': () => [{ articleFolder: 'broken01', setAsideTo: 'lost+found/broken01', message: 'bad JSON', at: '2026-11-25T09:00:00Z' }],
      'articles.create': () => newArticle('art0000000001', '2026-11-25T09:00:00.000Z'),
      'articles.save': (input) => {
        saved = input.article as Article;
        return { revision: 1, updatedAt: '2026-11-25T09:01:00.000Z' };
      },
    });
    useI18nStore.getState().setLocale('en');
    const stores = createAppStores(api);
    render(
      <StoresContext.Provider value={stores}>
        <App />
      </StoresContext.Provider>,
    );
    expect(await screen.findByText('lost+found/broken01')).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'New article' }));
    });
    const headline = await screen.findByRole('textbox', { name: 'Headline' });
    fireEvent.change(headline, { target: { value: 'Flood closes bridge' } });
    expect(screen.getByRole('complementary', { name: 'Article details' })).toBeTruthy();
    // The slug field follows once the headline's typing pauses.
    await waitFor(() => expect((screen.getByRole('textbox', { name: 'Slug' }) as HTMLInputElement).value).toBe('flood-closes-bridge'), { timeout: 10_000 });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: /Back to library/ }));
    });
    await waitFor(() => expect(screen.getByRole('button', { name: 'New article' })).toBeTruthy());
    expect(saved).toMatchObject({ headline: 'Flood closes bridge' });
    await act(async () => {
      fireEvent.change(screen.getByRole('combobox', { name: 'Interface language' }), { target: { value: 'zh-CN' } });
    });
    expect(screen.getByRole('button', { name: '新建稿件' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('zh-CN');
  });

  it('tells the services when the network is back, so waiting publishing and review work goes at once', async () => {
    const api = createFakeApi({
      'settings.get': () => settingsSchema.parse({ locale: 'en' }),
      'app.info': () => ({ version: '0.1.0', transport: 'http', libraryPath: '/lib', systemLocale: 'en-US' }),
      'library.list': () => ({ items: [], matched: 0, indexing: 0, sections: [], tags: [], total: 0 }),
      'library.problems': () => [],
      'app.online': () => ({ ok: true }),
    });
    useI18nStore.getState().setLocale('en');
    render(
      <StoresContext.Provider value={createAppStores(api)}>
        <App />
      </StoresContext.Provider>,
    );
    await screen.findByRole('button', { name: 'New article' });
    expect(api.callsTo('app.online')).toHaveLength(0);
    act(() => {
      window.dispatchEvent(new Event('online'));
    });
    expect(api.callsTo('app.online')).toEqual([{}]);
  });

  it('the review badge follows review.queueChanged; after a reconnect the queue is read once', async () => {
    const api = createFakeApi({
      'settings.get': () => settingsSchema.parse({ locale: 'en', userName: 'Sam Editor', role: 'editor' }),
      'app.info': () => ({ version: '0.1.0', transport: 'http', libraryPath: '/lib', systemLocale: 'en-US' }),
      'library.list': () => ({ items: [], matched: 0, indexing: 0, sections: [], tags: [], total: 0 }),
      'library.problems': () => [],
      'outbox.list': () => [],
      'review.queue': () => ({ hub: { kind: 'folder', location: '/hub' }, entries: [], problems: [] }),
    });
    useI18nStore.getState().setLocale('en');
    const connection = testEventConnection();
    const stores = createAppStores(api, createEventSubscription(connection));
    act(() => connection.open());
    render(
      <StoresContext.Provider value={stores}>
        <App />
      </StoresContext.Provider>,
    );
    // Read once when the editor's role is known.
    await waitFor(() => expect(api.callsTo('review.queue')).toHaveLength(1));
    act(() => connection.deliver({ name: 'review.queueChanged', payload: { waiting: 2 } }));
    expect(await screen.findByText('2 waiting for your review')).toBeTruthy();
    expect(api.callsTo('review.queue')).toHaveLength(1);
    act(() => {
      connection.down();
      connection.down();
      connection.open();
    });
    await waitFor(() => expect(api.callsTo('review.queue')).toHaveLength(2));
    // The queue read after the reconnect says nothing waits any more.
    await waitFor(() => expect(screen.queryByText('2 waiting for your review')).toBeNull());
  });
});
