// Runs in: vitest (node). Workflow actions one at a time: a submission reaches the hub and the
// library, an offline one waits in the record, a spike stops publishing, only editors publish, and a
// publication is recorded in the history of a story that never went to a hub.
import { describe, expect, it } from 'vitest';
import { EDITOR, reviewTestContextPerTest } from '../../../tests/support/review-test-context';
import { createReviewTransitions } from './review-transitions';

const context = reviewTestContextPerTest();
const setup = () => ({ t: context(), transitions: createReviewTransitions(context().ctx) });

describe('review transitions', () => {
  it('a reporter submits: the hub holds the story, the library says submitted, the history says who', async () => {
    const { t, transitions } = setup();
    const story = t.add();
    const state = await transitions.run(story.id, { action: 'submit', to: 'desk' });
    expect(state).toMatchObject({ status: 'submitted', owner: 'Li Na', pendingSync: null });
    expect(t.article(story.id).status).toBe('submitted');
    expect((await (await t.ctx.hub()).list({})).entries.map((e) => e.articleId)).toEqual([story.id]);
    expect(t.changed).toEqual([story.id]);
  });

  it('refuses to send a story without a headline', async () => {
    const { t, transitions } = setup();
    const story = t.add({ headline: '  ' });
    await expect(transitions.run(story.id, { action: 'submit' })).rejects.toMatchObject({ code: 'invalid-input' });
    expect(t.article(story.id).status).toBe('draft');
  });

  it('offline, records the submission here to be sent later', async () => {
    const { t, transitions } = setup();
    const story = t.add();
    t.unplug(true);
    const state = await transitions.run(story.id, { action: 'submit', to: 'desk' });
    expect(state.status).toBe('submitted');
    expect((await t.ctx.records.get(story.id)).pendingSync).toMatchObject({ kind: 'submit', to: 'desk', attempts: 1 });
  });

  it('an editor spiking a story tells publishing, so nothing queued goes out', async () => {
    const { t, transitions } = setup();
    const story = t.add();
    await transitions.run(story.id, { action: 'submit', to: 'desk' });
    t.setProfile(EDITOR);
    await transitions.run(story.id, { action: 'spike', note: 'Single anonymous source.' });
    expect(t.spiked).toEqual([story.id]);
    await expect(transitions.checkMayPublish(story.id, 'published')).rejects.toMatchObject({ code: 'conflict' });
  });

  it('lets only editors put a story live; a draft can always be saved', async () => {
    const { t, transitions } = setup();
    const story = t.add();
    await expect(transitions.checkMayPublish(story.id, 'published')).rejects.toMatchObject({ code: 'permission-denied' });
    await expect(transitions.checkMayPublish(story.id, 'draft')).resolves.toBeUndefined();
    t.setProfile(EDITOR);
    await expect(transitions.checkMayPublish(story.id, 'scheduled')).resolves.toBeUndefined();
    // Someone working alone, with no newsroom profile and no workflow, publishes freely.
    t.setProfile(null);
    await expect(transitions.checkMayPublish(story.id, 'published')).resolves.toBeUndefined();
  });

  it("records an editor's publication of a draft that never went to a hub: submitted, approved, published here", async () => {
    const { t, transitions } = setup();
    const story = t.add();
    t.setProfile(EDITOR);
    await transitions.recordPublished(story.id, { status: 'published', scheduledAt: null });
    await transitions.recorded(story.id);
    const record = await t.ctx.records.get(story.id);
    expect(record.history.map((e) => e.action)).toEqual(['submit', 'approve', 'publish']);
    expect(record.hub).toBeNull();
    expect(t.article(story.id).status).toBe('published');
  });

  it('approve-and-publish approves a submitted story once, and leaves an approved one as it is', async () => {
    const { t, transitions } = setup();
    const story = t.add();
    await transitions.run(story.id, { action: 'submit', to: 'desk' });
    t.setProfile(EDITOR);
    await transitions.approveForPublish(story.id);
    await transitions.approveForPublish(story.id);
    expect((await t.ctx.records.get(story.id)).history.map((e) => e.action)).toEqual(['submit', 'approve']);
  });
});
