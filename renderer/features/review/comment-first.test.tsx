// @vitest-environment happy-dom
// Runs in: tests (happy-dom). Comment first on a narrow window: Comment with no selection says so;
// with a selection the side panel's review tab opens a focused composer on that text; Ctrl+Enter
// pressed while an IME composes adds nothing; Escape cancels and gives the text back its focus;
// Ctrl/Cmd+Enter adds the comment on the text.
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { newArticle } from '../../../common/article';
import type { TextAnchor } from '../../../common/workflow/review-comment';
import type { ReviewState } from '../../../common/workflow/review-contract';
import { useI18nStore } from '../../i18n/i18n-store';
import { createAppStores } from '../../stores/app-stores';
import { StoresContext } from '../../stores/stores-context';
import { createFakeApi } from '../../../tests/support/fake-api';
import { ReviewPanel } from './review-panel';
import { CommentRefusalDialog } from './comment-refusal-dialog';
import { startComment } from './start-comment';
import { testReviewState } from '../../../tests/support/test-review-state';

afterEach(cleanup);

const ID = 'art0000000002';
const ANCHOR: TextAnchor = { from: 9, to: 12, quote: '数百个' };

function reviewState(): ReviewState {
  return testReviewState(ID, { owner: '李娜', profile: { name: '李娜', role: 'reporter' }, allowedActions: ['submit'] });
}

async function mount(locale: 'en' | 'zh-CN') {
  useI18nStore.getState().setLocale(locale);
  const api = createFakeApi({ 'outbox.list': () => [], 'review.get': () => reviewState(), 'comments.add': () => reviewState() });
  const stores = createAppStores(api);
  stores.article.getState().load({ ...newArticle(ID, '2026-12-07T02:00:00.000Z'), headline: '暴雨' });
  let selection: TextAnchor | null = null;
  const handle = {
    getBody: () => ({ type: 'doc', content: [] }),
    focus: vi.fn(),
    insertPhotos: async () => {},
    runCommand: () => {},
    getSelectionAnchor: () => selection,
    selectRange: vi.fn(),
  };
  stores.article.getState().setEditorHandle(handle);
  render(
    <StoresContext.Provider value={stores}>
      <ReviewPanel />
      <CommentRefusalDialog />
    </StoresContext.Provider>,
  );
  await screen.findByRole('region', { name: locale === 'en' ? 'Review' : '审稿' });
  return { api, stores, handle, select: (anchor: TextAnchor | null) => (selection = anchor) };
}

describe('comment first in the side panel', () => {
  beforeEach(() => useI18nStore.getState().setLocale('en'));

  for (const locale of ['en', 'zh-CN'] as const) {
    it(`says so without a selection, in a dialog that holds the keyboard, in ${locale}`, async () => {
      const { stores } = await mount(locale);
      act(() => startComment(stores));
      const expected = locale === 'en' ? 'Select some text in the article first, then comment on it.' : '请先在正文中选中文字，再添加批注。';
      const dialog = screen.getByRole('alertdialog', { name: locale === 'en' ? 'Cannot comment yet' : '暂时无法添加批注' });
      expect(dialog.textContent).toContain(expected);
      // The dialog itself has the focus: a space typed for the comment presses none of its buttons.
      expect(document.activeElement).toBe(dialog);
      expect(stores.review.getState().composer).toBeNull();
      fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
      expect(screen.queryByRole('alertdialog')).toBeNull();
    });
  }

  it('without a name and role it offers Settings', async () => {
    const { stores } = await mount('en');
    act(() => stores.review.setState({ state: { ...stores.review.getState().state!, profile: null } }));
    act(() => startComment(stores));
    const dialog = screen.getByRole('alertdialog', { name: 'Cannot comment yet' });
    expect(dialog.textContent).toContain('Set your name and role');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Open Settings' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(stores.ui.getState().dialog).toBe('settings');
  });

  it('opens a focused composer on the selection; IME Enter, Escape and Ctrl+Enter do what they should', async () => {
    const { api, stores, handle, select } = await mount('en');
    select(ANCHOR);
    act(() => startComment(stores));
    expect(stores.ui.getState().sideTab).toBe('review');
    expect(stores.ui.getState().sidePanelOpen).toBe(true);
    const form = await screen.findByRole('form', { name: 'Comment on the selected text' });
    const box = within(form).getByRole('textbox');
    expect(document.activeElement).toBe(box);
    expect(form.textContent).toContain('On “数百个”');

    fireEvent.change(box, { target: { value: '核实' } });
    await act(async () => {
      fireEvent.keyDown(box, { key: 'Enter', ctrlKey: true, keyCode: 229, isComposing: true });
    });
    expect(api.callsTo('comments.add')).toHaveLength(0);
    expect(screen.getByRole('form', { name: 'Comment on the selected text' })).toBeTruthy();

    fireEvent.keyDown(box, { key: 'Escape' });
    expect(screen.queryByRole('form', { name: 'Comment on the selected text' })).toBeNull();
    expect(handle.selectRange).toHaveBeenLastCalledWith(ANCHOR.from, ANCHOR.to);
    expect(api.callsTo('comments.add')).toHaveLength(0);

    act(() => startComment(stores));
    const again = within(await screen.findByRole('form', { name: 'Comment on the selected text' })).getByRole('textbox');
    fireEvent.change(again, { target: { value: 'How many exactly?' } });
    await act(async () => {
      fireEvent.keyDown(again, { key: 'Enter', ctrlKey: true });
    });
    expect(api.callsTo('comments.add')).toEqual([{ id: ID, body: 'How many exactly?', anchor: ANCHOR }]);
    expect(screen.queryByRole('form', { name: 'Comment on the selected text' })).toBeNull();
    expect(handle.selectRange).toHaveBeenCalledTimes(2);
  });
});
