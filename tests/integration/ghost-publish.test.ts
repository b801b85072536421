// Runs in: vitest (node), against a real Ghost 6 on 127.0.0.1 (Node 22 and Ghost from the npm
// registry, installed once into a cache by the fixture; if it cannot start, these tests fail). A
// newsroom publishes through the whole stack — checklist, outbox, Ghost adapter — and Ghost ends up
// with exactly what the story says, once, however often the network drops a reply.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleTagSlug } from '../../electron/services/publish/ghost/ghost-article-posts';
import { ghostImageName } from '../../electron/services/publish/ghost/ghost-images';
import { ghostAdmin, ghostImageFiles, ghostPost, ghostPostsTagged, type GhostTestPost } from '../support/ghost/ghost-admin-requests';
import { startGhost, type GhostSite } from '../support/ghost/ghost-fixture';
import { figureNode, newArticleId, paragraphNode, startHarness, waitForJob, type Harness } from './publishing-harness';
import { randomFaultPlan, type FaultPlan } from './support/fault-plan';
import { startFaultProxy, type FaultProxy } from './support/fault-proxy';
import { waitUntil } from '../support/wait-until';

/** A Lexical node of the post, as Ghost stores it. */
interface LexicalNode {
  type: string;
  src?: string;
  alt?: string;
  caption?: string;
  children?: LexicalNode[];
}

function lexicalNodes(post: GhostTestPost): LexicalNode[] {
  const all: LexicalNode[] = [];
  const visit = (node: LexicalNode) => {
    all.push(node);
    for (const child of node.children ?? []) visit(child);
  };
  visit((JSON.parse(post.lexical ?? '{"root":{"type":"root"}}') as { root: LexicalNode }).root);
  return all;
}

/** Waits until the wall clock is in a later second than `iso` (Ghost compares updated_at to the second). */
async function nextSecondAfter(iso: string): Promise<void> {
  const second = Math.floor(Date.parse(iso) / 1000);
  await waitUntil(() => Math.floor(Date.now() / 1000) > second, 'the clock to leave the second of the last update', 5_000);
}

