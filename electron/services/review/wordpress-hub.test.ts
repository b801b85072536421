// Runs in: vitest (node). The WordPress review hub against a scripted WordPress (fetchImpl): opening
// a post never makes this machine fetch addresses off the site, photos come by attachment id and are
// reused only when their bytes hash right, the queue reads only what the filter can match (newest
// first) and says when it was cut, and the current revision is found after a publish replaced the
// post's marker.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../common/app-error';
import type { Article, DocNode } from '../../../common/article';
import type { MediaInfo } from '../../../common/contract';
import { figure, makeArticle, paragraph, text } from '../../../tests/fixtures/sample-article';
import { SUGGESTED_BODY } from '../../../tests/fixtures/suggested-body';
import { contentHash } from './canonical-json';
import type { HubMedia } from './hub-photos';
import { DESK, REVIEW_PACKAGE_FORMAT, REVIEW_PACKAGE_VERSION } from './review-package';
import type { HostLookup } from '../wordpress';
import { postStatusesFor, WordPressHub } from './wordpress-hub';
import type { WpReviewPost } from './wordpress-hub-fallback';
import { articleMarkerBlock } from '../wordpress';
import { encodePackage, type WordPressPackage } from './wordpress-hub-package';

const SITE = 'https://news.example.com/';
const ROOT = 'https://news.example.com/wp-json/';
const reporter = { name: 'Rita Reporter', role: 'reporter' as const };

interface FakeMediaItem {
  id: number;
  slug: string;
  source_url: string;
  bytes: Uint8Array;
}

/** A scripted WordPress: posts, a media library, files by address; every request is recorded. */
class FakeWordPress {
  readonly requests: string[] = [];
  readonly posts: WpReviewPost[] = [];
  readonly media: FakeMediaItem[] = [];
  readonly files = new Map<string, Uint8Array>();
  uploads = 0;

  constructor(readonly companion: boolean) {}

