// @vitest-environment happy-dom
// Runs in: tests (happy-dom). Another story's details start at the top of the panel; the slug
// follows a typed headline once typing pauses.
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { newArticle, type Article } from '../../../common/article';
import { useI18nStore } from '../../i18n/i18n-store';
import { createAppStores } from '../../stores/app-stores';
import { StoresContext } from '../../stores/stores-context';
import { createFakeApi } from '../../../tests/support/fake-api';
import { MetadataPanel, SLUG_FOLLOW_MS } from './metadata-panel';

afterEach(cleanup);

/** The panel in English, with `article` loaded in the app's stores. */
function renderPanel(article: Article) {
  useI18nStore.getState().setLocale('en');
  const stores = createAppStores(createFakeApi({}));
  act(() => stores.article.getState().load(article));
  render(
    <StoresContext.Provider value={stores}>
      <MetadataPanel />
    </StoresContext.Provider>,
  );
  return stores;
}

describe('the details panel', () => {
  it('starts at the top for another story, and keeps its place for the same one', () => {
    const stores = renderPanel({ ...newArticle('art0000000010', '2026-12-07T02:00:00.000Z'), headline: 'First' });
    const panel = screen.getByRole('complementary', { name: 'Article details' });
    panel.scrollTop = 240;
    act(() => stores.article.getState().updateMeta({ section: 'City' }));
    expect(panel.scrollTop).toBe(240);
    act(() => stores.article.getState().load({ ...newArticle('art0000000011', '2026-12-07T03:00:00.000Z'), headline: 'Second' }));
    expect(panel.scrollTop).toBe(0);
  });

  it('the slug catches up with a typed headline once typing pauses, and shows a reset at once', async () => {
    const stores = renderPanel({ ...newArticle('art0000000012', '2026-12-07T02:00:00.000Z'), headline: '' });
    const slug = screen.getByRole('textbox', { name: 'Slug' }) as HTMLInputElement;
    // Once the slug maker has loaded (with the story), time is the test's own.
    act(() => stores.article.getState().updateFields({ headline: 'Flood' }));
    await waitFor(() => expect(slug.value).toBe('flood'), { timeout: 10_000 });
    vi.useFakeTimers();
    try {
      act(() => stores.article.getState().updateFields({ headline: 'Flood closes bridge' }));
      expect(stores.article.getState().article?.meta.slug).toBe('flood-closes-bridge');
      // Written into the field while the headline is typed, it would end the headline's undo step.
      expect(slug.value).toBe('flood');
      act(() => vi.advanceTimersByTime(SLUG_FOLLOW_MS));
      expect(slug.value).toBe('flood-closes-bridge');
      act(() => stores.article.getState().updateMeta({ slug: 'bridge', slugEdited: true }));
      expect(slug.value).toBe('bridge');
      act(() => stores.article.getState().resetSlug());
      expect(slug.value).toBe('flood-closes-bridge');
    } finally {
      vi.useRealTimers();
    }
  });

  it('what a story\'s tags and bylines can undo stays with that story', () => {
    const first = newArticle('art0000000012', '2026-12-07T02:00:00.000Z');
    const stores = renderPanel({ ...first, meta: { ...first.meta, tags: ['Ukraine'], bylines: [{ name: 'Jane Doe', role: '' }] } });
    fireEvent.click(screen.getByRole('button', { name: 'Remove tag Ukraine' }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove byline 1' }));
    expect(screen.getByRole('button', { name: 'Bring back the byline “Jane Doe”' })).toBeTruthy();
    act(() => stores.article.getState().load({ ...newArticle('art0000000013', '2026-12-07T03:00:00.000Z'), headline: 'Second' }));
    fireEvent.keyDown(screen.getByLabelText('Tags', { selector: 'input' }), { key: 'z', ctrlKey: true });
    expect(stores.article.getState().article?.meta.tags).toEqual([]);
    expect(screen.queryByRole('button', { name: /Bring back the byline/ })).toBeNull();
  });
});
