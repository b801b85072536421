// Runs in: vitest (node), against a real WordPress on 127.0.0.1 (Debian's packages, started by the
// fixture; if it cannot start, these tests fail). A newsroom publishes through the whole stack —
// checklist, outbox, WordPress adapter — and WordPress ends up with exactly what the story says.
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePng } from '../support/test-photos';
import { plantMedia } from './support/plant-media';
import { startWordPress, type WordPressSite, type WpMedia, type WpPost } from './support/wordpress-fixture';
import { figureNode, newArticleId, paragraphNode, startHarness, waitForJob, type Harness } from './publishing-harness';

interface WpTerm {
  id: number;
  name: string;
}

describe('publishing to a real WordPress (pretty permalinks)', () => {
  let site: WordPressSite;
  let h: Harness;

  beforeAll(async () => {
    site = await startWordPress({ prettyPermalinks: true });
    h = await startHarness();
    await h.addWordPress('editor-wp', site.url, site.users.editor);
    await h.addWordPress('author-wp', site.url, site.users.author, 'News');
    await h.addWordPress('contrib-wp', site.url, site.users.contributor);
  }, 180_000);

  afterAll(async () => {
    await h?.close();
    await site?.stop();
  }, 60_000);

  const termNames = async (taxonomy: 'tags' | 'categories', ids: number[]): Promise<string[]> => {
    const response = await site.request<WpTerm[]>(`/wp/v2/${taxonomy}`, { query: { include: ids.join(','), per_page: 100 } });
    return response.body.map((t) => t.name).sort();
  };

  it('a Chinese story with three photos becomes one post with three captioned images, the lead featured, tags and section by name', async () => {
    const [a, b, c] = [await h.photo(1), await h.photo(2), await h.photo(3)] as [string, string, string];
    const article = h.save({
      id: newArticleId(),
      headline: '国务院：今年GDP增长5.2%',
      summary: '国家统计局今天发布数据。',
      meta: { section: '财经', tags: ['经济', 'GDP', '统计'], slug: 'gdp-growth-2026', language: 'zh-CN', bylines: [{ name: '张三', role: '记者' }] },
      body: {
        type: 'doc',
        content: [
          figureNode(a, { alt: '发布会现场', credit: '新华社', caption: '发布会现场。', lead: true }),
          paragraphNode('新华社北京11月25日电 今天，国务院发布数据。'),
          figureNode(b, { alt: 'Chart of growth', credit: 'Graphic Desk', caption: 'Growth by quarter' }),
          { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: '要点' }] },
          figureNode(c, { alt: '港口', credit: 'Jane Roe', caption: '繁忙的港口' }),
        ],
      },
    });
    const before = structuredClone(article);
    const job = await h.publishAndWait(article.id, 'editor-wp');
    expect(job.lastError).toBeNull();
    expect(job.state).toBe('done');
    expect(job.progress).toMatchObject({ mediaDone: 3, mediaTotal: 3 });

    const post = await site.getPost(Number(job.result?.remoteId));
    expect(await site.countPosts({ metaKey: 'dateline_job', metaValue: job.id })).toBe(1);
    expect(post.status).toBe('publish');
    expect(post.title.raw).toBe('国务院：今年GDP增长5.2%');
    expect(post.excerpt.raw).toBe('国家统计局今天发布数据。');
    expect(decodeURIComponent(post.slug)).toBe('gdp-growth-2026');
    expect(job.result?.url).toBe(post.link);
    expect(job.result?.remoteModified).toBe(post.modified_gmt);
    expect(await termNames('tags', post.tags)).toEqual(['GDP', '统计', '经济'].sort());
    expect(await termNames('categories', post.categories)).toEqual(['财经']);

    const media = (await site.listAllMedia()).filter((m: WpMedia) => [a, b, c].some((id) => String(m.slug).startsWith(`dateline-${id.slice(0, 16)}`)));
    expect(media).toHaveLength(3);
    const lead = media.find((m) => m.alt_text === '发布会现场');
    expect(post.featured_media).toBe(lead?.id);
    expect(lead?.caption.raw).toBe('发布会现场。（来源：新华社）');
    expect(media.find((m) => m.alt_text === 'Chart of growth')?.caption.raw).toBe('Growth by quarter（摄影：Graphic Desk）');

    const content = post.content.raw;
    // The fixture's theme shows the featured image (post-thumbnails), so the lead is not repeated as a block.
    expect(content.match(/<!-- wp:image /g)).toHaveLength(2);
    for (const item of media) {
      if (item.id === lead?.id) expect(content).not.toContain(`wp-image-${item.id}`);
      else expect(content).toContain(`wp-image-${item.id}`);
    }
    expect(content.match(/<figcaption/g)).toHaveLength(2);
    expect(content).toContain('<!-- wp:heading');
    expect(post.content.rendered).toContain('<figure');

    // Publishing never touches the saved article.
    expect(h.articles.get(article.id)).toEqual(before);
  });

  it('a photo someone planted under Dateline’s marker slug never goes live: the real one is uploaded, and another target finds it by its bytes', async () => {
    const photo = await h.photo(4242);
    const marker = `dateline-${photo.slice(0, 16)}`;
    const planted = await plantMedia(site, marker, makePng(300, 200));
    const story = (headline: string) =>
      h.save({
        id: newArticleId(),
        headline,
        summary: 'The ferry is back.',
        meta: { section: 'City', tags: ['ferry'] },
        body: { type: 'doc', content: [figureNode(photo, { alt: 'The ferry at the pier', credit: 'AP', caption: 'The ferry returns', lead: true }), paragraphNode('The ferry runs again.')] },
      });

    const job = await h.publishAndWait(story('Ferry returns').id, 'editor-wp');
    expect(job.lastError).toBeNull();
    const post = await site.getPost(Number(job.result?.remoteId));
    expect(post.featured_media).not.toBe(planted.id);
    expect(post.content.raw).not.toContain(`wp-image-${planted.id}"`);
    const used = (await site.listAllMedia()).find((m) => m.id === post.featured_media);
    const bytes = new Uint8Array(await (await fetch(String(used?.source_url))).arrayBuffer());
    expect(`${createHash('sha256').update(bytes).digest('hex')}.png`).toBe(photo);
    const copies = () => site.listAllMedia().then((all) => all.filter((m) => String(m.slug).startsWith(marker)).map((m) => m.id));
    expect(await copies()).toHaveLength(2);

    // Another target remembers nothing of this photo: it looks by slug, skips the planted copy and reuses the real one.
    const second = await h.publishAndWait(story('Ferry timetable').id, 'author-wp');
    expect(second.lastError).toBeNull();
    expect((await site.getPost(Number(second.result?.remoteId))).featured_media).toBe(post.featured_media);
    expect(await copies()).toHaveLength(2);
  });

  it('updating a published story changes the same post in place', async () => {
    const article = h.save({ id: newArticleId(), headline: 'Council approves budget', summary: 'First vote.', meta: { section: 'City', tags: ['council'], slug: 'council-budget' }, body: { type: 'doc', content: [paragraphNode('The council voted.')] } });
    const first = await h.publishAndWait(article.id, 'editor-wp');
    expect(first.state).toBe('done');
    h.save({ ...article, headline: 'Council approves budget after long debate', summary: 'Second version.' });
    const second = await h.publishAndWait(article.id, 'editor-wp');
    expect(second.state).toBe('done');
    expect(second.result?.remoteId).toBe(first.result?.remoteId);
    const post = await site.getPost(Number(second.result?.remoteId));
    expect(post.title.raw).toBe('Council approves budget after long debate');
    expect(post.excerpt.raw).toBe('Second version.');
    expect(await site.countPosts({ title: 'Council approves budget' })).toBe(0);
    expect(await site.countPosts({ title: 'Council approves budget after long debate' })).toBe(1);
  });

  it('Retry on a job refused for revision 1, after revision 2 went live, leaves revision 2 in the post and on record', async () => {
    await h.addWordPress('rotated-wp', site.url, { ...site.users.editor, appPassword: 'abcd efgh ijkl mnop qrst uvwx' });
    const article = h.save({ id: newArticleId(), headline: 'Mayor resigns over budget', meta: { section: 'City', tags: ['council'], slug: 'mayor-resigns' }, body: { type: 'doc', content: [paragraphNode('The mayor resigned.')] } });
    const refused = await h.publishAndWait(article.id, 'rotated-wp');
    expect(refused).toMatchObject({ state: 'failed', lastError: { code: 'remote-auth' } });

    await h.service.handlers['targets.save']({ config: h.service.targets.get('rotated-wp'), secret: site.users.editor.appPassword });
    h.save({ ...article, headline: 'Deputy mayor resigns over budget' });
    const corrected = await h.publishAndWait(article.id, 'rotated-wp');
    expect(corrected).toMatchObject({ state: 'done', articleRevision: 2 });

    await h.service.handlers['outbox.retry']({ jobId: refused.id });
    const retried = await waitForJob(h.service, refused.id, ['done', 'failed', 'conflict', 'cancelled']);
    const post = await site.getPost(Number(corrected.result?.remoteId));
    expect(post.title.raw).toBe('Deputy mayor resigns over budget');
    expect(await site.countPosts({ title: 'Mayor resigns over budget' })).toBe(0);
    expect((await h.service.handlers['publications.list']({ articleId: article.id })).find((r) => r.targetId === 'rotated-wp')?.articleRevision).toBe(2);
    expect(retried).toMatchObject({ state: 'done', articleRevision: 2, resnapshot: { fromRevision: 1 } });
  });

  it('schedules a story: WordPress holds it as "future" at the chosen time', async () => {
    const at = new Date(Date.now() + 3 * 24 * 3600_000);
    at.setUTCMilliseconds(0);
    const article = h.save({ id: newArticleId(), headline: 'Election night coverage', meta: { section: 'Politics', tags: ['election'], slug: 'election-night' }, body: { type: 'doc', content: [paragraphNode('Polls close at eight.')] } });
    const job = await h.publishAndWait(article.id, 'editor-wp', 'scheduled', at.toISOString());
    expect(job.state).toBe('done');
    expect(job.result?.status).toBe('scheduled');
    const post = await site.getPost(Number(job.result?.remoteId));
    expect(post.status).toBe('future');
    expect(post.date_gmt).toBe(at.toISOString().slice(0, 19));
  });

  it('a contributor asked to publish is refused before anything is written, and may submit for review instead', async () => {
    const article = h.save({ id: newArticleId(), headline: 'Letters to the editor', meta: { section: '', tags: ['letters'], slug: 'letters' }, body: { type: 'doc', content: [paragraphNode('Readers write.')] } });
    const before = structuredClone(h.articles.get(article.id));
    const postsBefore = await site.countPosts();
    const refused = await h.publishAndWait(article.id, 'contrib-wp', 'published');
    expect(refused.state).toBe('failed');
    expect(refused.attempts).toBe(1);
    expect(refused.lastError?.code).toBe('remote-forbidden');
    expect(refused.lastError?.message).toContain('Your WordPress role (contributor) may not publish posts');
    expect(refused.lastError?.message).toContain('only submit articles for review');
    expect(refused.lastError?.allowedStatuses).toEqual(['draft', 'submitted']);
    // Nothing was created on the site: no draft, no term.
    expect(await site.countPosts()).toBe(postsBefore);
    expect(await site.countPosts({ title: 'Letters to the editor' })).toBe(0);
    expect(h.articles.get(article.id)).toEqual(before);
    expect(await h.service.handlers['publications.list']({ articleId: article.id })).toEqual([]);

    const report = await h.service.handlers['targets.test']({ id: 'contrib-wp' });
    expect(report.allowedStatuses).toEqual(['draft', 'submitted']);
    expect(report.notes.join(' ')).toContain('This account can submit for review but not publish');

    const pending = await h.publishAndWait(article.id, 'contrib-wp', 'submitted');
    expect(pending.state).toBe('done');
    const post = await site.getPost(Number(pending.result?.remoteId));
    expect(post.status).toBe('pending');
    expect(post.author).toBe(site.users.contributor.id);
    expect(await site.countPosts({ title: 'Letters to the editor' })).toBe(1);
  });

  it('a contributor allowed to upload photos is refused scheduling before its photos are uploaded: zero posts, zero media', async () => {
    // Newsrooms often let contributors upload: then only the capability check keeps photos from being sent first.
    await site.php("get_role('contributor')->add_cap('upload_files'); echo 'ok';");
    try {
      const photo = await h.photo(7001);
      const article = h.save({
        id: newArticleId(),
        headline: 'Ferry strike ends',
        meta: { section: 'City', tags: ['ferry'], slug: 'ferry-strike-ends' },
        body: { type: 'doc', content: [figureNode(photo, { alt: 'The ferry', credit: 'AP', caption: 'The ferry sails again', lead: true }), paragraphNode('Crews are back.')] },
      });
      const mediaBefore = (await site.listAllMedia()).length;
      const postsBefore = await site.countPosts();
      const refused = await h.publishAndWait(article.id, 'contrib-wp', 'scheduled', new Date(Date.now() + 86_400_000).toISOString());
      expect(refused.state).toBe('failed');
      expect(refused.lastError?.code).toBe('remote-forbidden');
      expect(refused.lastError?.allowedStatuses).toEqual(['draft', 'submitted']);
      expect((await site.listAllMedia()).length).toBe(mediaBefore);
      expect(await site.countPosts()).toBe(postsBefore);
    } finally {
      await site.php("get_role('contributor')->remove_cap('upload_files'); echo 'ok';");
    }
  });

  it('an edit made in WordPress since the last publish stops the update with both versions; overwriting is a choice', async () => {
    const article = h.save({ id: newArticleId(), headline: 'Bridge closes for repairs', meta: { section: 'City', tags: ['traffic'], slug: 'bridge-closes' }, body: { type: 'doc', content: [paragraphNode('Detours are signposted.')] } });
    const first = await h.publishAndWait(article.id, 'editor-wp');
    const postId = Number(first.result?.remoteId);
    await site.editPostAsOtherUser(postId, 'Bridge closes (updated by the web desk)');

    h.save({ ...article, headline: 'Bridge closes for three weeks' });
    const conflicted = await h.publishAndWait(article.id, 'editor-wp');
    expect(conflicted.state).toBe('conflict');
    expect(conflicted.conflict?.remote.title).toBe('Bridge closes (updated by the web desk)');
    expect(conflicted.conflict?.local.title).toBe('Bridge closes for three weeks');
    expect(conflicted.conflict?.recordedModified).toBe(first.result?.remoteModified);
    expect((await site.getPost(postId)).title.raw).toBe('Bridge closes (updated by the web desk)');

    await h.service.handlers['outbox.resolveConflict']({ jobId: conflicted.id, resolution: 'overwrite' });
    await h.service.outbox.whenIdle();
    const resolved = await h.service.handlers['outbox.get']({ jobId: conflicted.id });
    expect(resolved.state).toBe('done');
    expect(resolved.result?.remoteId).toBe(String(postId));
    expect((await site.getPost(postId)).title.raw).toBe('Bridge closes for three weeks');
  });

  it('50 edits made in WordPress in the same second as the publish before them: each one stops the next update as a conflict', async () => {
    const lead = await h.photo(7_001);
    const edits = ['title', 'content', 'excerpt', 'status', 'featured_media'] as const;
    const outcomes: string[] = [];
    let sameSecondAlready = 0;
    for (let i = 0; i < 50; i++) {
      const field = edits[i % edits.length] ?? 'title';
      const article = h.save({
        id: newArticleId('ss'),
        headline: `Same-second story ${i}`,
        summary: `Summary ${i}`,
        meta: { section: 'City', tags: ['same-second'], slug: `same-second-${i}` },
        body: { type: 'doc', content: [figureNode(lead, { alt: 'Harbour', credit: 'Desk', caption: 'The harbour', lead: true }), paragraphNode(`Body ${i}.`)] },
      });
      const first = await h.publishAndWait(article.id, 'editor-wp');
      expect(first.state, first.lastError?.message).toBe('done');
      const postId = Number(first.result?.remoteId);
      const recorded = first.result?.remoteModified ?? '';

      // A colleague (another account) changes one field right after the publish, through REST.
      const before = await site.getPost(postId);
      const change: Record<string, unknown> = {
        title: { title: `${before.title.raw} (desk)` },
        content: { content: `${before.content.raw}\n<!-- wp:paragraph --><p>Added by the desk.</p><!-- /wp:paragraph -->` },
        excerpt: { excerpt: 'Rewritten by the desk' },
        status: { status: 'private' },
        featured_media: { featured_media: 0 },
      }[field];
      const edited = await site.request<WpPost>(`/wp/v2/posts/${postId}`, { as: 'admin', json: change });
      expect(edited.status, edited.text.slice(0, 200)).toBe(200);
      if (edited.body.modified_gmt === recorded) sameSecondAlready += 1;
      // The edit lands in the same wall-clock second as the publish (as it does by itself when it is quick enough).
      await site.php(
        `global $wpdb; $gmt = str_replace('T', ' ', $input['gmt']); $wpdb->update($wpdb->posts, array('post_modified_gmt' => $gmt, 'post_modified' => get_date_from_gmt($gmt)), array('ID' => (int) $input['id'])); clean_post_cache((int) $input['id']); echo 'ok';`,
        { id: postId, gmt: recorded },
      );
      expect((await site.getPost(postId)).modified_gmt).toBe(recorded);

      h.save({ ...article, summary: `Summary ${i}, corrected` });
      const second = await h.publishAndWait(article.id, 'editor-wp');
      outcomes.push(second.state);
      if (second.state === 'conflict') await h.service.handlers['outbox.resolveConflict']({ jobId: second.id, resolution: 'cancel' });
    }
    console.info(`same-second edits: ${outcomes.filter((o) => o === 'conflict').length} of 50 conflicts (${sameSecondAlready} landed in the same second without help)`);
    expect(outcomes.filter((o) => o === 'conflict')).toHaveLength(50);
  }, 600_000);

  it('reuses a tag and category that already exist instead of creating twins', async () => {
    const tag = await site.request<WpTerm>('/wp/v2/tags', { method: 'POST', json: { name: '气候' } });
    const category = await site.request<WpTerm>('/wp/v2/categories', { method: 'POST', json: { name: 'Science' } });
    const article = h.save({ id: newArticleId(), headline: 'Glacier report', meta: { section: 'science', tags: ['气候', 'Glaciers'], slug: 'glacier-report' }, body: { type: 'doc', content: [paragraphNode('Ice is retreating.')] } });
    const job = await h.publishAndWait(article.id, 'author-wp');
    expect(job.state).toBe('done');
    const post = await site.getPost(Number(job.result?.remoteId));
    expect(post.tags).toContain(tag.body.id);
    expect(post.categories).toEqual([category.body.id]);
    const twins = await site.request<WpTerm[]>('/wp/v2/tags', { query: { search: '气候', per_page: 100 } });
    expect(twins.body.filter((t) => t.name === '气候')).toHaveLength(1);
  });

  it('a wrong application password gets a message that says where to make a new one', async () => {
    await h.addWordPress('wrong-wp', site.url, { login: site.users.editor.login, appPassword: 'xxxx xxxx xxxx xxxx xxxx xxxx' });
    const error = await h.service.handlers['targets.test']({ id: 'wrong-wp' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'remote-auth' });
    expect((error as Error).message).toContain(`WordPress refused the application password for ${site.users.editor.login}`);
    expect((error as Error).message).toContain('Users → Profile → Application Passwords');
  });

  it('an address that is not a WordPress site says so', async () => {
    const other: Server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html><head><title>Intranet</title></head><body>Hello</body></html>');
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
    try {
      await h.addWordPress('not-wp', url, site.users.editor);
      const error = await h.service.handlers['targets.test']({ id: 'not-wp' }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'remote-not-wordpress' });
      expect((error as Error).message).toContain(`No WordPress site answers at ${url}`);
    } finally {
      other.closeAllConnections();
      await new Promise<void>((resolve) => other.close(() => resolve()));
    }
  });
});