  fetchImpl = async (input: string, init: RequestInit): Promise<Response> => {
    this.requests.push(`${init.method ?? 'GET'} ${input}`);
    const url = new URL(input);
    if (input === SITE) return new Response('<html></html>', { status: 200, headers: { link: `<${ROOT}>; rel="https://api.w.org/"` } });
    if (input === ROOT) return json({ name: 'News', namespaces: ['wp/v2', ...(this.companion ? ['dateline/v1'] : [])] });
    if (!url.pathname.startsWith('/wp-json/')) {
      const file = this.files.get(input);
      return file ? new Response(file as Uint8Array<ArrayBuffer>) : new Response('not found', { status: 404 });
    }
    const route = url.pathname.slice('/wp-json/'.length);
    const q = url.searchParams;
    if (route === 'wp/v2/users/me') return json({ id: 1, roles: ['editor'] });
    if (/^wp\/v2\/users\/\d+$/.test(route)) return json({ name: 'Rita Reporter' });
    if (route === 'dateline/v1/companion') return this.companion ? json({ version: '2.1.0' }) : notFound('rest_no_route');
    const mediaMatch = /^wp\/v2\/media\/(\d+)$/.exec(route);
    if (mediaMatch) {
      const item = this.media.find((m) => m.id === Number(mediaMatch[1]));
      return item ? json({ id: item.id, slug: item.slug, source_url: item.source_url }) : notFound('rest_post_invalid_id');
    }
    if (route === 'wp/v2/media' && init.method === 'GET') {
      const slugs = (q.get('slug') ?? '').split(',');
      return json(this.media.filter((m) => slugs.includes(m.slug)).map((m) => ({ id: m.id, slug: m.slug, source_url: m.source_url })));
    }
    if (route === 'wp/v2/media' && init.method === 'POST') {
      const form = init.body as FormData;
      const file = form.get('file') as File;
      const bytes = new Uint8Array(await file.arrayBuffer());
      const taken = this.media.some((m) => m.slug === form.get('slug'));
      const item = this.addMedia(`${String(form.get('slug'))}${taken ? '-2' : ''}`, bytes);
      this.uploads++;
      return json({ id: item.id, slug: item.slug, source_url: item.source_url }, 201);
    }
    // Like WordPress, an answer carries only the fields asked for.
    const fields = q.get('_fields')?.split(',');
    const pick = (post: WpReviewPost) => (fields ? Object.fromEntries(Object.entries(post).filter(([key]) => fields.includes(key))) : post);
    const postMatch = /^wp\/v2\/posts\/(\d+)$/.exec(route);
    if (postMatch && init.method === 'GET') {
      const post = this.posts.find((p) => p.id === Number(postMatch[1]));
      return post ? json(pick(post)) : notFound('rest_post_invalid_id');
    }
    if (postMatch && init.method === 'POST') {
      const post = this.posts.find((p) => p.id === Number(postMatch[1]));
      if (!post) return notFound('rest_post_invalid_id');
      const fields = JSON.parse(String(init.body)) as { title?: string; content?: string; status?: string; meta?: Record<string, unknown> };
      if (fields.title !== undefined) post.title = { raw: fields.title };
      if (fields.content !== undefined) post.content = { raw: fields.content };
      if (fields.status !== undefined) post.status = fields.status;
      if (fields.meta) post.meta = { ...post.meta, ...fields.meta, dateline_hub_revision: Number(post.meta?.dateline_hub_revision ?? 0) + 1 };
      post.modified_gmt = new Date(Date.parse(`${post.modified_gmt}Z`) + 5_000).toISOString().slice(0, 19);
      return json(post);
    }
    if (route === 'wp/v2/posts' && init.method === 'POST') {
      const fields = JSON.parse(String(init.body)) as { title?: string; content?: string; status?: string; meta?: Record<string, unknown> };
      // The companion plugin numbers a new package's revision 1.
      const meta = fields.meta ? { ...fields.meta, ...(this.companion && fields.meta.dateline_review ? { dateline_hub_revision: 1 } : {}) } : {};
      const post = this.addPost({ id: 900 + this.posts.length, title: { raw: fields.title ?? '' }, content: { raw: fields.content ?? '' }, status: fields.status ?? 'draft', meta });
      return json(post, 201);
    }
    if (route === 'wp/v2/posts' && init.method === 'GET') {
      let found = this.posts.filter((p) => (q.get('status') ?? 'publish').split(',').includes(p.status));
      const review = q.get('dateline_review');
      const hasPackage = (p: WpReviewPost) => typeof p.meta?.dateline_review === 'string' && p.meta.dateline_review.length > 0;
      if (review === 'with') found = found.filter(hasPackage);
      if (review === 'without') found = found.filter((p) => !hasPackage(p));
      const search = q.get('search');
      if (search) found = found.filter((p) => (p.content?.raw ?? '').includes(search));
      const document = q.get('dateline_document');
      if (document) found = found.filter((p) => p.meta?.dateline_document === document);
      const key = q.get('orderby') === 'modified' ? 'modified_gmt' : q.get('orderby') === 'id' ? 'id' : 'date_gmt';
      found.sort((a, b) => (String(a[key]).padStart(20, '0') < String(b[key]).padStart(20, '0') ? -1 : 1) * (q.get('order') === 'desc' ? -1 : 1));
      const perPage = Number(q.get('per_page') ?? 10);
      const page = Number(q.get('page') ?? 1);
      if (page > 1 && (page - 1) * perPage >= found.length) return json({ code: 'rest_post_invalid_page_number', message: 'no such page' }, 400);
      return json(found.slice((page - 1) * perPage, page * perPage).map(pick));
    }
    return notFound('rest_no_route');
  };

  addMedia(slug: string, bytes: Uint8Array, origin = 'https://news.example.com'): FakeMediaItem {
    const id = 500 + this.media.length;
    const item = { id, slug, source_url: `${origin}/wp-content/uploads/${slug}-${id}.png`, bytes };
    this.media.push(item);
    this.files.set(item.source_url, bytes);
    return item;
  }

