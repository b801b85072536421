// @vitest-environment happy-dom
// Runs in: tests (happy-dom). The review panel offers what the role allows, asks for the note an
// action needs, keeps a typed comment when sending it fails, and shows history and comments.
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newArticle, type Article } from '../../../common/article';
import type { RecordedError } from '../../../common/errors/recorded-error';
import type { ReviewState } from '../../../common/workflow/review-contract';
import { StoresContext } from '../../stores/stores-context';
import { ApiError } from '../../api/api-error';
import { useI18nStore } from '../../i18n/i18n-store';
import { createAppStores } from '../../stores/app-stores';
import { createFakeApi, type FakeHandlers } from '../../../tests/support/fake-api';
import { ReviewPanel } from './review-panel';

afterEach(cleanup);
beforeEach(() => useI18nStore.getState().setLocale('en'));

const ID = 'art0000000001';
/** What the services record when the hub refuses a damaged package: the English is for the log. */
const DAMAGED: RecordedError = { code: 'corrupt-file', message: 'The review package at /hub/art0000000001 is damaged.', details: { kind: 'hub-package' } };
const article: Article = { ...newArticle(ID, '2026-11-25T09:00:00.000Z'), headline: 'Harbour fire', status: 'submitted' };

function reviewState(patch: Partial<ReviewState>): ReviewState {
  return {
    articleId: ID,
    status: 'submitted',
    owner: 'Li Na',
    profile: { name: 'Sam', role: 'editor' },
    allowedActions: ['request-changes', 'approve', 'spike'],
    history: [
      {
        id: 'ev1',
        action: 'submit',
        from: 'draft',
        to: 'submitted',
        by: { name: 'Li Na', role: 'reporter' },
        at: '2026-11-25T09:05:00.000Z',
        note: 'Photos to follow',
        scheduledAt: null,
        revision: 3,
      },
    ],
    comments: [],
    hub: { kind: 'folder', location: '/hub', hubRevision: 1, submittedTo: 'desk', syncedAt: '2026-11-25T09:05:00.000Z', localRevision: 3, keepsComments: true },
    diffBases: { lastSeen: null, submitted: null, previousSubmission: null },
    pendingSync: null,
    canSendChanges: false,
    ...patch,
  };
}

/** Renders the panel for the article (submitted unless `status` says otherwise) once its state shows. */
async function mount(handlers: FakeHandlers, status: { value: Article['status']; label: string } = { value: 'submitted', label: 'Submitted' }) {
  const api = createFakeApi({ 'outbox.list': () => [], ...handlers });
  const stores = createAppStores(api);
  stores.article.getState().load({ ...article, status: status.value });
  render(
    <StoresContext.Provider value={stores}>
      <ReviewPanel />
    </StoresContext.Provider>,
  );
  const panel = await screen.findByRole('region', { name: 'Review' });
  await within(panel).findByText(`Status: ${status.label}`);
  return { api, stores, panel };
}

