// @vitest-environment happy-dom
// Runs in: tests (happy-dom). Another story's details start at the top of the panel.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { newArticle } from '../../../common/article';
import { useI18nStore } from '../../i18n/i18n-store';
import { createAppStores } from '../../stores/app-stores';
import { StoresContext } from '../../stores/stores-context';
import { createFakeApi } from '../../../tests/support/fake-api';
import { MetadataPanel } from './metadata-panel';

afterEach(cleanup);

describe('the details panel', () => {
  it('starts at the top for another story, and keeps its place for the same one', () => {
    useI18nStore.getState().setLocale('en');
    const stores = createAppStores(createFakeApi({}));
    act(() => stores.article.getState().load({ ...newArticle('art0000000010', '2026-12-07T02:00:00.000Z'), headline: 'First' }));
    render(
      <StoresContext.Provider value={stores}>
        <MetadataPanel />
      </StoresContext.Provider>,
    );
    const panel = screen.getByRole('complementary', { name: 'Article details' });
    panel.scrollTop = 240;
    act(() => stores.article.getState().updateMeta({ section: 'City' }));
    expect(panel.scrollTop).toBe(240);
    act(() => stores.article.getState().load({ ...newArticle('art0000000011', '2026-12-07T03:00:00.000Z'), headline: 'Second' }));
    expect(panel.scrollTop).toBe(0);
  });

  it('what a story\'s tags and bylines can undo stays with that story', () => {
    useI18nStore.getState().setLocale('en');
    const stores = createAppStores(createFakeApi({}));
    const first = newArticle('art0000000012', '2026-12-07T02:00:00.000Z');
    act(() => stores.article.getState().load({ ...first, meta: { ...first.meta, tags: ['Ukraine'], bylines: [{ name: 'Jane Doe', role: '' }] } }));
    render(
      <StoresContext.Provider value={stores}>
        <MetadataPanel />
      </StoresContext.Provider>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Remove tag Ukraine' }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove byline 1' }));
    expect(screen.getByRole('button', { name: 'Bring back the byline “Jane Doe”' })).toBeTruthy();
    act(() => stores.article.getState().load({ ...newArticle('art0000000013', '2026-12-07T03:00:00.000Z'), headline: 'Second' }));
    fireEvent.keyDown(screen.getByLabelText('Tags', { selector: 'input' }), { key: 'z', ctrlKey: true });
    expect(stores.article.getState().article?.meta.tags).toEqual([]);
    expect(screen.queryByRole('button', { name: /Bring back the byline/ })).toBeNull();
  });
});
