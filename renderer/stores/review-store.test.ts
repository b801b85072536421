// Runs in: tests (node). Opening the hub's version asks before replacing local changes, and only
// a confirmed retry sends replaceLocal.
import { afterEach, describe, expect, it } from 'vitest';
import { createEventSubscription } from '../api/event-subscription';
import { testEventConnection } from '../../tests/support/test-event-connection';
import { reviewNoticeKey } from './review-notice-key';
import { useI18nStore } from '../i18n/i18n-store';
import { newArticle } from '../../common/article';
import type { ReviewState } from '../../common/workflow/review-contract';
import { ApiError } from '../api/api-error';
import { createAppStores } from './app-stores';
import { mergeNotice } from './review-store';
import { createFakeApi } from '../../tests/support/fake-api';

const ID = 'art0000000001';
const article = { ...newArticle(ID, '2026-11-25T09:00:00.000Z'), headline: 'Flood warning' };

describe('review store: opening from the hub', () => {
  afterEach(() => useI18nStore.getState().setLocale('en'));

  it('local changes make a prompt instead of an error; confirming sends replaceLocal and opens the article', async () => {
    let replaced = false;
    const api = createFakeApi({
      'articles.get': () => article,
      'review.open': (input) => {
        if (!input.replaceLocal) {
          throw new ApiError('conflict', '"Flood warning" has changes on this computer that the review hub has not seen.', {
            kind: 'local-changes-unsent',
            headline: 'Flood warning',
            localChanges: true,
            localRevision: 3,
          });
        }
        replaced = true;
        return { articleId: ID, status: 'changes_requested' } as ReviewState;
      },
    });
    const stores = createAppStores(api);
    expect(await stores.review.getState().openFromHub(ID)).toBe(false);
    expect(stores.review.getState().replacePrompt).toEqual({ articleId: ID, message: expect.stringContaining('“Flood warning” has changes on this computer'), mergeable: false });
    expect(stores.ui.getState().notices).toHaveLength(0);
    expect(replaced).toBe(false);

    expect(await stores.review.getState().openFromHub(ID, 'replace')).toBe(true);
    expect(replaced).toBe(true);
    expect(stores.review.getState().replacePrompt).toBeNull();
    expect(api.callsTo('review.open')).toEqual([
      { id: ID, replaceLocal: false, merge: false },
      { id: ID, replaceLocal: true, merge: false },
    ]);
    expect(stores.article.getState().article?.id).toBe(ID);
  });

  it('offers a merge when the services can do one; merging opens the article and says what was kept from whom', async () => {
    useI18nStore.getState().setLocale('en');
    const api = createFakeApi({
      'articles.get': () => article,
      'review.open': (input) => {
        if (!input.merge) {
          throw new ApiError('conflict', '"Flood warning" has changes on this computer that the review hub has not seen.', {
            kind: 'local-changes-unsent',
            headline: 'Flood warning',
            localChanges: true,
            localRevision: 3,
            mergeable: true,
          });
        }
        return { articleId: ID, status: 'changes_requested', merged: { fieldsFromHub: ['headline', 'meta.section'], blocksBothChanged: 2, blocksKeptFromHub: 1 } } as ReviewState;
      },
    });
    const stores = createAppStores(api);
    expect(await stores.review.getState().openFromHub(ID)).toBe(false);
    expect(stores.review.getState().replacePrompt?.mergeable).toBe(true);
    expect(await stores.review.getState().openFromHub(ID, 'merge')).toBe(true);
    expect(api.callsTo('review.open').at(-1)).toEqual({ id: ID, replaceLocal: false, merge: true });
    expect(stores.article.getState().article?.id).toBe(ID);
    const notice = stores.ui.getState().notices.at(-1);
    expect(notice?.kind).toBe('info');
    expect(notice?.message).toContain('Merged your changes');
    expect(notice?.message).toContain('2 passages you both changed');
    expect(notice?.message).toContain('You both changed Headline, Section');
    expect(notice?.message).toContain('One more you both changed (a photo, or a passage you deleted) keeps');
    useI18nStore.getState().setLocale('zh-CN');
    expect(mergeNotice({ fieldsFromHub: ['summary'], blocksBothChanged: 0, blocksKeptFromHub: 0 })).toBe('已把您的修改与审稿中心的版本合并；合并前您的版本保存在“历史版本”中。确认无误后请发送合并后的稿件。双方都改动了摘要：保留审稿中心的版本。');
    // A merge that found nothing new in the hub's version says that, not "merged".
    expect(mergeNotice({ fieldsFromHub: [], blocksBothChanged: 0, blocksKeptFromHub: 0, nothingNew: true })).toBe('您的版本已包含审稿中心版本中的全部内容，因此没有做任何改动。确认无误后请发送您的修改。');
    useI18nStore.getState().setLocale('en');
    expect(mergeNotice({ fieldsFromHub: [], blocksBothChanged: 0, blocksKeptFromHub: 0, nothingNew: true })).toMatch(/^Your version already holds everything/);
  });

  it('any other failure is shown as an error and nothing is prompted', async () => {
    const api = createFakeApi({
      'review.open': () => {
        throw new ApiError('not-found', 'The review hub folder /mnt/hub cannot be reached; check that the shared folder is connected');
      },
    });
    const stores = createAppStores(api);
    expect(await stores.review.getState().openFromHub(ID)).toBe(false);
    expect(stores.review.getState().replacePrompt).toBeNull();
    expect(stores.ui.getState().notices.at(-1)?.kind).toBe('error');
  });
});

describe('review store: a status set elsewhere', () => {
  it('replaces the toast about the old status: "Submitted for review." does not outlive the submission', async () => {
    useI18nStore.getState().setLocale('en');
    let status: ReviewState['status'] = 'submitted';
    const api = createFakeApi({
      'articles.get': () => article,
      'review.get': () => ({ articleId: ID, status }) as ReviewState,
    });
    const connection = testEventConnection();
    const stores = createAppStores(api, createEventSubscription(connection));
    connection.open();
    await stores.article.getState().open(ID);
    await stores.review.getState().load(ID);
    stores.ui.getState().showInfo('Submitted for review.', undefined, { key: reviewNoticeKey(ID) });

    status = 'changes_requested';
    connection.deliver({ name: 'review.articleChanged', payload: { articleId: ID } });
    await expect.poll(() => stores.article.getState().article?.status).toBe('changes_requested');
    expect(stores.ui.getState().notices.map((n) => n.message)).toEqual(['Status now: Changes requested.']);
    // The article header reads the article's status: it agrees with the review panel.
    expect(stores.review.getState().state?.status).toBe('changes_requested');
  });
});