  addPost(fields: Partial<WpReviewPost> & { id: number }): WpReviewPost {
    const post: WpReviewPost = {
      status: 'pending',
      slug: '',
      link: `${SITE}?p=${fields.id}`,
      date_gmt: '2026-01-01T00:00:00',
      modified_gmt: '2026-01-01T00:00:00',
      author: 7,
      title: { raw: `Post ${fields.id}` },
      content: { raw: '<!-- wp:paragraph --><p>Text.</p><!-- /wp:paragraph -->' },
      excerpt: { raw: '' },
      meta: {},
      ...fields,
    };
    this.posts.push(post);
    return post;
  }

  /** Requests that went anywhere but the site's origin. */
  offSite(): string[] {
    return this.requests.filter((r) => !r.split(' ')[1]?.startsWith('https://news.example.com/'));
  }
}

function json(value: unknown, status = 200): Response {
  return new Response(JSON.stringify(value), { status, headers: { 'content-type': 'application/json' } });
}

function notFound(code: string): Response {
  return json({ code, message: 'Not found', data: { status: 404 } }, 404);
}

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A photo library in memory, content-addressed like the real one. */
function memoryMedia(): HubMedia & { files: Map<string, Uint8Array> } {
  const files = new Map<string, Uint8Array>();
  return {
    files,
    read: async (id) => {
      const bytes = files.get(id);
      if (!bytes) throw new AppError('not-found', `no photo ${id}`);
      return bytes;
    },
    import: async (fileName, data): Promise<MediaInfo> => {
      const id = `${sha(data)}.png`;
      files.set(id, data);
      return { id, mimeType: 'image/png', bytes: data.byteLength, width: 1, height: 1, caption: '', credit: '', copyright: '', originalName: fileName };
    },
  };
}

function hubFor(site: FakeWordPress, media: HubMedia = memoryMedia(), queueLimit?: number, photos: { mediaOrigins?: string[]; lookup?: HostLookup } = {}): WordPressHub {
  return new WordPressHub({
    ...photos,
    targetId: 'wp',
    siteUrl: SITE,
    username: 'editor',
    password: 'abcd efgh',
    targetLabel: 'The WordPress site news.example.com',
    media,
    fetchImpl: site.fetchImpl,
    sleep: async () => undefined,
    settleMs: 0,
    queueLimit,
  });
}

function packageOf(article: Article, media: WordPressPackage['media'], hubRevision = 1): WordPressPackage {
  const at = '2026-01-01T00:00:00.000Z';
  return {
    format: REVIEW_PACKAGE_FORMAT,
    version: REVIEW_PACKAGE_VERSION,
    hubRevision,
    contentHash: contentHash(article),
    article,
    history: [],
    comments: [],
    submittedBy: reporter,
    submittedTo: DESK,
    submittedAt: at,
    updatedAt: at,
    updatedBy: reporter,
    previousSubmission: null,
    media,
  };
}

const photoBytes = (seed: number) => new Uint8Array(Array.from({ length: 64 }, (_, i) => (i * 31 + seed) % 256));

