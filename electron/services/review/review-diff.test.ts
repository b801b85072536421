// Runs in: vitest (node). The diff compares with a base the record keeps, and says plainly when it
// keeps none.
import { describe, expect, it } from 'vitest';
import { reviewTestContextPerTest } from '../../../tests/support/review-test-context';
import { reviewDiffHandler } from './review-diff';
import { createReviewTransitions } from './review-transitions';

const context = reviewTestContextPerTest();

describe('review.diff', () => {
  it('has no base before the story was submitted, and the submitted version after', async () => {
    const t = context();
    const story = t.add();
    const diff = reviewDiffHandler(t.ctx);
    await expect(diff({ id: story.id, base: 'submitted' })).rejects.toMatchObject({ code: 'not-found', details: { base: 'submitted' } });
    await createReviewTransitions(t.ctx).run(story.id, { action: 'submit', to: 'desk' });
    await t.ctx.library.importVersion({ ...t.article(story.id), headline: 'Harbour reopens at dawn' });
    const result = await diff({ id: story.id, base: 'submitted' });
    expect(result.baseInfo).toMatchObject({ revision: story.revision, headline: 'Harbour reopens' });
    await expect(diff({ id: story.id, base: 'last-seen' })).rejects.toMatchObject({ code: 'not-found' });
  });
});
