// Runs in: vitest (node), against a real WordPress on 127.0.0.1 (Debian's packages; if it cannot
// start, this fails). The review flow of the folder-hub e2e, through WordPress as the hub and the
// same operations the UI calls: a reporter's app with a Contributor account and an editor's app
// with an Editor account, each with its own data folder. The approved story goes live as the very
// post the contributor submitted.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../electron/services/create-services';
import { createReadyStory, saveArticle, servicesCaller, settledJob, submitAndApprove, type ServicesCall } from '../support/services-caller';
import { makePng } from '../support/test-photos';
import { startWordPress, type WordPressSite, type WordPressUser } from './support/wordpress-fixture';

const para = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });

describe('review through a WordPress hub, two apps (contributor and editor)', () => {
  let site: WordPressSite;
  let root: string;
  const apps: Services[] = [];

  const openApp = async (name: string, user: WordPressUser, profile: { userName: string; role: 'reporter' | 'editor' }): Promise<ServicesCall> => {
    const services = await createServices({ dataDir: join(root, name), transport: 'http', version: 'test', systemLocale: 'en', documentsDir: join(root, `${name}-docs`) });
    apps.push(services);
    const call = servicesCaller(services);
    await call('targets.save', { config: { kind: 'wordpress', id: 'newsroom', name: 'Newsroom', siteUrl: site.url, username: user.login }, secret: user.appPassword });
    await call('settings.update', { ...profile, reviewHub: { kind: 'wordpress', targetId: 'newsroom' } });
    return call;
  };

  beforeAll(async () => {
    site = await startWordPress({ prettyPermalinks: true });
    root = await mkdtemp(join(tmpdir(), 'dateline-wp-review-'));
    // The newsroom's sections exist as categories (contributors may not create them).
    await site.request('/wp/v2/categories', { method: 'POST', json: { name: '北京' } });
  }, 180_000);

  afterAll(async () => {
    for (const app of apps) await app.close();
    await rm(root, { recursive: true, force: true });
    await site?.stop();
  }, 60_000);

  const write = saveArticle;

  it('submit → comment + request changes → fix + resubmit → diff → approve → the same post is published', async () => {
    const reporter = await openApp('reporter', site.users.contributor, { userName: '李娜', role: 'reporter' });
    const editor = await openApp('editor', site.users.editor, { userName: 'Sam Editor', role: 'editor' });

    const photo = await reporter('media.import', { fileName: 'rain.png', data: makePng(800, 500, (x, y) => (x * 7 + y) & 0xff) });
    const created = await reporter('articles.create', { language: 'zh-CN' });
    await write(reporter, created.id, (a) => ({
      ...a,
      headline: '北京今天下雨',
      summary: '北京降雨降温。',
      meta: { ...a.meta, section: '北京', tags: ['天气'], bylines: [{ name: '李娜', role: '记者' }] },
      body: {
        type: 'doc',
        content: [para('北京今天下雨，气温下降。'), { type: 'figure', attrs: { mediaId: photo.id, credit: '李娜', alt: '雨中街道', lead: true }, content: [{ type: 'text', text: '雨中的长安街' }] }],
      },
    }));
    const submitted = await reporter('review.transition', { id: created.id, action: 'submit' });
    expect(submitted.hub).toMatchObject({ kind: 'wordpress' });
    const pending = await site.request<{ id: number; status: string }[]>('/wp/v2/posts', { query: { status: 'pending', context: 'edit' } });
    expect(pending.body.map((p) => p.status)).toEqual(['pending']);
    const postId = pending.body[0]?.id;

    const queue = await editor('review.queue', { scope: 'for-me' });
    expect(queue.entries.map((e) => [e.articleId, e.headline, e.submittedBy])).toEqual([[created.id, '北京今天下雨', '李娜']]);
    await editor('review.open', { id: created.id });
    expect((await editor('articles.get', { id: created.id })).headline).toBe('北京今天下雨');
    expect(await editor('media.info', { id: photo.id })).toMatchObject({ id: photo.id });

    await editor('comments.add', { id: created.id, body: '请核实“今天”', anchor: { from: 3, to: 5, quote: '今天' } });
    await editor('review.transition', { id: created.id, action: 'request-changes', note: '请补充气温数据' });

    const back = await reporter('review.open', { id: created.id });
    expect(back.status).toBe('changes_requested');
    expect(back.comments.map((c) => [c.body, c.anchor?.quote])).toEqual([['请核实“今天”', '今天']]);
    expect(back.history.at(-1)?.note).toBe('请补充气温数据');
    await write(reporter, created.id, (a) => ({ ...a, body: { ...a.body, content: [para('北京今天下雨，气温下降到五度。'), ...(a.body.content ?? []).slice(1)] } }));
    await reporter('review.transition', { id: created.id, action: 'submit' });

    await editor('review.open', { id: created.id });
    const diff = await editor('review.diff', { id: created.id, base: 'last-seen' });
    expect(JSON.stringify(diff.diff.blocks)).toContain('到五度');
    await editor('review.transition', { id: created.id, action: 'approve' });
    const job = await editor('publish.start', { articleId: created.id, targetId: 'newsroom', options: { status: 'publish' } });
    const done = await settledJob(editor, job.id);
    expect(done.lastError).toBeNull();
    expect(done.state).toBe('done');
    expect(done.result?.remoteId).toBe(String(postId));
    const live = await site.request<{ status: string; content: { raw: string } }>(`/wp/v2/posts/${postId}`, { query: { context: 'edit' } });
    expect(live.body.status).toBe('publish');
    expect(live.body.content.raw).toContain('到五度');
    const all = await site.request<unknown[]>('/wp/v2/posts', { query: { status: 'publish,pending,draft', context: 'edit', per_page: 100 } });
    expect(all.body).toHaveLength(1);
    const final = await editor('review.get', { id: created.id });
    expect(final.status).toBe('published');
    expect(final.history.map((e) => e.action)).toEqual(['submit', 'request-changes', 'submit', 'approve', 'publish']);
  }, 240_000);

  it('a story scheduled through the hub and then spiked is taken off the schedule in WordPress', async () => {
    const reporter = await openApp('reporter3', site.users.contributor, { userName: 'Lu Fang', role: 'reporter' });
    const editor = await openApp('editor4', site.users.editor, { userName: 'Sam Editor', role: 'editor' });
    const created = { id: await createReadyStory(reporter, { headline: 'Embargoed report', summary: 'Out tomorrow.', section: '北京', tag: 'report', byline: 'Lu Fang', text: 'The report comes out tomorrow.' }) };
    await submitAndApprove(reporter, editor, created.id);
    const tomorrow = new Date(Date.now() + 24 * 3600_000).toISOString();
    const job = await editor('publish.start', { articleId: created.id, targetId: 'newsroom', options: { status: 'future', scheduledAt: tomorrow, overriddenWarnings: ['lead-photo'] } });
    const done = await settledJob(editor, job.id);
    expect(done.lastError).toBeNull();
    const postId = Number(done.result?.remoteId);
    expect((await site.getPost(postId)).status).toBe('future');
    let state = await editor('review.get', { id: created.id });
    expect(state.status).toBe('scheduled');
    state = await editor('review.transition', { id: created.id, action: 'spike', note: 'Embargo lifted early by a rival; story killed.' });
    expect(state.status).toBe('spiked');
    expect((await site.getPost(postId)).status).toBe('draft');
  }, 240_000);

  it('two editors acting on the same revision: one wins, the other gets a conflict', async () => {
    const reporter = await openApp('reporter2', site.users.contributor, { userName: 'Wang Wei', role: 'reporter' });
    const first = await openApp('editor2', site.users.editor, { userName: 'Ed One', role: 'editor' });
    const second = await openApp('editor3', site.users.admin, { userName: 'Ed Two', role: 'editor' });
    const created = await reporter('articles.create', {});
    await write(reporter, created.id, (a) => ({ ...a, headline: 'Council budget', body: { type: 'doc', content: [para('The council met.')] } }));
    await reporter('review.transition', { id: created.id, action: 'submit' });
    await first('review.open', { id: created.id });
    await second('review.open', { id: created.id });
    const results = await Promise.allSettled([
      first('review.transition', { id: created.id, action: 'request-changes', note: 'Needs a quote.' }),
      second('review.transition', { id: created.id, action: 'approve' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(rejected).toHaveLength(1);
    expect(rejected[0]?.reason).toMatchObject({ code: 'conflict' });
  }, 240_000);
});