describe('the WordPress review hub never fetches addresses off the site', () => {
  it('a post’s <img> pointing at the LAN is not requested: a note stands in its place; the site’s own photo comes down', async () => {
    const site = new FakeWordPress(false);
    const own = site.addMedia('harbour', photoBytes(1));
    site.files.set('http://192.168.0.1/cgi-bin/reboot.png', photoBytes(2));
    const post = site.addPost({
      id: 41,
      content: {
        raw: [
          '<!-- wp:paragraph --><p>Before.</p><!-- /wp:paragraph -->',
          '<!-- wp:image --><figure class="wp-block-image"><img src="http://192.168.0.1/cgi-bin/reboot.png" alt="Router"/></figure><!-- /wp:image -->',
          '<!-- wp:image --><figure class="wp-block-image"><img src="http://localhost:631/admin" alt=""/></figure><!-- /wp:image -->',
          `<!-- wp:image {"id":${own.id}} --><figure class="wp-block-image"><img src="${own.source_url}" alt="Harbour" class="wp-image-${own.id}"/></figure><!-- /wp:image -->`,
        ].join('\n'),
      },
    });
    const media = memoryMedia();
    const hub = hubFor(site, media);
    const [entry] = (await hub.list()).entries;
    const opened = await hub.open(entry?.articleId as string);
    expect(site.offSite()).toEqual([]);
    const nodes = opened.article.body.content ?? [];
    expect(nodes.map((n) => n.type)).toEqual(['paragraph', 'paragraph', 'paragraph', 'figure']);
    expect(nodes[1]?.content?.[0]?.text).toContain('“Router” is at 192.168.0.1, not on news.example.com');
    expect(nodes[1]?.content?.[0]?.text).toContain('Dateline did not download it');
    expect(nodes[2]?.content?.[0]?.text).toContain('is at localhost:631');
    expect(nodes[3]?.attrs?.mediaId).toBe(`${sha(own.bytes)}.png`);
    expect(media.files.get(`${sha(own.bytes)}.png`)).toEqual(own.bytes);
    expect(post.id).toBe(41);
  });

  it('a package’s photo comes by attachment id from where WordPress says it is, not from the address the package names', async () => {
    const site = new FakeWordPress(true);
    const bytes = photoBytes(3);
    const item = site.addMedia(`dateline-${sha(bytes).slice(0, 16)}`, bytes);
    const mediaId = `${sha(bytes)}.png`;
    const article = makeArticle({ id: 'pkgarticle01', headline: 'Harbour', body: { type: 'doc', content: [figure(mediaId, { alt: 'Harbour' }), paragraph(text('Text.'))] } });
    const pkg = packageOf(article, { [mediaId]: { id: item.id, url: 'http://127.0.0.1:2375/containers/json', originalUrl: 'http://127.0.0.1:2375/containers/json' } });
    site.addPost({ id: 42, meta: { dateline_document: article.id, dateline_review: encodePackage(pkg), dateline_hub_revision: 1 } });
    const media = memoryMedia();
    const opened = await hubFor(site, media).open(article.id);
    expect(opened.article).toEqual(article);
    expect(media.files.get(mediaId)).toEqual(bytes);
    expect(site.offSite()).toEqual([]);
    expect(site.requests).toContain(`GET ${ROOT}wp/v2/media/${item.id}`);
  });

  it('a media library on a CDN the newsroom listed is downloaded from; a redirect off it is not followed', async () => {
    const site = new FakeWordPress(false);
    const cdn = site.addMedia('cdn-photo', photoBytes(4), 'https://cdn.example.net');
    const fetchImpl = site.fetchImpl;
    const requested: string[] = [];
    site.fetchImpl = async (input, init) => {
      if (input.startsWith('https://cdn.example.net/')) requested.push(input);
      if (input === 'https://cdn.example.net/moved.png') return new Response(null, { status: 302, headers: { location: 'http://10.0.0.1/metadata' } });
      return fetchImpl(input, init);
    };
    site.addPost({
      id: 43,
      content: {
        raw: [
          `<!-- wp:image {"id":${cdn.id}} --><figure class="wp-block-image"><img src="${cdn.source_url}" alt="" class="wp-image-${cdn.id}"/></figure><!-- /wp:image -->`,
          '<!-- wp:image --><figure class="wp-block-image"><img src="https://cdn.example.net/moved.png" alt="Moved"/></figure><!-- /wp:image -->',
        ].join('\n'),
      },
    });
    const hub = hubFor(site, memoryMedia(), undefined, { mediaOrigins: ['https://cdn.example.net'], lookup: async () => ['151.101.1.1'] });
    const [entry] = (await hub.list()).entries;
    const opened = await hub.open(entry?.articleId as string);
    const nodes = opened.article.body.content ?? [];
    expect(nodes[0]?.attrs?.mediaId).toBe(`${sha(cdn.bytes)}.png`);
    expect(nodes[1]?.content?.[0]?.text).toContain('“Moved” is at 10.0.0.1');
    expect(requested).toEqual([cdn.source_url, 'https://cdn.example.net/moved.png']);
    expect(site.requests.some((r) => r.includes('10.0.0.1'))).toBe(false);
  });

  it('an attachment whose source_url the REST API puts on another host or another loopback port is not downloaded', async () => {
    const site = new FakeWordPress(false);
    const docker = site.addMedia('docker', photoBytes(8), 'http://127.0.0.1:2375');
    const elsewhere = site.addMedia('elsewhere', photoBytes(9), 'https://cdn.example.net');
    site.addPost({
      id: 44,
      content: {
        raw: [docker, elsewhere]
          .map((m) => `<!-- wp:image {"id":${m.id}} --><figure class="wp-block-image"><img src="${m.source_url}" alt="${m.slug}" class="wp-image-${m.id}"/></figure><!-- /wp:image -->`)
          .join('\n'),
      },
    });
    const hub = hubFor(site);
    const [entry] = (await hub.list()).entries;
    const opened = await hub.open(entry?.articleId as string);
    const notes = (opened.article.body.content ?? []).map((n) => n.content?.[0]?.text ?? '');
    expect(notes[0]).toContain('“docker” is at 127.0.0.1:2375, not on news.example.com');
    expect(notes[1]).toContain('“elsewhere” is at cdn.example.net, not on news.example.com');
    expect(site.offSite()).toEqual([]);
  });
});

