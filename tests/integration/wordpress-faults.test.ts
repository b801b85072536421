// Runs in: vitest (node), against a real WordPress on 127.0.0.1 behind a fault-injecting proxy (if
// WordPress cannot start, this fails). A hundred stories go out while about a third of all requests
// lose their reply after the server committed, reset, hang past the timeout or get a 5xx page:
// every story must end up published exactly once, with its photo uploaded exactly once. And a
// create the server commits only after the client gave up leaves no orphan draft behind.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passAll, type Fault, type FaultRequest } from './support/fault-plan';
import { startFaultProxy } from './support/fault-proxy';
import { startWordPress, type WordPressSite } from './support/wordpress-fixture';
import { newArticleId, paragraphNode, startHarness } from './publishing-harness';
import { runFaultPublishes } from './wordpress-fault-run';

const isCreatePost = ({ method, path }: FaultRequest): boolean => method === 'POST' && /\/wp\/v2\/posts(\?|$)/.test(path);

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
      deadlineMs: 330_000,
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
    for (const job of result.jobs) expect(job.result?.status).toBe('published');
  }, 360_000);

  it('24 creates that WordPress commits after the client gave up (half of them after their job ended): no orphan draft survives', async () => {
    const proxy = await startFaultProxy({ target: site.url, plan: passAll });
    const h = await startHarness({ wordpress: { timeoutMs: 2_500, uploadTimeoutMs: 2_500 }, backoff: { baseMs: 100, maxMs: 500 } });
    const titles: string[] = [];
    try {
      await h.addWordPress('late-lane', proxy.url, site.users.editor);
      const publish = async (title: string) => {
        titles.push(title);
        const article = h.save({ id: newArticleId('lt'), headline: title, meta: { section: 'Late', tags: ['late'], slug: `late-${titles.length}` }, body: { type: 'doc', content: [paragraphNode(`${title}.`)] } });
        const job = await h.publishAndWait(article.id, 'late-lane');
        expect(job.state, job.lastError?.message).toBe('done');
        return job;
      };
      for (let trial = 0; trial < 24; trial++) {
        let release = (): void => undefined;
        const released = new Promise<void>((resolve) => (release = resolve));
        const afterTheJob = trial % 2 === 0;
        let held = false;
        proxy.setPlan((request): Fault => {
          if (held || !isCreatePost(request)) return 'pass';
          held = true;
          // The first create of the job is held until the client's deadline passed (and, every other trial, until the job ended).
          return { kind: 'late-forward', release: afterTheJob ? released : undefined };
        });
        proxy.resetStats();
        await publish(`Late create ${trial}`);
        release();
        await proxy.lateForwardsSettled();
        proxy.setPlan(passAll);
        // The held create really reached WordPress, after the client had given up on it.
        expect(proxy.stats.log.filter((entry) => entry.fault === 'late-forward').map((entry) => entry.upstreamStatus)).toEqual([201]);
      }
      // The next publish to that target sweeps what landed after the last job.
      await publish('After the late creates');

      const posts = (await site.listAllPosts()).filter((post) => titles.includes(post.title.raw));
      const orphans = posts.filter((post) => post.status === 'draft' && post.slug.startsWith('dateline-'));
      console.info(`late creates: ${orphans.length} orphan drafts of 24`);
      expect(orphans.map((post) => `${post.id} ${post.slug} ${post.title.raw}`)).toEqual([]);
      for (const title of titles) expect(posts.filter((post) => post.title.raw === title), title).toHaveLength(1);
    } finally {
      await h.close();
      await proxy.close();
    }
  }, 600_000);
});
