// Runs in: vitest (Node). Which events reach the desktop as notifications, once each, and only when wanted.
import { describe, expect, it } from 'vitest';
import { OsNotificationPolicy, type NotificationFact, type NotificationFocus, type OsNotificationSettings } from './os-notification-policy';

const ALL_ON: OsNotificationSettings = { notifyStoryWaiting: true, notifyStoryReturned: true, notifyPublished: true };
const AWAY: NotificationFocus = { windowFocused: false, openArticleId: null, reviewQueueOpen: false };
const ID = 'story0000001';

const returned = (overrides: Partial<Extract<NotificationFact, { kind: 'review' }>> = {}): NotificationFact => ({
  kind: 'review',
  articleId: ID,
  headline: 'Flood',
  status: 'changes_requested',
  mine: true,
  historyLength: 3,
  hub: 'folder',
  ...overrides,
});
const job = (state: 'running' | 'done' | 'failed', skipped: null | { reason: 'up-to-date' } = null): NotificationFact => ({
  kind: 'job',
  job: { id: 'job1', articleId: ID, headline: 'Flood', state, skipped: skipped as never },
});

describe('OS notification policy', () => {
  it('says a story is waiting when the queue grows, not for the count found at start-up', () => {
    const policy = new OsNotificationPolicy();
    expect(policy.decide({ kind: 'queue', waiting: 2 }, ALL_ON, AWAY)).toBeNull();
    expect(policy.decide({ kind: 'queue', waiting: 3 }, ALL_ON, AWAY)).toMatchObject({ kind: 'story-waiting', waiting: 3 });
    expect(policy.decide({ kind: 'queue', waiting: 3 }, ALL_ON, AWAY)).toBeNull();
    expect(policy.decide({ kind: 'queue', waiting: 1 }, ALL_ON, AWAY)).toBeNull();
  });

  it('says my story came back, once per return, with a link to its review entry', () => {
    const policy = new OsNotificationPolicy();
    expect(policy.decide(returned(), ALL_ON, AWAY)).toEqual({
      kind: 'story-returned',
      key: `returned:${ID}:3`,
      headline: 'Flood',
      waiting: 0,
      link: `dateline://review/folder/${ID}`,
    });
    expect(policy.decide(returned(), ALL_ON, AWAY)).toBeNull();
    expect(policy.decide(returned({ historyLength: 5 }), ALL_ON, AWAY)).toMatchObject({ kind: 'story-returned' });
  });

  it('stays quiet about other statuses and other people’s stories', () => {
    const policy = new OsNotificationPolicy();
    expect(policy.decide(returned({ status: 'approved' }), ALL_ON, AWAY)).toBeNull();
    expect(policy.decide(returned({ mine: false, historyLength: 9 }), ALL_ON, AWAY)).toBeNull();
  });

  it('says published when a job is done and sent something, once', () => {
    const policy = new OsNotificationPolicy();
    expect(policy.decide(job('running'), ALL_ON, AWAY)).toBeNull();
    expect(policy.decide(job('failed'), ALL_ON, AWAY)).toBeNull();
    expect(policy.decide(job('done'), ALL_ON, AWAY)).toMatchObject({ kind: 'published', link: `dateline://article/${ID}` });
    expect(policy.decide(job('done'), ALL_ON, AWAY)).toBeNull();
    expect(new OsNotificationPolicy().decide(job('done', { reason: 'up-to-date' }), ALL_ON, AWAY)).toBeNull();
  });

  it('respects each setting', () => {
    const off: OsNotificationSettings = { notifyStoryWaiting: false, notifyStoryReturned: false, notifyPublished: false };
    const policy = new OsNotificationPolicy();
    policy.decide({ kind: 'queue', waiting: 0 }, off, AWAY);
    expect(policy.decide({ kind: 'queue', waiting: 1 }, off, AWAY)).toBeNull();
    expect(policy.decide(returned(), off, AWAY)).toBeNull();
    expect(policy.decide(job('done'), off, AWAY)).toBeNull();
    expect(policy.decide(job('done'), { ...off, notifyPublished: true }, AWAY)).toBeNull();
    expect(new OsNotificationPolicy().decide(job('done'), { ...off, notifyPublished: true }, AWAY)).toMatchObject({ kind: 'published' });
  });

  it('is silent while the window is focused on that story, and speaks when it is on another or in the background', () => {
    const onThisStory: NotificationFocus = { windowFocused: true, openArticleId: ID, reviewQueueOpen: false };
    expect(new OsNotificationPolicy().decide(job('done'), ALL_ON, onThisStory)).toBeNull();
    expect(new OsNotificationPolicy().decide(returned(), ALL_ON, onThisStory)).toBeNull();
    expect(new OsNotificationPolicy().decide(job('done'), ALL_ON, { ...onThisStory, openArticleId: 'other0000001' })).not.toBeNull();
    expect(new OsNotificationPolicy().decide(job('done'), ALL_ON, { ...onThisStory, windowFocused: false })).not.toBeNull();
  });

  it('is silent about waiting stories while the review queue is in front', () => {
    const policy = new OsNotificationPolicy();
    policy.decide({ kind: 'queue', waiting: 0 }, ALL_ON, AWAY);
    expect(policy.decide({ kind: 'queue', waiting: 1 }, ALL_ON, { windowFocused: true, openArticleId: null, reviewQueueOpen: true })).toBeNull();
    expect(policy.decide({ kind: 'queue', waiting: 2 }, ALL_ON, { windowFocused: true, openArticleId: ID, reviewQueueOpen: false })).not.toBeNull();
  });
});