describe('a contributor’s hostile post meta does not stall the WordPress review hub', () => {
  it('a package of 2.2 million empty nodes is listed as a problem by name, and a post too large to read is left out by name; the rest of the queue shows', async () => {
    const site = new FakeWordPress(true);
    const good = makeArticle({ id: 'goodstory001', headline: 'Council passes budget', status: 'submitted', body: { type: 'doc', content: [paragraph(text('Text.'))] } });
    site.addPost({ id: 51, meta: { dateline_document: good.id, dateline_review: encodePackage(packageOf(good, {})), dateline_hub_revision: 1 } });
    // 8.6 MB of meta: within what Dateline reads, refused by the body's limits in the worker.
    const hostile = makeArticle({ id: 'hostile00001', headline: 'Hostile', status: 'submitted' });
    const empty = Array.from({ length: 2_200_000 }, () => ({}) as DocNode);
    site.addPost({ id: 52, meta: { dateline_document: hostile.id, dateline_review: encodePackage(packageOf({ ...hostile, body: { type: 'doc', content: empty } }, {})), dateline_hub_revision: 1 } });
    // 14.5 MB of meta (as the plugin would store it): more than Dateline reads in one answer.
    const huge = makeArticle({ id: 'hugestory001', headline: 'Huge', status: 'submitted' });
    const tiny = Array.from({ length: 420_000 }, () => text('a'));
    const meta = encodePackage(packageOf({ ...huge, body: { type: 'doc', content: [{ type: 'paragraph', content: tiny }] } }, {}));
    expect(meta.length).toBeGreaterThan(14_000_000);
    site.addPost({ id: 53, meta: { dateline_document: huge.id, dateline_review: meta, dateline_hub_revision: 1 } });
    const listing = await hubFor(site).list();
    expect(listing.entries.map((e) => e.headline)).toEqual(['Council passes budget']);
    expect(listing.problems.map((p) => [p.articleId, p.message])).toEqual([
      [
        hostile.id,
        'The review copy of hostile00001 in WordPress at https://news.example.com/ (post 52) cannot be read: the package is not a Dateline review package at article.body: the body is too large to be an article: it holds more than 2,000,000 parts (nodes, marks and attributes). Ask the sender to submit the article again',
      ],
      [expect.stringMatching(/^wp[0-9a-f]{8}p53$/), expect.stringMatching(/^Post 53 at https:\/\/news\.example\.com\/ is larger than Dateline reads, so it was left out of the review queue: .*Dateline reads at most 10 MB/)],
    ]);
  });
});

