// Runs in: vitest (node). The WordPress adapter against a loopback stand-in of the REST API: a
// reporter's story goes up once with its photos and terms, lost replies never make twins, updates
// change the same post, server-side edits stop as conflicts, and each failure says what to do.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../../common/app-error';
import type { WordpressTargetConfig } from '../../../../common/publish/publish-target-config';
import { figure, makeArticle, paragraph, text } from '../../../../tests/fixtures/sample-article';
import { makePng } from '../../../../tests/support/test-photos';
import type { PublicationRecord } from '../../../../common/publish/publish-job';
import { isUnchangedOnTarget, PublishConflict, type PublishContext } from '../publish-target';
import { MemoryMediaRegistry, sent, testJob, testPhoto } from '../../../../tests/support/test-publish-context';
import { FakeWordPress } from '../../../../tests/support/fake-wordpress-server';
import { WordPressTarget } from './wordpress-target';

let wp: FakeWordPress;
beforeEach(async () => {
  wp = await new FakeWordPress().start();
});
afterEach(async () => {
  await wp.stop();
});

function config(overrides: Partial<WordpressTargetConfig> = {}): WordpressTargetConfig {
  return { kind: 'wordpress', id: 'newsroom-wp', name: 'Newsroom', siteUrl: wp.url, username: 'editor', defaultCategory: '', ...overrides };
}

function adapter(password: string | null = wp.password, overrides: Partial<WordpressTargetConfig> = {}): WordPressTarget {
  return new WordPressTarget({ config: config(overrides), password, timeoutMs: 5_000 });
}

/** The adapter, for tests that expect each publish to send (`sent` fails the test on "unchanged"). */
function target(password: string | null = wp.password, overrides: Partial<WordpressTargetConfig> = {}) {
  const wordpress = adapter(password, overrides);
  return {
    testConnection: (signal?: AbortSignal) => wordpress.testConnection(signal),
    publish: async (ctx: PublishContext): Promise<PublicationRecord> => sent(await wordpress.publish(ctx)),
  };
}

const photoA = testPhoto(makePng(8, 8), 'harbour.png');
const photoB = testPhoto(makePng(9, 9), 'crowd.png');

