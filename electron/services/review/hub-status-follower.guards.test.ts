// Runs in: vitest (node). What the follower must never do: take the hub's word over work not yet
// sent from here, take a history that does not continue ours, or read a package again that did not move.
import { describe, expect, it } from 'vitest';
import type { ArticleStatus } from '../../../common/article';
import type { WorkflowEvent } from '../../../common/workflow/workflow-event';
import { KeyedQueue } from '../store/keyed-queue';
import { createHubStatusFollower } from './hub-status-follower';
import type { ReviewHub } from './review-hub';
import { emptyReviewRecord, type ReviewRecord } from './review-record-store';

const ID = 'art0000000001';
const event = (id: string, action: WorkflowEvent['action'], from: ArticleStatus, to: ArticleStatus): WorkflowEvent => ({
  id,
  action,
  from,
  to,
  by: { name: 'Sam Editor', role: 'editor' },
  at: '2026-12-06T09:00:00.000Z',
  note: null,
  scheduledAt: null,
  revision: 1,
} as WorkflowEvent);
const submit = event('e1', 'submit', 'draft', 'submitted');
const approve = event('e2', 'approve', 'submitted', 'approved');

function world(local: Partial<ReviewRecord>, hubHistory: WorkflowEvent[]) {
  let record: ReviewRecord = {
    ...emptyReviewRecord(),
    history: [submit],
    hub: { kind: 'folder', location: '/hub', hubRevision: 1, submittedTo: 'desk', syncedAt: '2026-12-06T09:00:00.000Z', localRevision: 1, keepsComments: true },
    ...local,
  };
  let status: ArticleStatus = 'submitted';
  let opens = 0;
  const hub = {
    kind: 'folder',
    location: '/hub',
    list: async () => ({ entries: [{ articleId: ID, status: 'approved', hubRevision: 2 }], problems: [] }),
    open: async () => {
      opens++;
      return { history: hubHistory };
    },
  } as unknown as ReviewHub;
  const follower = createHubStatusFollower({
    hub: async () => hub,
    records: {
      get: async () => record,
      update: async (_id: string, change: (r: ReviewRecord) => ReviewRecord) => (record = change(record)),
    } as never,
    library: { get: async () => ({ status }), setStatus: async (_id, next) => (status = next) },
    queue: new KeyedQueue(),
  });
  return { follower, status: () => status, record: () => record, opens: () => opens };
}

describe('hub status follower: guards', () => {
  it('takes a history that continues ours, once per hub revision', async () => {
    const w = world({}, [submit, approve]);
    expect(await w.follower.follow()).toEqual([ID]);
    expect(w.status()).toBe('approved');
    expect(w.record().history.map((e) => e.id)).toEqual(['e1', 'e2']);
    expect(await w.follower.follow()).toEqual([]);
    expect(w.opens()).toBe(1);
  });

  it('leaves a story alone while work from here waits to be sent', async () => {
    const w = world({ pendingSync: { kind: 'update', to: 'desk', since: '2026-12-06T09:00:00.000Z', attempts: 1, lastError: null, conflict: false, rebase: false, refused: false, refusals: 0, lastTriedAt: null } }, [submit, approve]);
    expect(await w.follower.follow()).toEqual([]);
    expect(w.status()).toBe('submitted');
    expect(w.opens()).toBe(0);
  });

  it('does not take a history that went another way (a person resolves that with "get the latest")', async () => {
    const w = world({}, [event('other', 'submit', 'draft', 'submitted'), approve]);
    expect(await w.follower.follow()).toEqual([]);
    expect(w.status()).toBe('submitted');
    expect(w.record().history.map((e) => e.id)).toEqual(['e1']);
  });
});