describe('photos of the WordPress review hub are reused only when their bytes hash right', () => {
  it('without the plugin, an attachment someone gave the photo’s marker slug is not reused: the real photo is uploaded', async () => {
    const site = new FakeWordPress(false);
    const real = photoBytes(5);
    const mediaId = `${sha(real)}.png`;
    const marker = `dateline-${sha(real).slice(0, 16)}`;
    const poisoned = site.addMedia(marker, photoBytes(6));
    const media = memoryMedia();
    media.files.set(mediaId, real);
    const article = makeArticle({ id: 'poisoned0001', headline: 'Poison', status: 'submitted', body: { type: 'doc', content: [figure(mediaId, { alt: 'Real' })] } });
    await hubFor(site, media).submit(article, { by: reporter, to: DESK, history: [], comments: [], baseHubRevision: null });
    expect(site.uploads).toBe(1);
    const stored = site.media.find((m) => m.id !== poisoned.id);
    expect(stored?.bytes).toEqual(real);
    expect(stored?.slug).toBe(`${marker}-2`);
  });

  it('a package naming another attachment for a photo is not trusted on the next write: the photo is stored again', async () => {
    const site = new FakeWordPress(true);
    const real = photoBytes(7);
    const mediaId = `${sha(real)}.png`;
    const wrong = site.addMedia('someone-elses-photo', photoBytes(8));
    const article = makeArticle({ id: 'knownpoison1', headline: 'Known', status: 'submitted', body: { type: 'doc', content: [figure(mediaId, { alt: 'Real' })] } });
    site.addPost({ id: 44, meta: { dateline_document: article.id, dateline_review: encodePackage(packageOf(article, { [mediaId]: { id: wrong.id, url: wrong.source_url, originalUrl: wrong.source_url } })), dateline_hub_revision: 1 } });
    const stored: string[] = [];
    const fetchImpl = site.fetchImpl;
    site.fetchImpl = async (input, init) => {
      if (input.includes('dateline/v1/photos') && init.method === 'POST') {
        stored.push(input);
        const item = site.addMedia(`dateline-${sha(real).slice(0, 16)}`, real);
        return json({ id: item.id, slug: item.slug, source_url: item.source_url, original_url: item.source_url });
      }
      return fetchImpl(input, init);
    };
    const media = memoryMedia();
    media.files.set(mediaId, real);
    const written = await hubFor(site, media).update(article.id, { comments: [], by: reporter, baseHubRevision: 1 });
    expect(written.hubRevision).toBe(2);
    expect(stored).toHaveLength(1);
    const post = site.posts.find((p) => p.id === 44);
    expect(String(post?.meta?.dateline_review)).not.toContain(String(wrong.id));
  });
});

describe('pending suggestions in the WordPress review hub', () => {
  it('with the plugin: reach the other side unchanged, and the post itself shows the text as if rejected', async () => {
    const site = new FakeWordPress(true);
    const article = makeArticle({ id: 'suggested001', headline: 'Council passes budget', status: 'changes_requested', body: SUGGESTED_BODY });
    await hubFor(site).submit(article, { by: reporter, to: DESK, history: [], comments: [], baseHubRevision: null });
    const opened = await hubFor(site).open(article.id);
    expect(opened.article.body).toEqual(SUGGESTED_BODY);
    const content = site.posts[0]?.content?.raw ?? '';
    expect(content).toContain('The council approved the <strong>budget</strong>.');
    expect(content).toContain('市议会周二通过预算。');
    expect(content).not.toMatch(/suggestion|narrowly|昨天|Sam Editor/);
  });

  it('without the plugin (the article comes back from the post’s HTML): refused by name instead of silently lost', async () => {
    const site = new FakeWordPress(false);
    const article = makeArticle({ id: 'suggested002', headline: 'Council passes budget', status: 'changes_requested', body: SUGGESTED_BODY });
    const refused = await hubFor(site).submit(article, { by: reporter, to: DESK, history: [], comments: [], baseHubRevision: null }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'invalid-input', details: { kind: 'hub-suggestions-need-plugin', headline: 'Council passes budget' } });
    expect(site.posts).toHaveLength(0);
  });
});

