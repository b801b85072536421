// @vitest-environment happy-dom
// Runs in: tests (happy-dom). Typing in a story does not re-render the (hidden) proof header: an
// autosave's new revision and counts reported again unchanged are nothing it shows.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act } from 'react';
import { newArticle } from '../../../common/article';
import { StoresContext } from '../../stores/stores-context';
import { useI18nStore } from '../../i18n/i18n-store';
import { createAppStores } from '../../stores/app-stores';
import { createFakeApi } from '../../../tests/support/fake-api';
import { ProofHeader } from './proof-header';

afterEach(() => {
  cleanup();
  delete window.__datelineRenderProbe;
});
beforeEach(() => useI18nStore.getState().setLocale('en'));

describe('proof header while typing', () => {
  it('renders again for a new headline or new counts, not for a save or the same counts', () => {
    const stores = createAppStores(createFakeApi({}));
    const article = newArticle('art0000000001', '2026-11-25T09:00:00.000Z');
    stores.article.getState().load({ ...article, headline: 'Flood closes bridge' });
    stores.article.getState().setStats({ words: 1200, cjkChars: 0, readingMinutes: 6 });
    window.__datelineRenderProbe = {};
    render(
      <StoresContext.Provider value={stores}>
        <ProofHeader />
      </StoresContext.Provider>,
    );
    const renders = () => window.__datelineRenderProbe?.ProofHeader ?? 0;
    const first = renders();
    expect(screen.getByText(/1,200 words/)).toBeTruthy();
    act(() => {
      for (let revision = 1; revision <= 5; revision++) {
        const now = stores.article.getState().article!;
        stores.article.setState({ article: { ...now, revision, updatedAt: `2026-11-25T09:0${revision}:00.000Z` } });
        stores.article.getState().setStats({ words: 1200, cjkChars: 0, readingMinutes: 6 });
      }
    });
    expect(renders()).toBe(first);
    act(() => stores.article.getState().setStats({ words: 1201, cjkChars: 0, readingMinutes: 6 }));
    expect(screen.getByText(/1,201 words/)).toBeTruthy();
    act(() => stores.article.getState().updateFields({ headline: 'Bridge reopens' }));
    expect(screen.getByText('Bridge reopens')).toBeTruthy();
  });
});
