// @vitest-environment happy-dom
// Runs in: tests (happy-dom). The review queue names lengths the way the story is written, and a
// reporter's default view is what came back to them.
import { act, cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { settingsSchema } from '../../../common/contract';
import type { ReviewQueueEntry } from '../../../common/workflow/review-contract';
import { StoresContext } from '../../stores/stores-context';
import { useI18nStore } from '../../i18n/i18n-store';
import { createAppStores } from '../../stores/app-stores';
import { createEventSubscription } from '../../api/event-subscription';
import { createFakeApi } from '../../../tests/support/fake-api';
import { testEventConnection } from '../../../tests/support/test-event-connection';
import { ReviewQueueScreen } from './review-queue-screen';

afterEach(cleanup);
beforeEach(() => useI18nStore.getState().setLocale('en'));

const entry = (articleId: string, headline: string, words: number, cjkChars: number): ReviewQueueEntry => ({
  articleId,
  headline,
  status: 'submitted',
  submittedBy: 'Li Na',
  submittedTo: 'desk',
  submittedAt: '2026-11-25T09:00:00.000Z',
  updatedAt: '2026-11-25T09:00:00.000Z',
  updatedBy: 'Li Na',
  words,
  cjkChars,
  openComments: 0,
});

describe('review queue screen', () => {
  it('shows words for Latin text, 字 for Chinese, both only when a story has both; a reporter sees “Returned to me”', async () => {
    const api = createFakeApi({
      'review.queue': () => ({
        hub: { kind: 'folder', location: '/hub' },
        entries: [entry('a000000001', '暴雨', 0, 19), entry('a000000002', 'Budget', 420, 0), entry('a000000003', 'GDP 增长', 12, 30)],
        problems: [],
      }),
    });
    const stores = createAppStores(api);
    stores.settings.setState({ settings: settingsSchema.parse({ userName: 'Li Na', role: 'reporter' }) });
    render(
      <StoresContext.Provider value={stores}>
        <ReviewQueueScreen />
      </StoresContext.Provider>,
    );
    const table = await screen.findByRole('table');
    const length = (headline: string) => within(within(table).getByRole('row', { name: new RegExp(headline) })).getAllByRole('cell')[4]?.textContent;
    expect(length('暴雨')).toBe('19 CJK characters');
    expect(length('Budget')).toBe('420 words');
    expect(length('GDP 增长')).toBe('12 words · 30 CJK characters');
    expect(screen.getByRole('combobox', { name: /Show/ }).querySelector('option')?.textContent).toBe('Returned to me');
  });

  it('follows the desk by push: a story published meanwhile says Published, and no longer "waiting N min"', async () => {
    let status: ReviewQueueEntry['status'] = 'submitted';
    const api = createFakeApi({
      'review.queue': () => ({ hub: { kind: 'folder', location: '/hub' }, entries: [{ ...entry('a000000001', 'Harbour reopens', 40, 0), status }], problems: [] }),
    });
    const connection = testEventConnection();
    const stores = createAppStores(api, createEventSubscription(connection));
    act(() => connection.open());
    stores.settings.setState({ settings: settingsSchema.parse({ userName: 'Li Na', role: 'reporter' }) });
    render(
      <StoresContext.Provider value={stores}>
        <ReviewQueueScreen />
      </StoresContext.Provider>,
    );
    const row = await screen.findByRole('row', { name: /Harbour reopens/ });
    const cells = () => within(screen.getByRole('row', { name: /Harbour reopens/ })).getAllByRole('cell');
    expect(within(row).getByText('Submitted')).toBeTruthy();
    expect(cells()[3]?.textContent).toMatch(/min|h|d$/);

    status = 'published';
    act(() => connection.deliver({ name: 'review.articleChanged', payload: { articleId: 'a000000001' } }));
    expect(await within(await screen.findByRole('row', { name: /Harbour reopens/ })).findByText('Published')).toBeTruthy();
    expect(cells()[3]?.textContent).toBe('—');
    expect(api.callsTo('review.queue').length).toBeGreaterThanOrEqual(2);
  });
});