describe('the WordPress review queue', () => {
  it('reads pending and draft posts only, unless the filter asks for scheduled or published articles', () => {
    expect(postStatusesFor(undefined)).toEqual(['pending', 'draft']);
    expect(postStatusesFor(['submitted'])).toEqual(['pending', 'draft']);
    expect(postStatusesFor(['scheduled'])).toEqual(['pending', 'draft', 'future']);
    expect(postStatusesFor(['published', 'corrected'])).toEqual(['pending', 'draft', 'publish', 'private']);
  });

  for (const companion of [true, false]) {
    it(`${companion ? 'with' : 'without'} the plugin: asks for what the filter can match, newest first, and says when the list was cut`, async () => {
      const site = new FakeWordPress(companion);
      for (let i = 1; i <= 12; i++) {
        const modified = `2026-02-${String(i).padStart(2, '0')}T10:00:00`;
        if (companion) {
          const article = makeArticle({ id: `queued${String(i).padStart(6, '0')}`, headline: `Story ${i}`, status: 'submitted' });
          site.addPost({ id: 100 + i, modified_gmt: modified, meta: { dateline_document: article.id, dateline_review: encodePackage(packageOf(article, {})), dateline_hub_revision: 1 } });
        } else {
          site.addPost({ id: 100 + i, modified_gmt: modified, title: { raw: `Story ${i}` } });
        }
      }
      site.addPost({ id: 200, status: 'publish', modified_gmt: '2026-03-01T00:00:00', meta: {} });
      const hub = hubFor(site, memoryMedia(), 10);
      const listing = await hub.list({ to: 'Edith Editor', status: ['submitted'] });
      expect(listing.entries.map((e) => e.headline).sort()).toEqual(['Story 10', 'Story 11', 'Story 12', 'Story 3', 'Story 4', 'Story 5', 'Story 6', 'Story 7', 'Story 8', 'Story 9']);
      expect(listing.problems).toHaveLength(1);
      expect(listing.problems[0]?.message).toContain('The review queue was cut short');
      expect(listing.problems[0]?.message).toContain('more than 10 posts');
      expect(listing.problems[0]?.message).toContain('For me');
      const lists = site.requests.filter((r) => r.startsWith(`GET ${ROOT}wp/v2/posts?`)).map((r) => new URL(r.slice(4)).searchParams);
      expect(lists.length).toBeGreaterThan(0);
      for (const q of lists) {
        expect(q.get('orderby')).toBe('modified');
        expect(q.get('order')).toBe('desc');
        expect(q.get('status')?.split(',').sort()).toEqual(q.get('dateline_review') === 'with' ? ['draft', 'pending'] : ['pending']);
      }

      // Under the cap nothing is reported; asking for published articles reads published posts too.
      const roomy = hubFor(site, memoryMedia(), 50);
      expect((await roomy.list({})).problems).toEqual([]);
      site.requests.length = 0;
      await roomy.list({ status: ['published'] });
      const asked = site.requests.filter((r) => r.startsWith(`GET ${ROOT}wp/v2/posts?`)).map((r) => new URL(r.slice(4)).searchParams);
      // Posts without a package are pending ones, which never stand for a published article: not read at all.
      expect(asked.map((q) => q.get('status'))).toEqual(companion ? ['pending,draft,publish,private'] : []);
    });
  }
});

describe('the current revision of an article', () => {
  it('is null for an article not in WordPress, and still found after a publish replaced the post’s marker (no plugin)', async () => {
    const site = new FakeWordPress(false);
    const hub = hubFor(site);
    expect(await hub.currentRevision('notthere0001')).toBeNull();
    const post = site.addPost({ id: 77, content: { raw: `${articleMarkerBlock('published0001', 'abcdef0123456789')}\n\n<!-- wp:paragraph --><p>Story.</p><!-- /wp:paragraph -->` } });
    const opened = await hub.open('published0001');
    // The publishing job writes its own content (no marker) and moves the modified time.
    post.content = { raw: '<!-- wp:paragraph --><p>Story, as published.</p><!-- /wp:paragraph -->' };
    post.status = 'publish';
    post.modified_gmt = '2026-01-01T00:05:00';
    const current = await hub.currentRevision('published0001');
    expect(current).not.toBeNull();
    expect(current).not.toBe(opened.hubRevision);
    const stale = await hub.update('published0001', { article: { ...opened.article, status: 'published' }, by: reporter, baseHubRevision: opened.hubRevision }).catch((e: unknown) => e);
    expect(stale).toMatchObject({ code: 'conflict' });
    const written = await hub.update('published0001', { article: { ...opened.article, status: 'published' }, by: reporter, baseHubRevision: current as number });
    expect(written.hubRevision).toBe(current);
    // Another machine never saw the post: the marker is gone, so it is not found there.
    expect(await hubFor(site).currentRevision('published0001')).toBeNull();
  });
});
