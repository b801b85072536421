// @vitest-environment happy-dom
// Runs in: tests (happy-dom). The article toolbar's one primary action is named after what it does:
// an editor publishes; a reporter submits for review, which opens the Review tab's form.
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newArticle } from '../../../common/article';
import type { ReviewState } from '../../../common/workflow/review-contract';
import { StoresContext } from '../../stores/stores-context';
import { useI18nStore } from '../../i18n/i18n-store';
import { createAppStores } from '../../stores/app-stores';
import { createFakeApi } from '../../../tests/support/fake-api';
import { ArticleMoreMenu } from '../article/article-more-menu';
import { ArticleSidePanel } from '../review/article-side-panel';
import { PublishButton } from './publish-button';
import { testReviewState } from '../../../tests/support/test-review-state';

afterEach(cleanup);
beforeEach(() => useI18nStore.getState().setLocale('en'));

const ID = 'art0000000001';

function draftState(role: 'reporter' | 'editor', status: ReviewState['status'] = 'draft', allowed?: ReviewState['allowedActions']): ReviewState {
  return testReviewState(ID, {
    status,
    owner: 'Li Na',
    profile: { name: 'Li Na', role },
    allowedActions: allowed ?? (status === 'submitted' ? [] : ['submit', 'spike']),
  });
}

async function mount(role: 'reporter' | 'editor' | null, status: ReviewState['status'] = 'draft', allowed?: ReviewState['allowedActions']) {
  const api = createFakeApi({ 'outbox.list': () => [], 'review.get': () => draftState(role ?? 'editor', status, allowed), 'targets.list': () => [] });
  const stores = createAppStores(api);
  stores.settings.setState((s) => ({ settings: { ...s.settings, role } }));
  stores.article.getState().load({ ...newArticle(ID, '2026-11-25T09:00:00.000Z'), headline: 'Harbour fire', status });
  render(
    <StoresContext.Provider value={stores}>
      <div role="toolbar" aria-label="Article">
        <ArticleMoreMenu onCommand={() => undefined} />
        <PublishButton />
      </div>
      <ArticleSidePanel />
    </StoresContext.Provider>,
  );
  await waitFor(() => expect(stores.review.getState().state).not.toBeNull());
  return { stores, toolbar: screen.getByRole('toolbar', { name: 'Article' }) };
}

const primaries = (root: HTMLElement): string[] => Array.from(root.querySelectorAll('button.primary')).map((b) => b.textContent ?? '');

describe('the article toolbar’s primary action', () => {
  it('a reporter’s is “Submit for review”: it opens the Review tab’s form with focus in it; “Publish” is not offered', async () => {
    const { stores, toolbar } = await mount('reporter');
    expect(primaries(toolbar)).toEqual(['Submit for review']);
    expect(within(toolbar).queryByRole('button', { name: 'Publish' })).toBeNull();
    // "Send a copy…" waits in the More menu, not beside the primary action.
    fireEvent.click(within(toolbar).getByRole('button', { name: 'More' }));
    expect(within(toolbar).getByRole('menuitem', { name: 'Send a copy…' }).className).not.toContain('primary');
    fireEvent.click(within(toolbar).getByRole('button', { name: 'More' }));
    await act(async () => {
      fireEvent.click(within(toolbar).getByRole('button', { name: 'Submit for review' }));
    });
    expect(stores.ui.getState().sideTab).toBe('review');
    const sendTo = await screen.findByRole('combobox', { name: 'Send to' });
    expect(document.activeElement).toBe(sendTo);
    // While the form is open its confirm is the panel's one primary button.
    const panel = screen.getByRole('region', { name: 'Review' });
    expect(primaries(panel)).toEqual(['Confirm: Submit for review']);
  });

  it('a submitted story leaves the reporter nothing to submit: the button is disabled and says why', async () => {
    const { toolbar } = await mount('reporter', 'submitted');
    const submit = within(toolbar).getByRole('button', { name: 'Submit for review' }) as HTMLButtonElement;
    expect(submit.disabled).toBe(true);
    expect(submit.title).toMatch(/with the desk/);
  });

  it('an editor, or someone working alone, has “Publish”; in Chinese the reporter’s is 提交审核', async () => {
    const editor = await mount('editor');
    expect(primaries(editor.toolbar)).toEqual(['Publish']);
    cleanup();
    const alone = await mount(null);
    expect(primaries(alone.toolbar)).toEqual(['Publish']);
    cleanup();
    act(() => useI18nStore.getState().setLocale('zh-CN'));
    const reporter = await mount('reporter');
    expect(primaries(reporter.toolbar)).toEqual(['提交审核']);
    expect(within(reporter.toolbar).queryByRole('button', { name: '发布' })).toBeNull();
  });

  it('the desk on a submitted story: with the Review tab open its one primary is “Approve and publish”, and Publish steps back', async () => {
    const { stores, toolbar } = await mount('editor', 'submitted', ['approve', 'request-changes', 'spike']);
    expect(primaries(toolbar)).toEqual(['Publish']);
    act(() => stores.ui.getState().setSideTab('review'));
    const panel = await screen.findByRole('region', { name: 'Review' });
    expect(primaries(toolbar)).toEqual([]);
    expect(within(toolbar).getByRole('button', { name: 'Publish' })).toBeTruthy();
    expect(primaries(panel)).toEqual(['Approve and publish']);
    act(() => stores.ui.getState().setSideTab('details'));
    expect(primaries(toolbar)).toEqual(['Publish']);
  });
});
