// Runs in: vitest (node). Who may send a story's edits to the hub on their own, and what the panel
// offers someone with no newsroom profile.
import { describe, expect, it } from 'vitest';
import { makeArticle } from '../../../tests/fixtures/sample-article';
import { EDITOR, REPORTER } from '../../../tests/support/review-test-context';
import { emptyReviewRecord } from './review-record-store';
import { baseInfo, mayChange, stateOf } from './review-state';

const inHub = { ...emptyReviewRecord(), hub: { kind: 'folder' as const, location: '/hub', hubRevision: 1, submittedTo: 'desk', syncedAt: '2026-12-06T09:00:00.000Z', localRevision: 1, keepsComments: true } };

describe('review state', () => {
  it('lets editors send changes while a story waits for the desk or is approved, never while it is returned', () => {
    expect(mayChange('submitted', inHub, EDITOR, 'Li Na')).toBe(true);
    expect(mayChange('approved', inHub, EDITOR, 'Li Na')).toBe(true);
    expect(mayChange('changes_requested', inHub, EDITOR, 'Li Na')).toBe(false);
  });

  it("lets a reporter send changes only to their own story waiting for the desk, and nobody to a story in no hub", () => {
    expect(mayChange('submitted', inHub, REPORTER, 'Li Na')).toBe(true);
    expect(mayChange('submitted', inHub, REPORTER, 'Wang Fang')).toBe(false);
    expect(mayChange('approved', inHub, REPORTER, 'Li Na')).toBe(false);
    expect(mayChange('submitted', emptyReviewRecord(), EDITOR, 'Li Na')).toBe(false);
    expect(mayChange('submitted', inHub, null, 'Li Na')).toBe(false);
  });

  it('offers no actions without a profile, and names the diff bases the record keeps', async () => {
    const article = makeArticle({ headline: 'Harbour reopens', revision: 2 });
    const state = await stateOf({ profile: async () => null }, article, { ...emptyReviewRecord(), submitted: { article, at: '2026-12-06T09:00:00.000Z' } });
    expect(state.allowedActions).toEqual([]);
    expect(state.diffBases).toEqual({ lastSeen: null, submitted: baseInfo(article, '2026-12-06T09:00:00.000Z'), previousSubmission: null });
    expect(baseInfo(article, '2026-12-06T09:00:00.000Z')).toEqual({ revision: 2, at: '2026-12-06T09:00:00.000Z', headline: 'Harbour reopens' });
  });
});