describe('review panel', () => {
  it('an editor requests changes only with a note; the new status shows', async () => {
    const { api, panel } = await mount({
      'review.get': () => reviewState({}),
      'review.transition': () => reviewState({ status: 'changes_requested', allowedActions: ['spike'] }),
    });
    const actions = within(panel).getByRole('group', { name: 'Workflow actions' });
    expect(within(actions).getAllByRole('button').map((b) => b.textContent)).toEqual(['Request changes', 'Approve', 'Approve and publish', 'Spike']);
    fireEvent.click(within(actions).getByRole('button', { name: 'Request changes' }));
    const confirm = within(panel).getByRole('button', { name: 'Confirm: Request changes' });
    expect(confirm).toHaveProperty('disabled', true);
    fireEvent.change(within(panel).getByRole('textbox', { name: 'What needs to change' }), { target: { value: 'Name the source.' } });
    expect(confirm).toHaveProperty('disabled', false);
    await act(async () => {
      fireEvent.click(confirm);
    });
    await within(panel).findByText('Status: Changes requested');
    expect(api.callsTo('review.transition')).toEqual([{ id: ID, action: 'request-changes', note: 'Name the source.' }]);
    // Focus goes to the new status, not to the top of the page.
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Status: Changes requested'));
    expect(within(panel).getByRole('region', { name: 'History' }).textContent).toContain('Photos to follow');
  });

  it('a reporter without the right to act sees no action buttons; without a profile the panel says what to set', async () => {
    const { panel } = await mount({ 'review.get': () => reviewState({ profile: { name: 'Li Na', role: 'reporter' }, allowedActions: [] }) });
    expect(within(within(panel).getByRole('group', { name: 'Workflow actions' })).queryAllByRole('button')).toHaveLength(0);
    cleanup();
    const second = await mount({ 'review.get': () => reviewState({ profile: null, allowedActions: [] }) });
    expect(second.panel.textContent).toContain('Set your name and role');
  });

  it('a comment that cannot be sent stays typed, with the error shown', async () => {
    const { stores, panel } = await mount({
      'review.get': () => reviewState({}),
      'comments.add': () => {
        throw new ApiError('conflict', 'Someone else changed "Harbour fire" in the review hub since you last opened it', { kind: 'hub-changed', headline: 'Harbour fire', hubRevision: 3 });
      },
    });
    const box = within(panel).getByRole('textbox', { name: 'New comment' });
    fireEvent.change(box, { target: { value: 'Check the casualty figure.' } });
    await act(async () => {
      fireEvent.click(within(panel).getByRole('button', { name: 'Add general note' }));
    });
    await waitFor(() => expect(stores.ui.getState().notices.at(-1)?.detail ?? stores.ui.getState().notices.at(-1)?.message).toContain('Someone else changed “Harbour fire”'));
    expect((box as HTMLTextAreaElement).value).toBe('Check the casualty figure.');
  });

  it('a hub that keeps no comments (WordPress without the companion plugin) says so, and offers no comment box', async () => {
    const base = reviewState({});
    const { panel } = await mount({ 'review.get': () => ({ ...base, hub: base.hub && { ...base.hub, kind: 'wordpress', keepsComments: false } }) });
    expect(within(panel).getByRole('note').textContent).toContain('Dateline Companion plugin is not installed');
    expect(within(panel).queryByRole('textbox', { name: 'New comment' })).toBeNull();
    expect(within(panel).queryByRole('button', { name: 'Add general note' })).toBeNull();
  });

  it('“Changes since it was submitted” asks for the diff against the submitted version; bases this machine lacks are not offered', async () => {
    const base = { revision: 3, at: '2026-11-25T09:05:00.000Z', headline: 'Harbour fire' };
    const { api, panel } = await mount({
      'review.get': () => reviewState({ diffBases: { lastSeen: null, submitted: base, previousSubmission: null } }),
      'review.diff': () => ({ base: 'submitted', baseInfo: base, diff: { fields: [], blocks: [], stats: { insertedChars: 0, deletedChars: 0, changedBlocks: 0, unchanged: true, coarse: false } } }),
    });
    const compare = within(panel).getByRole('group', { name: 'Compare versions' });
    expect(within(compare).getAllByRole('button').map((b) => b.textContent)).toEqual(['Changes since it was submitted']);
    await act(async () => {
      fireEvent.click(within(panel).getByRole('button', { name: 'Changes since it was submitted' }));
    });
    expect(api.callsTo('review.diff')).toEqual([{ id: ID, base: 'submitted' }]);
  });

  it('a draft nobody has seen or submitted shows no “Changes since…” buttons at all', async () => {
    const { panel } = await mount(
      { 'review.get': () => reviewState({ status: 'draft', hub: null, history: [], profile: { name: 'Li Na', role: 'reporter' }, allowedActions: ['submit', 'spike'] }) },
      { value: 'draft', label: 'Draft' },
    );
    expect(within(panel).queryByRole('group', { name: 'Compare versions' })).toBeNull();
    expect(within(panel).queryByRole('button', { name: /^Changes since/ })).toBeNull();
  });

  it('work waiting for the hub says whether the hub could not be reached or refused it, with the reason', async () => {
    const waiting = { since: '2026-11-25T09:05:00.000Z', attempts: 2, conflict: false };
    const { panel } = await mount({
      'review.get': () => reviewState({ pendingSync: { ...waiting, refused: true, lastError: DAMAGED } }),
    });
    const status = within(panel).getByRole('status');
    expect(status.textContent).toContain('the review hub refused it');
    expect(status.textContent).toContain('The review hub’s copy of this article is damaged');
    expect(status.textContent).not.toContain('package at /hub'); // the log's English stays in the log
    expect(within(panel).getByRole('button', { name: 'Send now' })).toBeTruthy();
    cleanup();
    const offline = await mount({ 'review.get': () => reviewState({ pendingSync: { ...waiting, refused: false, lastError: null } }) });
    expect(within(offline.panel).getByRole('status').textContent).toContain('could not be reached');
  });

  it('in Chinese, why the hub refused the work is said in Chinese, with no English from the services', async () => {
    const { panel } = await mount({
      'review.get': () => reviewState({ pendingSync: { since: '2026-11-25T09:05:00.000Z', attempts: 2, conflict: false, refused: true, lastError: DAMAGED } }),
    });
    act(() => useI18nStore.getState().setLocale('zh-CN'));
    const status = within(panel).getByRole('status');
    expect(status.textContent).toContain('审稿中心拒绝了这次写入');
    expect(status.textContent).toContain('审稿中心里这篇稿件的副本已损坏');
    // Only the product's name is in Latin letters.
    expect(status.textContent?.replaceAll('Dateline', '')).not.toMatch(/[A-Za-z]/);
  });

  it('edits saved since the last exchange with the hub are offered to send; sending them says so', async () => {
    const base = reviewState({ canSendChanges: true });
    const { api, stores, panel } = await mount({
      'review.get': () => base,
      'review.sendChanges': () => ({ ...base, hub: base.hub && { ...base.hub, localRevision: 5 } }),
    });
    expect(within(panel).queryByRole('button', { name: 'Send my changes' })).toBeNull(); // nothing unsent yet
    act(() => {
      const current = stores.article.getState().article;
      if (current) stores.article.setState({ article: { ...current, revision: 5 } });
    });
    const send = await within(panel).findByRole('button', { name: 'Send my changes' });
    await act(async () => {
      fireEvent.click(send);
    });
    expect(api.callsTo('review.sendChanges')).toEqual([{ id: ID }]);
    await waitFor(() => expect(within(panel).queryByRole('button', { name: 'Send my changes' })).toBeNull());
    expect(stores.ui.getState().notices.at(-1)?.message).toBe('Your changes are in the review hub.');
  });

  it('a reporter sends to the desk, to an editor who worked on it, or to someone named', async () => {
    const history = reviewState({}).history;
    const returned = { ...history[0]!, id: 'ev2', action: 'request-changes' as const, from: 'submitted' as const, to: 'changes_requested' as const, by: { name: 'Sam', role: 'editor' as const } };
    const { api, panel } = await mount({
      'review.get': () => reviewState({ profile: { name: 'Li Na', role: 'reporter' }, allowedActions: ['submit'], history: [...history, returned] }),
      'review.transition': () => reviewState({}),
    });
    fireEvent.click(within(panel).getByRole('button', { name: 'Submit for review' }));
    const sendTo = within(panel).getByRole('combobox', { name: 'Send to' });
    expect(within(sendTo).getAllByRole('option').map((o) => o.textContent)).toEqual(['The desk (whoever is on duty)', 'Sam', 'Another editor…']);
    fireEvent.change(sendTo, { target: { value: within(sendTo).getAllByRole('option')[2]!.getAttribute('value') } });
    fireEvent.change(within(panel).getByRole('textbox', { name: 'Editor’s name' }), { target: { value: 'Night Editor' } });
    await act(async () => {
      fireEvent.click(within(panel).getByRole('button', { name: 'Confirm: Submit for review' }));
    });
    expect(api.callsTo('review.transition')).toEqual([{ id: ID, action: 'submit', to: 'Night Editor' }]);
  });

  it('a returned story says so first, with who returned it and their note; the editor who returned it is not offered Resubmit', async () => {
    const history = reviewState({}).history;
    const returned = { ...history[0]!, id: 'ev2', action: 'request-changes' as const, from: 'submitted' as const, to: 'changes_requested' as const, by: { name: 'Sam', role: 'editor' as const }, note: 'Name the source.' };
    const state = reviewState({ status: 'changes_requested', history: [...history, returned], allowedActions: ['submit', 'spike'] });
    const { panel } = await mount({ 'review.get': () => state }, { value: 'changes_requested', label: 'Changes requested' });
    expect(within(panel).getByText(/^Returned for changes by Sam/)).toBeTruthy();
    expect(within(panel).getAllByText('Name the source.').length).toBeGreaterThan(0);
    const actions = within(panel).getByRole('group', { name: 'Workflow actions' });
    expect(within(actions).getAllByRole('button').map((b) => b.textContent)).toEqual(['Spike']);
  });

  it('the note form: Escape cancels, Ctrl+Enter confirms, never without a required note', async () => {
    const { api, panel } = await mount({
      'review.get': () => reviewState({}),
      'review.transition': () => reviewState({ status: 'spiked', allowedActions: [] }),
    });
    fireEvent.click(within(panel).getByRole('button', { name: 'Spike' }));
    const reason = within(panel).getByRole('textbox', { name: 'Why the story is spiked' });
    fireEvent.keyDown(reason, { key: 'Escape' });
    expect(within(panel).queryByRole('textbox', { name: 'Why the story is spiked' })).toBeNull();

    fireEvent.click(within(panel).getByRole('button', { name: 'Spike' }));
    const again = within(panel).getByRole('textbox', { name: 'Why the story is spiked' });
    fireEvent.keyDown(again, { key: 'Enter', ctrlKey: true });
    expect(api.callsTo('review.transition')).toHaveLength(0);
    fireEvent.change(again, { target: { value: 'Legal advice.' } });
    await act(async () => {
      fireEvent.keyDown(again, { key: 'Enter', ctrlKey: true });
    });
    expect(api.callsTo('review.transition')).toEqual([{ id: ID, action: 'spike', note: 'Legal advice.' }]);
  });

  it('“Comment on selected text” without a selection says so beside the buttons, and sends nothing', async () => {
    const { api, panel } = await mount({ 'review.get': () => reviewState({}) });
    fireEvent.change(within(panel).getByRole('textbox', { name: 'New comment' }), { target: { value: 'Check this.' } });
    fireEvent.click(within(panel).getByRole('button', { name: 'Comment on selected text' }));
    const comments = within(panel).getByRole('region', { name: 'Comments' });
    expect(within(comments).getByRole('status').textContent).toContain('Select some text in the article first');
    expect(api.callsTo('comments.add')).toHaveLength(0);
  });
});