describe('publishing to a real WordPress without pretty permalinks', () => {
  let site: WordPressSite;
  let h: Harness;

  beforeAll(async () => {
    site = await startWordPress({ prettyPermalinks: false });
    h = await startHarness();
    await h.addWordPress('plain-wp', site.url, site.users.editor);
  }, 180_000);

  afterAll(async () => {
    await h?.close();
    await site?.stop();
  }, 60_000);

  it('finds the REST API at ?rest_route= and publishes a story with a photo', async () => {
    const report = await h.service.handlers['targets.test']({ id: 'plain-wp' });
    expect(report).toMatchObject({ ok: true, allowedStatuses: ['published', 'scheduled', 'draft', 'submitted'], canUploadMedia: true });
    const photo = await h.photo(9);
    const article = h.save({
      id: newArticleId(),
      headline: 'Harbour reopens',
      meta: { section: 'World', tags: ['shipping'], slug: 'harbour-reopens' },
      body: { type: 'doc', content: [figureNode(photo, { alt: 'Cranes', credit: 'AP', caption: 'Cranes at dawn', lead: true }), paragraphNode('Ships move again.')] },
    });
    const job = await h.publishAndWait(article.id, 'plain-wp');
    expect(job.lastError).toBeNull();
    const post = await site.getPost(Number(job.result?.remoteId));
    expect(post.status).toBe('publish');
    expect(post.featured_media).toBeGreaterThan(0);
    expect(await site.countPosts({ metaKey: 'dateline_job', metaValue: job.id })).toBe(1);
  });
});
