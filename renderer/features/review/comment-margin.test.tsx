// @vitest-environment happy-dom
// Runs in: tests (happy-dom). The comment margin follows the body's layout only while it holds
// something to place: in a long story every Enter resizes the body, and following it costs a frame.
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { newArticle } from '../../../common/article';
import { addComment } from '../../../common/workflow/review-comment';
import { useI18nStore } from '../../i18n/i18n-store';
import { createAppStores } from '../../stores/app-stores';
import { StoresContext } from '../../stores/stores-context';
import { createFakeApi } from '../../../tests/support/fake-api';
import { testReviewState } from '../../../tests/support/test-review-state';
import { CommentMargin } from './comment-margin';

afterEach(cleanup);

const ID = 'art0000000003';

function mount() {
  useI18nStore.getState().setLocale('en');
  const stores = createAppStores(createFakeApi({ 'outbox.list': () => [] }));
  stores.article.getState().load({ ...newArticle(ID, '2026-12-07T02:00:00.000Z'), headline: 'Flood' });
  const unsubscribe = vi.fn();
  const handle = {
    getBody: () => ({ type: 'doc', content: [] }),
    focus: vi.fn(),
    insertPhotos: async () => {},
    runCommand: () => {},
    getSelectionAnchor: () => null,
    selectRange: vi.fn(),
    onLayoutChange: vi.fn(() => unsubscribe),
    commentTops: (stored: ReadonlyMap<string, number>) => new Map([...stored.keys()].map((id) => [id, 0])),
    topOf: () => 0,
  };
  stores.article.getState().setEditorHandle(handle);
  stores.review.setState({ state: testReviewState(ID) });
  render(
    <StoresContext.Provider value={stores}>
      <CommentMargin />
    </StoresContext.Provider>,
  );
  return { stores, handle, unsubscribe };
}

describe('the comment margin', () => {
  it('does not follow the body while it is empty, and does once a comment on text is in it', async () => {
    const { stores, handle, unsubscribe } = mount();
    await screen.findByRole('region', { name: 'Comments beside the text' });
    expect(handle.onLayoutChange).not.toHaveBeenCalled();

    const comments = addComment([], { id: 'c1', author: { name: 'Li Na', role: 'editor' }, createdAt: '2026-12-07T03:00:00.000Z', body: 'Check this', anchor: { from: 1, to: 5, quote: 'Floo' } });
    act(() => stores.review.setState({ state: testReviewState(ID, { comments }) }));
    expect(handle.onLayoutChange).toHaveBeenCalledTimes(1);

    // Resolved, the margin is empty again and lets go of the body.
    act(() => stores.review.setState({ state: testReviewState(ID, { comments: comments.map((c) => ({ ...c, resolved: true })) }) }));
    expect(unsubscribe).toHaveBeenCalledTimes(1);
  });
});
