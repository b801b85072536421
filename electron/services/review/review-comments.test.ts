// Runs in: vitest (node). Comments need a name; on a story in no hub they stay in its record, on a
// story in the hub they are written there too.
import { describe, expect, it } from 'vitest';
import { EDITOR, reviewTestContextPerTest } from '../../../tests/support/review-test-context';
import { reviewCommentHandlers } from './review-comments';
import { createReviewTransitions } from './review-transitions';

const context = reviewTestContextPerTest();
const setup = () => ({ t: context(), comments: reviewCommentHandlers(context().ctx) });

describe('review comments', () => {
  it('asks for a name and role before anything is recorded', async () => {
    const { t, comments } = setup();
    t.setProfile(null);
    const story = t.add();
    await expect(comments['comments.add']({ id: story.id, body: 'Who said this?' })).rejects.toMatchObject({ code: 'invalid-input' });
    expect((await t.ctx.records.get(story.id)).comments).toEqual([]);
  });

  it('keeps a comment on a story in no hub in its record, and resolves and reopens it', async () => {
    const { t, comments } = setup();
    const story = t.add();
    const added = await comments['comments.add']({ id: story.id, body: 'Who said this?' });
    const id = added.comments[0]?.id ?? '';
    expect(added.comments).toMatchObject([{ body: 'Who said this?', author: { name: 'Li Na' }, resolved: false }]);
    expect((await comments['comments.resolve']({ id: story.id, commentId: id })).comments[0]).toMatchObject({ resolved: true, resolvedBy: { name: 'Li Na' } });
    expect((await comments['comments.reopen']({ id: story.id, commentId: id })).comments[0]?.resolved).toBe(false);
    expect((await t.ctx.records.get(story.id)).comments).toHaveLength(1);
  });

  it('writes a reply on a story in the hub to the hub as well', async () => {
    const { t, comments } = setup();
    const story = t.add();
    await createReviewTransitions(t.ctx).run(story.id, { action: 'submit', to: 'desk' });
    const added = await comments['comments.add']({ id: story.id, body: 'Check the tonnage.' });
    t.setProfile(EDITOR);
    await comments['comments.reply']({ id: story.id, commentId: added.comments[0]?.id ?? '', body: 'Done.' });
    const inHub = await (await t.ctx.hub()).open(story.id);
    expect(inHub.comments.map((c) => [c.body, c.replies.map((r) => r.body)])).toEqual([['Check the tonnage.', ['Done.']]]);
  });
});
