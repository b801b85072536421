// Runs in: vitest (node). Opening the hub's version: a version that is not this article or whose
// history is broken is refused, edits the hub has not seen are not replaced unasked, and an editor
// opening a submitted story gets its history and the "since it was submitted" base.
import { describe, expect, it } from 'vitest';
import type { WorkflowEvent } from '../../../common/workflow/workflow-event';
import { makeArticle } from '../../../tests/fixtures/sample-article';
import { EDITOR, reviewTestContextPerTest } from '../../../tests/support/review-test-context';
import { emptyReviewRecord } from './review-record-store';
import { createReviewHubSync } from './review-hub-sync';
import { checkOpened, hasLocalChanges, reviewOpenHandler } from './review-open';
import { createReviewTransitions } from './review-transitions';

const event = (from: WorkflowEvent['from'], to: WorkflowEvent['to']): WorkflowEvent =>
  ({ id: `${from}-${to}`, action: 'submit', from, to, by: { name: 'Li Na', role: 'reporter' }, at: '2026-12-06T09:00:00.000Z', note: null, scheduledAt: null, revision: 1 }) as WorkflowEvent;

describe("checking the hub's version", () => {
  const article = makeArticle({ id: '01jc0000000000000000000001', status: 'submitted' });

  it('refuses another article, a broken history, and a history that ends elsewhere', () => {
    expect(() => checkOpened('01jc0000000000000000000002', article, [])).toThrow(expect.objectContaining({ code: 'corrupt-file' }));
    expect(() => checkOpened(article.id, article, [event('draft', 'submitted'), event('approved', 'published')])).toThrow(expect.objectContaining({ code: 'corrupt-file' }));
    expect(() => checkOpened(article.id, article, [event('draft', 'approved')])).toThrow(expect.objectContaining({ code: 'corrupt-file' }));
    expect(() => checkOpened(article.id, article, [event('draft', 'submitted')])).not.toThrow();
  });

  it('counts an article never synced, or edited since, as changed here', () => {
    const link = { kind: 'folder' as const, location: '/hub', hubRevision: 1, submittedTo: 'desk', syncedAt: '2026-12-06T09:00:00.000Z', localRevision: 3, keepsComments: true };
    expect(hasLocalChanges({ ...article, revision: 3 }, emptyReviewRecord())).toBe(true);
    expect(hasLocalChanges({ ...article, revision: 3 }, { ...emptyReviewRecord(), hub: link })).toBe(false);
    expect(hasLocalChanges({ ...article, revision: 4 }, { ...emptyReviewRecord(), hub: link })).toBe(true);
  });
});

describe('review.open', () => {
  const context = reviewTestContextPerTest();

  it("gives an editor the submitted story with its history, and refuses to replace edits the hub has not seen", async () => {
    const t = context();
    const story = t.add();
    await createReviewTransitions(t.ctx).run(story.id, { action: 'submit', to: 'desk' });
    const open = reviewOpenHandler(t.ctx, createReviewHubSync(t.ctx));
    t.setProfile(EDITOR);
    const opened = await open({ id: story.id, replaceLocal: false });
    expect(opened).toMatchObject({ status: 'submitted', owner: 'Li Na' });
    expect(opened.history.map((e) => e.action)).toEqual(['submit']);
    expect(opened.diffBases.submitted).not.toBeNull();
    // An edit here the hub has not seen: opening again would replace it.
    await t.ctx.library.importVersion({ ...t.article(story.id), headline: 'Harbour reopens at dawn' });
    await expect(open({ id: story.id, replaceLocal: false })).rejects.toMatchObject({ code: 'conflict', details: { localChanges: true } });
    expect((await open({ id: story.id, replaceLocal: true })).status).toBe('submitted');
  });
});
