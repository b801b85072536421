// Runs in: vitest (node), against a real WordPress on 127.0.0.1 behind a fault-injecting proxy (if
// WordPress cannot start, this fails). A hundred stories go out while about a third of all requests
// lose their reply after the server committed, reset, hang past the timeout or get a 5xx page:
// every story must end up published exactly once, with its photo uploaded exactly once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWordPress, type WordPressSite } from './support/wordpress-fixture';
import { runFaultPublishes } from './wordpress-fault-run';

describe('exactly once through a faulty network', () => {
  let site: WordPressSite;

  beforeAll(async () => {
    site = await startWordPress();
  }, 180_000);

  afterAll(async () => {
    await site?.stop();
  }, 60_000);

  it('100 stories with a photo each, ~30% of requests faulted: no duplicate posts or media, every story published once', async () => {
    const result = await runFaultPublishes({
      site,
      articles: 100,
      lanes: 4,
      seed: 20261125,
      rates: { 'drop-response': 0.08, 'reset-after-forward': 0.05, reset: 0.05, delay: 0.04, 'http-error': 0.08 },
      timeoutMs: 1_500,
      deadlineMs: 210_000,
    });

    expect(result.jobs.every((job) => job.state === 'done')).toBe(true);
    // Faults really happened, including ones where WordPress committed and the reply was lost.
    expect(result.proxy.faults['drop-response']).toBeGreaterThan(20);
    expect(result.proxy.faults.delay).toBeGreaterThan(5);
    expect(result.retried).toBeGreaterThan(20);
    // Uploads whose reply was lost were found again by slug and checked by downloading them, through the same faults.
    expect(result.proxy.log.filter((entry) => entry.method === 'GET' && entry.path.includes('/wp-content/uploads/')).length).toBeGreaterThan(0);

    for (const job of result.jobs) expect(result.postsPerJob.get(job.id) ?? 0, `posts for job ${job.id}`).toBe(1);
    for (const title of result.titles) expect(result.postsPerTitle.get(title) ?? 0, `posts titled ${title}`).toBe(1);
    for (const marker of result.photoMarkers) expect(result.mediaPerPhoto.get(marker) ?? 0, `media items for ${marker}`).toBe(1);

    expect(result.databasePosts).toBe(100);
    expect(result.databaseMedia).toBe(100);
    const remoteIds = new Set(result.jobs.map((job) => job.result?.remoteId));
    expect(remoteIds.size).toBe(100);
    for (const job of result.jobs) expect(job.result?.status).toBe('publish');
  }, 240_000);
});
