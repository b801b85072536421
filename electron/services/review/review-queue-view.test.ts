// Runs in: vitest (node). The queue each person sees from one listing of the whole hub: an editor's
// stories sent to them or to the desk, a reporter's own stories returned to them, "mine" and "all".
import { describe, expect, it } from 'vitest';
import type { ArticleStatus } from '../../../common/article';
import { EDITOR, REPORTER } from '../../../tests/support/review-test-context';
import type { HubEntry, HubListing } from './review-package';
import { queueFilter, queueView } from './review-queue-view';

const hub = { kind: 'folder' as const, location: '/hub' };
const entry = (articleId: string, status: ArticleStatus, by: string, to: string): HubEntry => ({
  articleId,
  headline: articleId,
  status,
  submittedBy: { name: by, role: 'reporter' },
  submittedTo: to,
  submittedAt: '2026-12-06T09:00:00.000Z',
  hubRevision: 1,
  updatedAt: '2026-12-06T09:00:00.000Z',
  updatedBy: { name: by, role: 'reporter' },
  words: 3,
  cjkChars: 0,
  openComments: 0,
});
const listing: HubListing = {
  entries: [
    entry('to-desk', 'submitted', 'Li Na', 'desk'),
    entry('to-sam', 'submitted', 'Wang Fang', 'Sam Editor'),
    entry('to-ada', 'submitted', 'Wang Fang', 'Ada Editor'),
    entry('returned-li', 'changes_requested', 'Li Na', 'desk'),
    entry('returned-wang', 'changes_requested', 'Wang Fang', 'desk'),
  ],
  problems: [{ articleId: 'broken', path: '/hub/broken', message: 'cannot be read' }],
};
const ids = (scope: 'for-me' | 'mine' | 'all', profile: typeof EDITOR | null) => queueView(hub, listing, scope, profile).entries.map((e) => e.articleId);

describe('review queue view', () => {
  it("holds an editor's stories sent to them or to the desk, and a reporter's own returned stories", () => {
    expect(ids('for-me', EDITOR)).toEqual(['to-desk', 'to-sam']);
    expect(ids('for-me', REPORTER)).toEqual(['returned-li']);
  });

  it('holds what a person sent under "mine", everything under "all", and nothing for someone with no name', () => {
    expect(ids('mine', REPORTER)).toEqual(['to-desk', 'returned-li']);
    expect(ids('all', REPORTER)).toHaveLength(5);
    expect(queueView(hub, listing, 'for-me', null)).toEqual({ hub, entries: [], problems: [] });
    expect(queueFilter('for-me', null)).toBeNull();
  });

  it('asks the hub for no more than the scope needs, and passes its problems on', () => {
    expect(queueFilter('for-me', EDITOR)).toEqual({ to: 'Sam Editor', status: ['submitted'] });
    expect(queueFilter('all', EDITOR)).toEqual({});
    expect(queueView(hub, listing, 'all', EDITOR).problems).toEqual([{ articleId: 'broken', message: 'cannot be read' }]);
  });
});