describe('publishing to a real Ghost 6', () => {
  let site: GhostSite;
  let h: Harness;

  beforeAll(async () => {
    // A cold cache installs Ghost first (minutes of compiling); later runs start from the snapshot.
    site = await startGhost();
    console.info(`[ghost] install ${site.timings.installMs} ms, start ${site.timings.startMs} ms (${site.timings.fromSnapshot ? 'from the snapshot' : 'fresh setup'})`);
    h = await startHarness({ backoff: { baseMs: 100, maxMs: 1_000 } });
    await h.addGhost('ghost-news', site.url, site.adminKey);
  }, 30 * 60_000);

  afterAll(async () => {
    await h?.close();
    await site?.stop();
  }, 60_000);

  it('a Chinese story with photos becomes one post: image cards with alt and caption, the lead as feature image, section first among the tags, excerpt, author by email', async () => {
    const [lead, second, third] = [await h.photo(11), await h.photo(12), await h.photo(13)] as [string, string, string];
    const article = h.save({
      id: newArticleId('gh'),
      headline: '成都高新区新建三所学校',
      summary: '高新区今年新建三所学校，新增学位五千个。',
      meta: {
        section: '本地',
        tags: ['教育', '成都', '学校'],
        slug: 'chengdu-new-schools',
        language: 'zh-CN',
        bylines: [
          { name: site.owner.name, role: '记者' },
          { name: '李四', role: '实习生' },
        ],
      },
      body: {
        type: 'doc',
        content: [
          figureNode(lead, { alt: '新校舍外景', credit: '高新区管委会供图', caption: '新建的天府小学。', lead: true }),
          paragraphNode('本报讯 今年秋季，高新区三所新学校将投入使用。'),
          figureNode(second, { alt: '教室内景', credit: '张三', caption: '宽敞的教室。' }),
          { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: '学位' }] },
          figureNode(third, { alt: '操场', credit: '李四', caption: '新操场。' }),
        ],
      },
    });
    const job = await h.publishAndWait(article.id, 'ghost-news');
    expect(job.lastError).toBeNull();
    expect(job.state).toBe('done');
    expect(job.progress).toMatchObject({ mediaDone: 3, mediaTotal: 3 });

    const tagged = await ghostPostsTagged(site, articleTagSlug(article.id));
    expect(tagged).toHaveLength(1);
    const post = await ghostPost(site, job.result?.remoteId ?? '');
    expect(post.status).toBe('published');
    expect(post.title).toBe('成都高新区新建三所学校');
    expect(post.custom_excerpt).toBe('高新区今年新建三所学校，新增学位五千个。');
    expect(post.slug).toBe('chengdu-new-schools');
    expect(job.result?.url).toBe(post.url);
    expect(job.result?.remoteModified).toBe(post.updated_at);

    // The section is the primary tag; the marker tag is internal (never shown to readers).
    expect(post.tags.map((t) => t.name)).toEqual(['本地', '教育', '成都', '学校', `#dateline-${article.id}`]);
    expect(post.primary_tag?.name).toBe('本地');

    // The lead photo is the feature image, with its alt and its caption (and credit), not a block.
    expect(post.feature_image).toMatch(new RegExp(`/content/images/.+/${ghostImageName(lead).replace('.', '\\.')}$`));
    expect(post.feature_image_alt).toBe('新校舍外景');
    expect(post.feature_image_caption).toContain('新建的天府小学。');
    expect(post.feature_image_caption).toContain('高新区管委会供图');
    const images = lexicalNodes(post).filter((node) => node.type === 'image');
    expect(images.map((image) => image.alt)).toEqual(['教室内景', '操场']);
    expect(images[0]?.caption).toContain('宽敞的教室。');
    expect(images[0]?.caption).toContain('摄影：张三');
    expect(images[1]?.caption).toContain('新操场。');
    expect(images.map((image) => image.src)).not.toContain(post.feature_image);

    // The reporter is a staff user of the site: the author by email; the intern is not, and the result says so.
    expect(post.authors.map((a) => a.email)).toEqual([site.owner.email]);
    expect(job.result?.remarks).toEqual([{ kind: 'author-not-on-site', name: '李四' }]);
    for (const photo of [lead, second, third]) expect(await ghostImageFiles(site, ghostImageName(photo).replace(/\.[a-z]+$/, ''))).toHaveLength(1);
  });

  it('a corrected story updates the same post in place; publishing it unchanged sends nothing', async () => {
    const id = newArticleId('gh');
    const first = h.save({ id, headline: '地铁18号线开通', summary: '今天开通。', meta: { section: '交通', tags: ['地铁'], slug: 'metro-18' }, body: { type: 'doc', content: [paragraphNode('今天上午，地铁18号线开通。')] } });
    const done = await h.publishAndWait(first.id, 'ghost-news');
    expect(done.state).toBe('done');
    h.save({ id, headline: '地铁18号线今日开通（更正）', summary: '今天开通，首班车6:30。', meta: { section: '交通', tags: ['地铁', '更正'], slug: 'metro-18' }, body: { type: 'doc', content: [paragraphNode('今天上午，地铁18号线开通，首班车6:30发车。')] } });
    const updated = await h.publishAndWait(id, 'ghost-news');
    expect(updated.lastError).toBeNull();
    expect(updated.state).toBe('done');
    expect(updated.result?.remoteId).toBe(done.result?.remoteId);
    const post = await ghostPost(site, updated.result?.remoteId ?? '');
    expect(post.title).toBe('地铁18号线今日开通（更正）');
    expect(post.html).toContain('首班车6:30发车');
    expect(post.tags.map((t) => t.name)).toEqual(['交通', '地铁', '更正', `#dateline-${id}`]);
    expect(await ghostPostsTagged(site, articleTagSlug(id))).toHaveLength(1);

    const again = await h.publishAndWait(id, 'ghost-news');
    expect(again.state).toBe('done');
    expect(again.skipped?.reason).toBe('unchanged');
    expect((await ghostPost(site, post.id)).updated_at).toBe(post.updated_at);
  });

  it('a scheduled story waits in Ghost as scheduled, at its time, and goes live at once when the desk says so', async () => {
    const at = new Date(Date.now() + 3 * 86_400_000);
    at.setUTCMilliseconds(0);
    const article = h.save({ id: newArticleId('gh'), headline: '周末天气预报', summary: '周末晴。', meta: { section: '天气', tags: [] }, body: { type: 'doc', content: [paragraphNode('周末以晴为主。')] } });
    const job = await h.publishAndWait(article.id, 'ghost-news', 'scheduled', at.toISOString());
    expect(job.lastError).toBeNull();
    expect(job.result?.status).toBe('scheduled');
    const post = await ghostPost(site, job.result?.remoteId ?? '');
    expect(post.status).toBe('scheduled');
    expect(Date.parse(post.published_at ?? '')).toBe(at.getTime());

    // The desk decides to run it now: the same post goes live, no longer waiting for its old time.
    const now = await h.publishAndWait(article.id, 'ghost-news', 'published');
    expect(now.lastError).toBeNull();
    expect(now.result?.remoteId).toBe(post.id);
    const live = await ghostPost(site, post.id);
    expect(live.status).toBe('published');
    expect(Date.parse(live.published_at ?? '')).toBeLessThan(at.getTime());
  });

  it('a backdated story keeps its original date in Ghost; another kept date publishes it again, the same one sends nothing', async () => {
    const original = '2019-03-04T12:01:52+08:00';
    const id = newArticleId('gh');
    h.save({ id, headline: '十年前的今天：地铁1号线开通', summary: '旧闻重发。', meta: { section: '本地', tags: [], plannedAt: original }, body: { type: 'doc', content: [paragraphNode('地铁1号线开通。')] } });
    const job = await h.publishAndWait(id, 'ghost-news', 'published', null, { backdateTo: original });
    expect(job.lastError).toBeNull();
    expect(job.state).toBe('done');
    const post = await ghostPost(site, job.result?.remoteId ?? '');
    expect(post.status).toBe('published');
    expect(new Date(post.published_at ?? '').toISOString()).toBe('2019-03-04T04:01:52.000Z');

    const same = await h.publishAndWait(id, 'ghost-news', 'published', null, { backdateTo: original });
    expect(same.skipped?.reason).toBe('unchanged');
    expect((await ghostPost(site, post.id)).updated_at).toBe(post.updated_at);

    // The desk corrects the original date: the same post, now with that date.
    const corrected = await h.publishAndWait(id, 'ghost-news', 'published', null, { backdateTo: '2019-03-05T08:00:00+08:00' });
    expect(corrected.lastError).toBeNull();
    expect(corrected.skipped).toBeNull();
    expect(corrected.result?.remoteId).toBe(post.id);
    expect(new Date((await ghostPost(site, post.id)).published_at ?? '').toISOString()).toBe('2019-03-05T00:00:00.000Z');
  });

  it('an edit made in Ghost since the last publish is a conflict, never overwritten unasked', async () => {
    const id = newArticleId('gh');
    h.save({ id, headline: '市民公园开放', summary: '今天开放。', meta: { section: '本地', tags: [] }, body: { type: 'doc', content: [paragraphNode('公园今天开放。')] } });
    const done = await h.publishAndWait(id, 'ghost-news');
    const postId = done.result?.remoteId ?? '';
    const before = await ghostPost(site, postId);
    await nextSecondAfter(before.updated_at);
    const edit = await ghostAdmin<unknown>(site, 'PUT', `posts/${postId}/`, { posts: [{ title: '市民公园开放（编辑部修改）', updated_at: before.updated_at }] });
    expect(edit.status).toBe(200);

    h.save({ id, headline: '市民公园今日开放', summary: '今天开放。', meta: { section: '本地', tags: [] }, body: { type: 'doc', content: [paragraphNode('公园今天上午开放。')] } });
    const conflicted = await h.publishAndWait(id, 'ghost-news');
    expect(conflicted.state).toBe('conflict');
    expect(conflicted.conflict?.remote.title).toBe('市民公园开放（编辑部修改）');
    expect(conflicted.conflict?.local.title).toBe('市民公园今日开放');
    expect((await ghostPost(site, postId)).title).toBe('市民公园开放（编辑部修改）');

    const overwritten = await h.service.handlers['outbox.resolveConflict']({ jobId: conflicted.id, resolution: 'overwrite' });
    const finished = await waitForJob(h.service, overwritten.id, ['done', 'failed', 'conflict']);
    expect(finished.state).toBe('done');
    expect((await ghostPost(site, postId)).title).toBe('市民公园今日开放');
  });

  it('an edit that lands between Dateline’s read and its write is refused by Ghost (stale updated_at) and becomes a conflict', async () => {
    const id = newArticleId('gh');
    h.save({ id, headline: '图书馆延长开放时间', summary: '延长到晚上十点。', meta: { section: '本地', tags: [] }, body: { type: 'doc', content: [paragraphNode('市图书馆延长开放时间。')] } });
    const done = await h.publishAndWait(id, 'ghost-news');
    const postId = done.result?.remoteId ?? '';
    // A second library whose Ghost requests pass through a hook: right before its update goes out,
    // someone saves the post in Ghost.
    let editedBehindItsBack = false;
    const racing = await startHarness({
      ghost: {
        timeoutMs: 30_000,
        fetchImpl: async (input, init) => {
          if (init.method === 'PUT' && input.includes(`/posts/${postId}/`) && !editedBehindItsBack) {
            editedBehindItsBack = true;
            const current = await ghostPost(site, postId);
            await nextSecondAfter(current.updated_at);
            await ghostAdmin(site, 'PUT', `posts/${postId}/`, { posts: [{ title: '图书馆延长开放（值班编辑改）', updated_at: current.updated_at }] });
          }
          return fetch(input, init);
        },
      },
    });
    try {
      await racing.addGhost('ghost-news', site.url, site.adminKey);
      racing.save({ id, headline: '图书馆延长开放时间到十点', summary: '延长到晚上十点。', meta: { section: '本地', tags: [] }, body: { type: 'doc', content: [paragraphNode('市图书馆开放到晚上十点。')] } });
      // This library never published the story: it finds the post by its tag and must be told to overwrite.
      const first = await racing.publishAndWait(id, 'ghost-news');
      expect(first.state).toBe('conflict');
      const resolved = await racing.service.handlers['outbox.resolveConflict']({ jobId: first.id, resolution: 'overwrite' });
      const job = await waitForJob(racing.service, resolved.id, ['done', 'failed', 'conflict']);
      expect(editedBehindItsBack).toBe(true);
      expect(job.state).toBe('conflict');
      expect(job.conflict?.remote.title).toBe('图书馆延长开放（值班编辑改）');
      expect((await ghostPost(site, postId)).title).toBe('图书馆延长开放（值班编辑改）');
    } finally {
      await racing.close();
    }
  });

  it('a wrong Admin API key and a wrong address each fail the connection test with their own message', async () => {
    const [id] = site.adminKey.split(':');
    await h.addGhost('ghost-wrong-key', site.url, `${id}:${'0'.repeat(64)}`);
    await expect(h.service.handlers['targets.test']({ id: 'ghost-wrong-key' })).rejects.toMatchObject({ code: 'remote-auth', message: expect.stringContaining('refused the Admin API key') });
    await h.addGhost('ghost-unknown-key', site.url, `${'ab'.repeat(12)}:${'0'.repeat(64)}`);
    await expect(h.service.handlers['targets.test']({ id: 'ghost-unknown-key' })).rejects.toMatchObject({ code: 'remote-auth', message: expect.stringContaining('Unknown Admin API Key') });

    const notGhost: Server = createServer((_req, res) => res.writeHead(404, { 'content-type': 'text/html' }).end('<html><title>Not here</title></html>'));
    await new Promise<void>((resolve) => notGhost.listen(0, '127.0.0.1', resolve));
    try {
      await h.addGhost('ghost-not-ghost', `http://127.0.0.1:${(notGhost.address() as AddressInfo).port}`, site.adminKey);
      await expect(h.service.handlers['targets.test']({ id: 'ghost-not-ghost' })).rejects.toMatchObject({ code: 'remote-not-ghost' });
    } finally {
      await new Promise((resolve) => notGhost.close(resolve));
    }
    await h.addGhost('ghost-nobody', 'http://127.0.0.1:9', site.adminKey);
    await expect(h.service.handlers['targets.test']({ id: 'ghost-nobody' })).rejects.toMatchObject({ code: 'remote-unreachable' });

    const report = await h.service.handlers['targets.test']({ id: 'ghost-news' });
    expect(report).toMatchObject({ ok: true, siteName: 'Dateline 测试站', allowedStatuses: ['published', 'scheduled', 'draft'] });
  });

  describe('through a proxy that loses replies', () => {
    let proxy: FaultProxy;
    const plan: { current: FaultPlan } = { current: () => 'pass' };

    beforeAll(async () => {
      proxy = await startFaultProxy({ target: site.url, plan: (request) => plan.current(request) });
    });
    afterAll(async () => {
      await proxy?.close();
    });

    it('an upload and a create whose replies are lost are found again (the file by its name, the post by the article’s tag): one file, one post', async () => {
      const faulty = await startHarness({ ghost: { timeoutMs: 10_000 }, backoff: { baseMs: 50, maxMs: 200 } });
      try {
        await faulty.addGhost('ghost-proxy', proxy.url, site.adminKey);
        const photo = await faulty.photo(21);
        const article = faulty.save({
          id: newArticleId('gh'),
          headline: '丢失回复测试',
          summary: '一次。',
          meta: { section: '测试', tags: [] },
          body: { type: 'doc', content: [figureNode(photo, { alt: '照片', credit: '本报', caption: '说明。', lead: true }), paragraphNode('正文。')] },
        });
        let createsDropped = 0;
        let uploadsDropped = 0;
        plan.current = ({ method, path }) => {
          if (method === 'POST' && path.startsWith('/ghost/api/admin/images/upload/') && uploadsDropped === 0) {
            uploadsDropped += 1;
            return 'drop-response';
          }
          if (method === 'POST' && path.startsWith('/ghost/api/admin/posts/') && createsDropped === 0) {
            createsDropped += 1;
            return 'drop-response';
          }
          return 'pass';
        };
        const job = await faulty.publishAndWait(article.id, 'ghost-proxy');
        plan.current = () => 'pass';
        expect([uploadsDropped, createsDropped]).toEqual([1, 1]);
        expect(job.lastError).toBeNull();
        expect(job.state).toBe('done');
        expect(job.attempts).toBeGreaterThan(1);
        const posts = await ghostPostsTagged(site, articleTagSlug(article.id));
        expect(posts.map((p) => [p.id, p.status])).toEqual([[job.result?.remoteId, 'published']]);
        expect(await ghostImageFiles(site, ghostImageName(photo).replace(/\.[a-z]+$/, ''))).toHaveLength(1);
      } finally {
        plan.current = () => 'pass';
        await faulty.close();
      }
    });

    it('20 stories through random faults: each ends as exactly one post', async () => {
      const faulty = await startHarness({ ghost: { timeoutMs: 4_000, uploadTimeoutMs: 4_000 }, backoff: { baseMs: 50, maxMs: 500 } });
      const seed = 1212;
      plan.current = randomFaultPlan({ seed, rates: { 'drop-response': 0.08, reset: 0.04, 'reset-after-forward': 0.04, 'http-error': 0.04, delay: 0.03 }, delayMs: 5_000 });
      try {
        await faulty.addGhost('ghost-faults', proxy.url, site.adminKey);
        const ids: string[] = [];
        const photos: string[] = [];
        const jobs: string[] = [];
        for (let i = 0; i < 20; i++) {
          const photo = await faulty.photo(300 + i);
          photos.push(photo);
          const article = faulty.save({
            id: newArticleId('gf'),
            headline: `故障注入稿件 ${seed} #${i}`,
            summary: `摘要 ${i}`,
            meta: { section: '故障测试', tags: [`run-${seed}`] },
            body: { type: 'doc', content: [figureNode(photo, { alt: `照片 ${i}`, credit: '本报', caption: `说明 ${i}`, lead: true }), paragraphNode(`正文 ${i}。`)] },
          });
          ids.push(article.id);
          jobs.push((await faulty.publish(article.id, 'ghost-faults')).id);
        }
        const finished = [];
        // Waiting jobs are retried by the outbox itself; only a final state ends the wait.
        for (const jobId of jobs) finished.push(await waitForJob(faulty.service, jobId, ['done', 'failed', 'conflict', 'cancelled'], 300_000));
        plan.current = () => 'pass';
        const counts = await Promise.all(ids.map(async (articleId) => (await ghostPostsTagged(site, articleTagSlug(articleId))).length));
        const duplicates = counts.filter((n) => n > 1).length;
        const files = await Promise.all(photos.map(async (photo) => (await ghostImageFiles(site, ghostImageName(photo).replace(/\.[a-z]+$/, ''))).length));
        console.info(
          `[ghost faults] ${proxy.stats.requests} requests, faults ${JSON.stringify(proxy.stats.faults)}, retried jobs ${finished.filter((j) => j.attempts > 1).length}, posts per story ${JSON.stringify(counts)}, files per photo ${JSON.stringify(files)}`,
        );
        expect(finished.map((job) => job.state)).toEqual(jobs.map(() => 'done'));
        expect(duplicates).toBe(0);
        expect(counts).toEqual(ids.map(() => 1));
        expect(files).toEqual(photos.map(() => 1));
      } finally {
        plan.current = () => 'pass';
        await faulty.close();
      }
    }, 600_000);
  });
});
