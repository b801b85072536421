// Runs in: vitest (node). What waits for the hub goes out once it can be reached, one article's
// work can be sent at once, and "Send changes" goes only for a story in the hub that its person
// may change on their own.
import { describe, expect, it } from 'vitest';
import { EDITOR, reviewTestContextPerTest } from '../../../tests/support/review-test-context';
import { createReviewHubSync } from './review-hub-sync';
import { createReviewTransitions } from './review-transitions';

const context = reviewTestContextPerTest();
const setup = () => ({ t: context(), sync: createReviewHubSync(context().ctx), transitions: createReviewTransitions(context().ctx) });

describe('review hub sync', () => {
  it('sends an offline submission once the hub is back, and says how much still waits', async () => {
    const { t, sync, transitions } = setup();
    const story = t.add();
    t.unplug(true);
    await transitions.run(story.id, { action: 'submit', to: 'desk' });
    expect(await sync.syncPending()).toBe(1);
    t.unplug(false);
    expect(await sync.syncPending()).toBe(0);
    const record = await t.ctx.records.get(story.id);
    expect(record.pendingSync).toBeNull();
    expect(record.hub).toMatchObject({ kind: 'folder', submittedTo: 'desk', localRevision: story.revision });
    expect((await (await t.ctx.hub()).list({})).entries.map((e) => e.articleId)).toEqual([story.id]);
  });

  it('review.sync with an id sends that article and counts what still waits for it', async () => {
    const { t, sync, transitions } = setup();
    const story = t.add();
    t.unplug(true);
    await transitions.run(story.id, { action: 'submit', to: 'desk' });
    expect(await sync.handlers['review.sync']({ id: story.id })).toEqual({ pending: 1 });
    t.unplug(false);
    expect(await sync.handlers['review.sync']({ id: story.id })).toEqual({ pending: 0 });
  });

  it('sends changes only for a story in the hub, and only when its person may', async () => {
    const { t, sync, transitions } = setup();
    const story = t.add();
    await expect(sync.handlers['review.sendChanges']({ id: story.id })).rejects.toMatchObject({ code: 'not-found' });
    await transitions.run(story.id, { action: 'submit', to: 'desk' });
    const hubRevision = (await t.ctx.records.get(story.id)).hub?.hubRevision;
    const sent = await sync.handlers['review.sendChanges']({ id: story.id });
    expect(sent.pendingSync).toBeNull();
    expect((await t.ctx.records.get(story.id)).hub?.hubRevision).not.toBe(hubRevision);
    // Returned to the reporter: an editor's edits wait for the next workflow action.
    t.setProfile(EDITOR);
    await transitions.run(story.id, { action: 'request-changes', note: 'Add the port authority.' });
    await expect(sync.handlers['review.sendChanges']({ id: story.id })).rejects.toMatchObject({ code: 'permission-denied' });
  });
});
