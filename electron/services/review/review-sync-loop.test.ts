// Runs in: vitest (node). The review sync loop: one run at a time, a fresh run after the network
// comes back, the queue of what waits taken from the run's own listing of the hub (the hub is
// listed once per run), and quitting waits for the run under way.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReviewQueue } from '../../../common/workflow/review-contract';
import { makeArticle } from '../../../tests/fixtures/sample-article';
import { consoleLogger } from '../log/logger';
import { FolderHub } from './folder-hub';
import type { ReviewHub } from './review-hub';
import { ReviewRecordStore } from './review-record-store';
import { createReviewQueueWatch } from './review-queue-watch';
import { createReviewService, type ReviewService } from './review-service';
import { startReviewSyncLoop, type ReviewSyncLoop } from './review-sync-loop';

const HOUR = 3_600_000;
const quiet = { ...consoleLogger, warn: () => undefined };

function deferred<T = void>() {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

function fakeReview() {
  const runs: { onlyDue: boolean | undefined; done: ReturnType<typeof deferred<void>> }[] = [];
  const forMe: ReviewQueue = { hub: { kind: 'folder', location: '/hub' }, entries: [], problems: [] };
  let followFails = false;
  const review: Pick<ReviewService, 'syncPending' | 'followHub'> = {
    syncPending: (options) => {
      const done = deferred();
      runs.push({ onlyDue: options?.onlyDue, done });
      return done.promise.then(() => 0);
    },
    followHub: async () => {
      if (followFails) throw new Error('hub unplugged');
      return { learned: [], forMe };
    },
  };
  const checks: (ReviewQueue | null | undefined)[] = [];
  const checked = deferred();
  const queueWatch = {
    check: async (known?: ReviewQueue | null) => {
      checks.push(known);
      checked.resolve();
    },
  };
  return { review, queueWatch, runs, checks, checked, forMe, failFollow: () => (followFails = true) };
}

let loop: ReviewSyncLoop | null = null;
afterEach(async () => {
  await loop?.close();
  loop = null;
});

describe('review sync loop', () => {
  it('sends what waits, follows the hub, and tells the queue watch what the follow saw', async () => {
    const fake = fakeReview();
    loop = startReviewSyncLoop({ review: fake.review, queueWatch: fake.queueWatch, logger: quiet, intervalMs: HOUR });
    expect(fake.runs.map((r) => r.onlyDue)).toEqual([true]);
    fake.runs[0]?.done.resolve();
    await fake.checked.promise;
    expect(fake.checks).toEqual([fake.forMe]);
  });

  it('runs one at a time; the network coming back during a run asks for one fresh run that tries everything', async () => {
    const fake = fakeReview();
    loop = startReviewSyncLoop({ review: fake.review, queueWatch: fake.queueWatch, logger: quiet, intervalMs: HOUR });
    loop.soon();
    loop.soon(true);
    loop.soon(true);
    expect(fake.runs).toHaveLength(1);
    fake.runs[0]?.done.resolve();
    await expect.poll(() => fake.runs.length).toBe(2);
    expect(fake.runs[1]?.onlyDue).toBe(false);
    fake.runs[1]?.done.resolve();
  });

  it('lets the queue watch look for itself when the hub could not be followed', async () => {
    const fake = fakeReview();
    fake.failFollow();
    loop = startReviewSyncLoop({ review: fake.review, queueWatch: fake.queueWatch, logger: quiet, intervalMs: HOUR });
    fake.runs[0]?.done.resolve();
    await fake.checked.promise;
    expect(fake.checks).toEqual([undefined]);
  });

  it('closing waits for the run under way', async () => {
    const fake = fakeReview();
    const started = startReviewSyncLoop({ review: fake.review, queueWatch: fake.queueWatch, logger: quiet, intervalMs: HOUR });
    let closed = false;
    const closing = started.close().then(() => (closed = true));
    await Promise.resolve();
    expect(closed).toBe(false);
    fake.runs[0]?.done.resolve();
    await closing;
    expect(fake.checks).toHaveLength(1);
  });
});

describe('review sync loop with the review service', () => {
  let root: string | null = null;
  afterEach(async () => {
    if (root) await rm(root, { recursive: true, force: true });
    root = null;
  });

  it('lists the hub once per run: the follower and the queue of what waits share the listing', async () => {
    root = await mkdtemp(join(tmpdir(), 'dateline-sync-loop-'));
    await mkdir(join(root, 'hub'));
    const folder = new FolderHub({ root: join(root, 'hub'), media: { read: async () => new Uint8Array(), import: async () => ({}) as never }, log: () => undefined });
    const reporter = { name: 'Li Na', role: 'reporter' as const };
    const story = makeArticle({ id: '01jc0000000000000000000001', headline: 'Harbour reopens', status: 'submitted' });
    await folder.submit(story, { by: reporter, to: 'desk', history: [], comments: [], baseHubRevision: null });
    let lists = 0;
    const hub: ReviewHub = {
      kind: folder.kind,
      location: folder.location,
      submit: (...args) => folder.submit(...args),
      update: (...args) => folder.update(...args),
      open: (id) => folder.open(id),
      currentRevision: (id) => folder.currentRevision(id),
      list: (filter) => {
        lists += 1;
        return folder.list(filter);
      },
    };
    const library = { get: async () => story, setStatus: async () => story, importVersion: async () => story };
    const review = createReviewService({
      library,
      records: new ReviewRecordStore(join(root, 'library')),
      profile: async () => ({ name: 'Sam Editor', role: 'editor' }),
      hub: async () => hub,
      newId: () => 'id',
      logger: quiet,
    });
    const heard: number[] = [];
    const announced = deferred();
    const queueWatch = createReviewQueueWatch({
      queue: () => review.handlers['review.queue']({ scope: 'for-me' }),
      events: {
        emit: (_name, payload) => {
          heard.push((payload as { waiting: number }).waiting);
          announced.resolve();
        },
      },
    });
    loop = startReviewSyncLoop({ review, queueWatch, logger: quiet, intervalMs: HOUR });
    await announced.promise;
    await loop.close();
    loop = null;
    expect(heard).toEqual([1]);
    expect(lists).toBe(1);
  });
});