function story() {
  return makeArticle({
    headline: '港口恢复运营',
    summary: 'The harbour reopened.',
    meta: { section: '国际', tags: ['港口', 'Shipping'], slug: 'harbour-reopens', language: 'zh-CN' },
    body: {
      type: 'doc',
      content: [
        figure(photoA.id, { alt: 'Cranes at dawn', credit: '新华社', lead: true, caption: '港口的起重机' }),
        paragraph(text('Ships are moving again.')),
        figure(photoB.id, { alt: 'A crowd', credit: 'Jane Roe', caption: 'Crowds watch' }),
      ],
    },
  });
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe('WordPress adapter: a reporter publishes a story', () => {
  it('uploads both photos once, files terms by name, and publishes one post with the lead photo featured', async () => {
    const job = testJob('job0000000001', story(), [photoA, photoB]);
    const record = await target().publish(job.attempt());

    expect(wp.posts.size).toBe(1);
    const post = [...wp.posts.values()][0];
    expect(post).toMatchObject({ status: 'publish', slug: 'harbour-reopens', title: '港口恢复运营', excerpt: 'The harbour reopened.' });
    expect(post?.meta).toMatchObject({ dateline_job: 'job0000000001', dateline_article: job.attempt().article.id });
    expect(wp.media.size).toBe(2);
    const lead = [...wp.media.values()].find((m) => m.alt_text === 'Cranes at dawn');
    expect(lead).toMatchObject({ caption: '港口的起重机（来源：新华社）', slug: `dateline-${photoA.id.slice(0, 16)}`, fileName: `dateline-${photoA.id.slice(0, 16)}.png` });
    expect(post?.featured_media).toBe(lead?.id);
    expect(post?.content).toContain(`"id":${lead?.id}`);
    expect([...wp.terms.tags.values()]).toEqual(['港口', 'Shipping']);
    expect([...wp.terms.categories.values()]).toEqual(['国际']);
    expect(record).toMatchObject({ targetId: 'newsroom-wp', remoteId: String(post?.id), status: 'published', url: `${wp.url}/harbour-reopens/` });
    expect(record.remoteModified).toBe(post?.modified_gmt);
    expect(job.progress.filter((p) => p.step === 'upload-media').map((p) => p.mediaDone)).toEqual([0, 1, 2]);
  });

  it('finds the REST root on a site without pretty permalinks and behind a proxy that announces another origin', async () => {
    wp.pretty = false;
    wp.announcedOrigin = 'http://10.0.0.9:8080';
    const report = await target().testConnection();
    expect(report).toMatchObject({ ok: true, siteName: 'Fake News Site', allowedStatuses: ['published', 'scheduled', 'draft', 'submitted'] });
    expect(wp.requests).toContain('GET /wp/v2/users/me');
  });

  it('tells a contributor they can submit for review but not publish', async () => {
    wp.role = 'contributor';
    const report = await target().testConnection();
    expect(report.allowedStatuses).toEqual(['draft', 'submitted']);
    expect(report.canUploadMedia).toBe(false);
    expect(report.notes.join(' ')).toContain('This account can submit for review but not publish');

    const article = makeArticle({ headline: 'Council meets', meta: { tags: ['council'], slug: 'council-meets' } });
    const error = await failure(target().publish(testJob('job0000000002', article, []).attempt()));
    expect(error.code).toBe('remote-forbidden');
    expect(error.message).toContain('Your WordPress role (contributor) may not publish posts');
    expect(error.message).toContain('only submit articles for review');

    const pending = await target().publish(testJob('job0000000003', article, [], { options: { status: 'submitted' } }).attempt());
    expect(pending.status).toBe('submitted');
  });

  it('asks for an editor when an author names a category that does not exist', async () => {
    wp.role = 'author';
    const article = makeArticle({ headline: 'x', meta: { section: '国际', slug: 'x' } });
    const error = await failure(target().publish(testJob('job0000000004', article, []).attempt()));
    expect(error.code).toBe('remote-forbidden');
    expect(error.message).toContain("ask an editor to create the category '国际' in WordPress or choose an existing section");
  });

  it('reuses existing terms, by any case, and adopts the id WordPress names on term_exists', async () => {
    wp.terms.tags.set(5, 'shipping');
    wp.terms.categories.set(6, '国际');
    await target().publish(testJob('job0000000005', story(), [photoA, photoB]).attempt());
    expect([...wp.terms.tags.values()]).toEqual(['shipping', '港口']);
    expect([...wp.terms.categories.values()]).toEqual(['国际']);
    expect([...wp.posts.values()][0]?.tags).toContain(5);
  });
});

describe('WordPress adapter: exactly once when replies are lost', () => {
  it('adopts the draft a lost create reply left behind instead of creating a second post', async () => {
    wp.faults.push({ match: (method, route) => method === 'POST' && route === '/wp/v2/posts', kind: 'drop-after-commit' });
    const job = testJob('job0000000006', story(), [photoA, photoB]);
    const first = await failure(target().publish(job.attempt()));
    expect(first.code).toBe('remote-unreachable');
    expect(wp.posts.size).toBe(1);

    await target().publish(job.attempt());
    expect(wp.posts.size).toBe(1);
    expect([...wp.posts.values()][0]?.status).toBe('publish');
  });

  it('a contributor refused "Publish" leaves nothing on the site; "Submit for review" then makes the one post', async () => {
    wp.role = 'contributor';
    const article = makeArticle({ headline: 'Council meets', meta: { tags: ['council'], slug: 'council-meets' } });
    const refused = testJob('job0000000011', article, []);
    const error = await failure(target().publish(refused.attempt()));
    expect(error.code).toBe('remote-forbidden');
    expect(error.details).toEqual({ kind: 'account-may-not-publish', reason: 'review-only', allowedStatuses: ['draft', 'submitted'] });
    expect(wp.posts.size).toBe(0);
    expect(refused.checkpoint.remoteId).toBeUndefined();

    const review = testJob('job0000000012', article, [], { options: { status: 'submitted' } });
    await target().publish(review.attempt());
    expect(wp.posts.size).toBe(1);
    expect([...wp.posts.values()][0]).toMatchObject({ status: 'pending', slug: 'council-meets' });
  });

  it('a job cancelled after its post went live leaves that post to the next job, updated without a false conflict', async () => {
    wp.faults.push({ match: (method, route) => method === 'POST' && route.startsWith('/wp/v2/posts/'), kind: 'drop-after-commit' });
    const cancelled = testJob('job0000000013', story(), [photoA, photoB]);
    await failure(target().publish(cancelled.attempt()));
    expect([...wp.posts.values()][0]?.status).toBe('publish');

    const edited = { ...story(), headline: 'Harbour reopens after a week' };
    const next = testJob('job0000000014', edited, [photoA, photoB]);
    next.checkpoint = { adoptRemote: { remoteId: cancelled.checkpoint.remoteId, jobId: 'job0000000013' } };
    const record = await target().publish(next.attempt());
    expect(wp.posts.size).toBe(1);
    expect(record.remoteId).toBe(cancelled.checkpoint.remoteId);
    expect([...wp.posts.values()][0]).toMatchObject({ status: 'publish', title: 'Harbour reopens after a week' });
  });

  it('an offered post that was deleted in WordPress is replaced by a new one', async () => {
    const offered = testJob('job0000000015', story(), [photoA, photoB]);
    await target().publish(offered.attempt());
    wp.posts.clear();
    const next = testJob('job0000000016', story(), [photoA, photoB]);
    next.checkpoint = { adoptRemote: { remoteId: offered.checkpoint.remoteId, jobId: 'job0000000015' } };
    const record = await target().publish(next.attempt());
    expect(wp.posts.size).toBe(1);
    expect(record.remoteId).not.toBe(offered.checkpoint.remoteId);
  });

  it('adopts a photo a lost upload reply left behind instead of uploading it twice', async () => {
    wp.faults.push({ match: (method, route) => method === 'POST' && route === '/wp/v2/media', kind: 'drop-after-commit' });
    const job = testJob('job0000000007', story(), [photoA, photoB]);
    await failure(target().publish(job.attempt()));
    await target().publish(job.attempt());
    expect(wp.media.size).toBe(2);
    expect(wp.posts.size).toBe(1);
  });

  it('does not adopt a copy with the photo’s slug whose bytes are another picture: the real photo is uploaded and goes live', async () => {
    const marker = `dateline-${photoA.id.slice(0, 16)}`;
    const planted = { id: 90, slug: marker, fileName: `${marker}.png`, bytes: 3, data: new Uint8Array([1, 2, 3]), caption: '', alt_text: '', title: 'planted' };
    wp.media.set(planted.id, planted);
    await target().publish(testJob('job0000000014', story(), [photoA, photoB]).attempt());
    expect(wp.media.size).toBe(3);
    const post = [...wp.posts.values()][0];
    expect(post?.content).not.toContain('wp-image-90"');
    const real = [...wp.media.values()].find((m) => m.slug === `${marker}-2`);
    expect(real?.data).toEqual(new Uint8Array(photoA.bytes));
  });

  for (const blocked of ['forbidden', 'login-page'] as const) {
    it(`a copy with the photo’s slug whose file cannot be read (${blocked}) is not reused, and does not stop the publish: the photo is uploaded`, async () => {
      const marker = `dateline-${photoA.id.slice(0, 16)}`;
      wp.media.set(91, { id: 91, slug: marker, fileName: `${marker}.png`, bytes: photoA.bytes.byteLength, data: new Uint8Array(photoA.bytes), blocked, caption: '', alt_text: '', title: '' });
      const result = await target().publish(testJob('job0000000015', story(), [photoA, photoB]).attempt());
      expect(result.remoteId).toBeTruthy();
      expect(wp.media.size).toBe(3);
      expect([...wp.posts.values()][0]?.content).not.toContain('wp-image-91"');
    });
  }

  it('uploads a photo once per site: a second article with the same photo reuses it, and re-uploads it if it was deleted', async () => {
    const registry = new MemoryMediaRegistry();
    await target().publish(testJob('job0000000008', story(), [photoA, photoB], { registry }).attempt());
    const second = makeArticle({ id: '01jc0000000000000000000002', headline: 'Again', meta: { slug: 'again' }, body: { type: 'doc', content: [figure(photoA.id, { alt: 'a', credit: 'c', lead: true })] } });
    const published = await target().publish(testJob('job0000000009', second, [photoA], { registry }).attempt());
    expect(wp.media.size).toBe(2);

    wp.media.clear();
    await target().publish(testJob('job0000000010', second, [photoA], { registry, previous: published }).attempt());
    expect(wp.media.size).toBe(1);
  });
});

describe('WordPress adapter: updates and conflicts', () => {
  it('updates the same post in place, and stops with both versions when an editor changed it in WordPress', async () => {
    const first = await target().publish(testJob('job0000000011', story(), [photoA, photoB]).attempt());
    const revised = { ...story(), headline: '港口全面恢复运营', revision: 4 };
    const second = await target().publish(testJob('job0000000012', revised, [photoA, photoB], { previous: first }).attempt());
    expect(second.remoteId).toBe(first.remoteId);
    expect(wp.posts.size).toBe(1);
    expect([...wp.posts.values()][0]?.title).toBe('港口全面恢复运营');

    wp.editPost(Number(first.remoteId), 'Edited on the site');
    const job = testJob('job0000000013', { ...revised, headline: 'Ours' }, [photoA, photoB], { previous: second });
    const conflict = await target().publish(job.attempt()).catch((e: unknown) => e);
    expect(conflict).toBeInstanceOf(PublishConflict);
    const details = (conflict as PublishConflict).details;
    expect(details.remote.title).toBe('Edited on the site');
    expect(details.local.title).toBe('Ours');
    expect(details.recordedModified).toBe(second.remoteModified);
    expect([...wp.posts.values()][0]?.title).toBe('Edited on the site');

    await target().publish(job.attempt({ overwriteConflict: true }));
    expect([...wp.posts.values()][0]?.title).toBe('Ours');
    expect(wp.posts.size).toBe(1);
  });

  it('an edit in the same second as the publish (modified time unchanged) is a conflict too', async () => {
    const first = await target().publish(testJob('job0000000016', story(), [photoA, photoB]).attempt());
    const post = wp.posts.get(Number(first.remoteId));
    if (!post) throw new Error('no post');
    post.excerpt = 'Changed by the desk within the second';
    expect(post.modified_gmt).toBe(first.remoteModified);
    const conflict = await target().publish(testJob('job0000000017', story(), [photoA, photoB], { previous: first }).attempt()).catch((e: unknown) => e);
    expect(conflict).toBeInstanceOf(PublishConflict);
    expect(post.excerpt).toBe('Changed by the desk within the second');
  });

  it('a copy of the library without a record of the post finds it by the article and stops, naming who published it', async () => {
    const first = await target().publish(testJob('job0000000018', story(), [photoA, photoB]).attempt());
    const copy = testJob('job0000000019', story(), [photoA, photoB]);
    const conflict = await target().publish(copy.attempt()).catch((e: unknown) => e);
    expect(conflict).toBeInstanceOf(PublishConflict);
    expect((conflict as PublishConflict).details).toMatchObject({ recordedModified: '', lastPublisher: { jobId: 'job0000000018', thisCopy: false } });
    expect(wp.posts.size).toBe(1);
    const updated = await target().publish(copy.attempt({ overwriteConflict: true }));
    expect(updated.remoteId).toBe(first.remoteId);
    expect(wp.posts.size).toBe(1);
  });

  it('publishing an unchanged story again sends nothing; a new slug or schedule is sent', async () => {
    const first = await target().publish(testJob('job0000000031', story(), [photoA, photoB]).attempt());
    const writes = () => wp.requests.filter((r) => r.startsWith('POST') || r.startsWith('DELETE')).length;
    const before = writes();
    const again = await adapter().publish(testJob('job0000000032', story(), [photoA, photoB], { previous: first }).attempt());
    expect(isUnchangedOnTarget(again)).toBe(true);
    expect(writes()).toBe(before);

    const reslugged = await adapter().publish(testJob('job0000000033', { ...story(), meta: { ...story().meta, slug: 'harbour-open-again' } }, [photoA, photoB], { previous: first }).attempt());
    expect(isUnchangedOnTarget(reslugged)).toBe(false);
    expect([...wp.posts.values()][0]?.slug).toBe('harbour-open-again');

    const scheduled = sent(await adapter().publish(testJob('job0000000034', story(), [photoA, photoB], { previous: sent(reslugged), options: { status: 'scheduled', scheduledAt: '2031-01-01T00:00:00Z' } }).attempt()));
    const rescheduled = await adapter().publish(testJob('job0000000035', story(), [photoA, photoB], { previous: scheduled, options: { status: 'scheduled', scheduledAt: '2031-02-01T00:00:00Z' } }).attempt());
    expect(isUnchangedOnTarget(rescheduled)).toBe(false);
    expect([...wp.posts.values()][0]?.date_gmt).toBe('2031-02-01T00:00:00');
    expect(wp.posts.size).toBe(1);
  });

  it('publishes a backdated story with its original date when asked to keep it', async () => {
    const record = await target().publish(testJob('job0000000015', story(), [photoA, photoB], { options: { status: 'published', backdateTo: '2019-03-04T12:01:52+08:00' } }).attempt());
    expect(record.status).toBe('published');
    expect([...wp.posts.values()][0]?.date_gmt).toBe('2019-03-04T04:01:52');
  });

  it('a different kept date is a change: the story is published again with it; the same date sends nothing', async () => {
    const first = sent(await target().publish(testJob('job0000000041', story(), [photoA, photoB], { options: { status: 'published', backdateTo: '2019-03-04T12:01:52+08:00' } }).attempt()));
    const writes = () => wp.requests.filter((r) => r.startsWith('POST') || r.startsWith('DELETE')).length;
    const before = writes();
    const same = await adapter().publish(testJob('job0000000042', story(), [photoA, photoB], { previous: first, options: { status: 'published', backdateTo: '2019-03-04T12:01:52+08:00' } }).attempt());
    expect(isUnchangedOnTarget(same)).toBe(true);
    expect(writes()).toBe(before);
    const redated = await adapter().publish(testJob('job0000000043', story(), [photoA, photoB], { previous: first, options: { status: 'published', backdateTo: '2018-01-02T08:00:00+08:00' } }).attempt());
    expect(isUnchangedOnTarget(redated)).toBe(false);
    expect([...wp.posts.values()][0]?.date_gmt).toBe('2018-01-02T00:00:00');
    expect(wp.posts.size).toBe(1);
  });

  it('schedules a post for later with its date in GMT', async () => {
    const record = await target().publish(testJob('job0000000014', story(), [photoA, photoB], { options: { status: 'scheduled', scheduledAt: '2030-01-02T09:30:00+08:00' } }).attempt());
    expect(record.status).toBe('scheduled');
    expect([...wp.posts.values()][0]?.date_gmt).toBe('2030-01-02T01:30:00');
  });
});

describe('WordPress adapter: each failure says what to do', () => {
  it('a wrong application password names the account and where to create one', async () => {
    const error = await failure(target('wrong').testConnection());
    expect(error.code).toBe('remote-auth');
    expect(error.message).toContain('WordPress refused the application password for editor');
    expect(error.message).toContain('Users → Profile → Application Passwords');
  });

  it('a site that is not WordPress says so, naming the address', async () => {
    const plain = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html><head><title>Bakery</title></head><body>Fresh bread</body></html>');
    });
    await new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', resolve));
    const siteUrl = `http://127.0.0.1:${(plain.address() as AddressInfo).port}`;
    try {
      const error = await failure(target(wp.password, { siteUrl }).testConnection());
      expect(error.code).toBe('remote-not-wordpress');
      expect(error.message).toContain(`No WordPress site answers at ${siteUrl}`);
    } finally {
      plain.closeAllConnections();
      await new Promise<void>((resolve) => plain.close(() => resolve()));
    }
  });

  it('an HTML page where JSON was expected names the page', async () => {
    wp.faults.push({ match: (_method, route) => route === '/wp/v2/users/me', kind: 'html-page' });
    const error = await failure(target().testConnection());
    expect(error.code).toBe('remote-bad-response');
    expect(error.message).toContain('"Site under maintenance"');
  });

  it('413 names the photo; 5xx is a server error', async () => {
    wp.faults.push({ match: (method, route) => method === 'POST' && route === '/wp/v2/media', kind: { status: 413, code: 'rest_upload_file_too_big' } });
    const error = await failure(target().publish(testJob('job0000000015', story(), [photoA, photoB]).attempt()));
    expect(error.code).toBe('remote-too-large');
    expect(error.message).toMatch(/The photo "(harbour|crowd)\.png" \(“[^”]+”\) is( [\d.]+ MB,)? larger than the site accepts/);

    wp.faults.push({ match: (_method, route) => route === '/wp/v2/users/me', kind: { status: 503 } });
    expect((await failure(target().testConnection())).code).toBe('remote-server-error');
  });

  it('asks for the password when none is saved', async () => {
    const error = await failure(target(null).testConnection());
    expect(error.code).toBe('remote-auth');
    expect(error.message).toContain('No application password is saved');
  });
});

describe('WordPress adapter: fields WordPress has no place for, and the featured image', () => {
  const withAttribution = (language: string) =>
    makeArticle({
      ...story(),
      subheadline: '全长十二公里',
      meta: { ...story().meta, language, source: '成都日报', publisher: '王敏' },
    });

  it('adds the subheadline, source and responsible editor as visible lines in the article’s language, and as post meta', async () => {
    await target().publish(testJob('job0000000301', withAttribution('zh-CN'), [photoA, photoB]).attempt());
    const post = [...wp.posts.values()][0];
    expect(post?.content).toContain('<p class="dateline-subheadline">全长十二公里</p>');
    expect(post?.content).toContain('<p class="dateline-source">来源：成都日报</p>');
    expect(post?.content).toContain('<p class="dateline-responsible-editor">责任编辑：王敏</p>');
    // The subheadline leads, the attribution closes.
    expect(post?.content.indexOf('dateline-subheadline')).toBeLessThan(post?.content.indexOf('Ships are moving again.') ?? -1);
    expect(post?.content.indexOf('dateline-source')).toBeGreaterThan(post?.content.indexOf('Ships are moving again.') ?? Infinity);
    expect(post?.meta).toMatchObject({ dateline_subheadline: '全长十二公里', dateline_source: '成都日报', dateline_responsible_editor: '王敏' });
  });

  it('words the lines in English for an English story, and as the newsroom’s template says', async () => {
    await target().publish(testJob('job0000000302', withAttribution('en'), [photoA, photoB]).attempt());
    const english = [...wp.posts.values()][0];
    expect(english?.content).toContain('Source: 成都日报');
    expect(english?.content).toContain('Editor: 王敏');

    const custom = withAttribution('zh-CN');
    await target(wp.password, { attributionLines: { zh: { source: '稿源：{source}', editor: '' } } }).publish(testJob('job0000000303', { ...custom, id: `${custom.id}x` }, [photoA, photoB]).attempt());
    const mine = [...wp.posts.values()][1];
    expect(mine?.content).toContain('稿源：成都日报');
    expect(mine?.content).not.toContain('王敏');
  });

  const leadBlock = () => {
    const lead = [...wp.media.values()].find((m) => m.alt_text === 'Cranes at dawn');
    return `wp-image-${lead?.id ?? 'none'}`;
  };

  it('does not repeat the lead photo as the first block when the target says the theme shows the featured image; its caption and credit become a line', async () => {
    await target(wp.password, { themeShowsFeaturedImage: 'yes' }).publish(testJob('job0000000304', story(), [photoA, photoB]).attempt());
    const post = [...wp.posts.values()][0];
    expect(post?.featured_media).toBeGreaterThan(0);
    expect(post?.content).not.toContain(leadBlock());
    expect(post?.content).toContain('A crowd');
    // Themes that show the featured image show no caption with it: the reader still gets it, before the body.
    const caption = post?.content.match(/<p class="dateline-lead-caption">([^<]*)<\/p>/)?.[1] ?? '';
    expect(caption).toContain('港口的起重机（');
    expect(caption).toContain('新华社');
    expect(post?.content.indexOf('dateline-lead-caption')).toBeLessThan(post?.content.indexOf('Ships are moving again.') ?? -1);
  });

  it('on "auto", asks the site: an active theme with post-thumbnails support shows it, a site that does not say keeps the photo', async () => {
    wp.themeSupports = { 'post-thumbnails': true };
    await target().publish(testJob('job0000000305', story(), [photoA, photoB]).attempt());
    expect([...wp.posts.values()][0]?.content).not.toContain(leadBlock());

    wp.themeSupports = null;
    const second = story();
    await target().publish(testJob('job0000000306', { ...second, id: `${second.id}y` }, [photoA, photoB]).attempt());
    expect([...wp.posts.values()][1]?.content).toContain(leadBlock());
    // The photo keeps its own caption: no second one.
    expect([...wp.posts.values()][1]?.content).not.toContain('dateline-lead-caption');
  });
});
