// Runs in: vitest (node). Preview as published on a WordPress target: the blocks a publish would
// send, in a page with the site's own stylesheets fetched from the fake WordPress (same site only,
// capped in count and size, hostile ones refused), and without them, said so, when the site is out of reach.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WordpressTargetConfig } from '../../../common/publish/publish-target-config';
import { figure, fullArticle, makeArticle, paragraph, PHOTO_A, PHOTO_B, text } from '../../../tests/fixtures/sample-article';
import { FakeWordPress } from '../../../tests/support/fake-wordpress-server';
import { MAX_STYLESHEETS, STYLESHEET_MAX_BYTES } from './site-stylesheets';
import { WORDPRESS_PREVIEW_CSP, wordpressPreviewPage } from './wordpress-preview-page';

const PHOTOS: Record<string, Uint8Array> = {
  [PHOTO_A]: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 0xff, 0xd9]),
  [PHOTO_B]: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 9, 8, 7]),
};
const media = {
  readMedia: async (id: string) => PHOTOS[id] ?? new Uint8Array(),
  mimeOf: (id: string) => (id.endsWith('.png') ? 'image/png' : 'image/jpeg'),
};

let wp: FakeWordPress;
beforeEach(async () => {
  wp = await new FakeWordPress().start();
});
afterEach(async () => {
  await wp.stop();
});

function config(over: Partial<WordpressTargetConfig> = {}): WordpressTargetConfig {
  return { kind: 'wordpress', id: 't-wordpress1', name: 'News site', siteUrl: wp.url, username: 'editor', defaultCategory: '', ...over };
}

function styleBlocks(html: string): string[] {
  return [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1] as string).slice(1);
}

describe('the WordPress preview page', () => {
  it('holds the blocks a publish sends, photos inlined, with the target options, under a strict CSP', async () => {
    const article = makeArticle({
      headline: 'Harbour fire',
      subheadline: 'Three ships burn',
      body: { type: 'doc', content: [figure(PHOTO_A, { lead: true, caption: 'The quay', credit: 'Ann Lee' }), paragraph(text('Smoke rose.')), figure(PHOTO_B)] },
      meta: { source: 'Wire', language: 'en' },
    });
    const preview = await wordpressPreviewPage(article, config({ attributionLines: { en: { source: 'Wire copy from {source}' } } }), media);
    expect(preview.html).toContain(`content="${WORDPRESS_PREVIEW_CSP.replace(/'/g, '&#39;')}"`);
    expect(preview.html).not.toMatch(/<script/i);
    expect(preview.html).toContain('<h1 class="entry-title wp-block-post-title">Harbour fire</h1>');
    expect(preview.html).toContain('<!-- wp:paragraph -->');
    expect(preview.html).toContain('dateline-subheadline');
    expect(preview.html).toContain('Wire copy from Wire');
    expect(preview.html).toContain(`data:image/jpeg;base64,${Buffer.from(PHOTOS[PHOTO_A] as Uint8Array).toString('base64')}`);
    expect(preview.html).toContain(`data:image/png;base64,${Buffer.from(PHOTOS[PHOTO_B] as Uint8Array).toString('base64')}`);
    expect(preview.html).not.toContain('wp-post-image');
  });

  it('shows the lead photo as the featured image, not in the body, when the target says the theme shows it', async () => {
    const article = makeArticle({ body: { type: 'doc', content: [figure(PHOTO_A, { lead: true, caption: 'The quay at dawn' }), paragraph(text('Smoke rose.'))] } });
    const preview = await wordpressPreviewPage(article, config({ themeShowsFeaturedImage: 'yes' }), media);
    expect(preview.html).toMatch(/<p class="dateline-lead-caption">The quay at dawn/);
    const a = Buffer.from(PHOTOS[PHOTO_A] as Uint8Array).toString('base64');
    expect(preview.html).toContain(`<img class="wp-post-image" src="data:image/jpeg;base64,${a}"`);
    expect(preview.html.split(a).length - 1).toBe(1);
  });

  it('asks, as a publish does, whether the theme shows the featured image when the target says "auto"', async () => {
    const article = makeArticle({ body: { type: 'doc', content: [figure(PHOTO_A, { lead: true }), paragraph(text('Smoke rose.'))] } });
    const shown = await wordpressPreviewPage(article, config({ themeShowsFeaturedImage: 'auto' }), { ...media, themeShowsLead: async () => true });
    expect(shown.html).toContain('wp-post-image');
    const kept = await wordpressPreviewPage(article, config({ themeShowsFeaturedImage: 'auto' }), media);
    expect(kept.html).not.toContain('wp-post-image');
  });

  it('inlines the site stylesheets its front page links, same site only, sending no credentials', async () => {
    wp.frontPageHead = [
      '<link rel="stylesheet" href="/wp-content/themes/news/style.css">',
      '<link rel="stylesheet" href="https://cdn.elsewhere.example/evil.css">',
      '<link rel="alternate stylesheet" href="/wp-content/themes/news/alt.css">',
      '<link rel="stylesheet" href="/wp-includes/blocks.css?ver=6.7">',
    ].join('');
    wp.files.set('/wp-content/themes/news/style.css', {
      type: 'text/css; charset=utf-8',
      body: '@import url("https://fonts.elsewhere.example/f.css"); body { background: url(https://tracker.example/p.gif) } .entry-title { color: rebeccapurple } /* </style><script>alert(1)</script> */ a::after { content: "</style><script>x</script>" }',
    });
    wp.files.set('/wp-includes/blocks.css', { type: 'text/css', body: '.wp-block-image figcaption { font-style: italic }' });
    const preview = await wordpressPreviewPage(fullArticle(), config(), media);
    expect(preview.siteStyles).toBe('applied');
    const sheets = styleBlocks(preview.html);
    expect(sheets).toHaveLength(2);
    expect(sheets[0]).toContain('.entry-title { color: rebeccapurple }');
    expect(sheets[0]).not.toContain('@import');
    expect(sheets[0]).not.toContain('tracker.example');
    expect(sheets[0]).not.toContain('<');
    expect(sheets[0]).toContain('content: "\\3c /style>');
    expect(sheets[1]).toContain('.wp-block-image figcaption');
    expect(preview.html).not.toMatch(/<script/i);
    expect(wp.requests).toEqual(['GET /', 'GET /wp-content/themes/news/style.css', 'GET /wp-includes/blocks.css']);
    expect(wp.pageAuthorizations).toEqual([]);
  });

  it('takes at most a few sheets and refuses huge ones and ones that are not CSS', async () => {
    const links: string[] = [];
    for (let i = 0; i < MAX_STYLESHEETS + 3; i += 1) {
      links.push(`<link rel="stylesheet" href="/s${i}.css">`);
      wp.files.set(`/s${i}.css`, { type: 'text/css', body: `.s${i} { color: red }` });
    }
    wp.files.set('/s1.css', { type: 'text/css', body: STYLESHEET_MAX_BYTES + 1 });
    wp.files.set('/s2.css', { type: 'text/html', body: '<html><body>Log in</body></html>' });
    wp.frontPageHead = links.join('');
    const preview = await wordpressPreviewPage(fullArticle(), config(), media);
    expect(preview.siteStyles).toBe('applied');
    const sheets = styleBlocks(preview.html);
    expect(sheets).toHaveLength(MAX_STYLESHEETS - 2);
    expect(sheets.join('\n')).not.toContain('aaaa');
    expect(sheets.join('\n')).not.toContain('Log in');
    expect(wp.requests.filter((r) => r.startsWith('GET /s'))).toHaveLength(MAX_STYLESHEETS);
  });

  it('says the site styles are unavailable and still previews when the site cannot be reached', async () => {
    const url = wp.url;
    await wp.stop();
    wp = await new FakeWordPress().start();
    const preview = await wordpressPreviewPage(fullArticle(), config({ siteUrl: url }), media);
    expect(preview.siteStyles).toBe('unavailable');
    expect(preview.html).toContain('国务院：今年GDP增长5.2%');
    expect(styleBlocks(preview.html)).toEqual([]);
  });

  it('gives up on a site that never finishes its front page, within the time limit', async () => {
    const server: Server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<!doctype html><head>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const siteUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const preview = await wordpressPreviewPage(fullArticle(), config({ siteUrl }), { ...media, timeoutMs: 300 });
      expect(preview.siteStyles).toBe('unavailable');
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('follows redirects within the site only: a sheet that redirects elsewhere is not fetched there', async () => {
    const elsewhere = await new FakeWordPress().start();
    try {
      elsewhere.files.set('/evil.css', { type: 'text/css', body: '.evil { color: red }' });
      wp.frontPageHead = '<link rel="stylesheet" href="/moved.css"><link rel="stylesheet" href="/away.css">';
      wp.files.set('/moved.css', { type: '', body: '', location: '/style.css' });
      wp.files.set('/style.css', { type: 'text/css', body: '.site { color: navy }' });
      wp.files.set('/away.css', { type: '', body: '', location: `${elsewhere.url}/evil.css` });
      const preview = await wordpressPreviewPage(fullArticle(), config(), media);
      expect(styleBlocks(preview.html)).toEqual(['.site { color: navy }']);
      expect(elsewhere.requests).toEqual([]);
    } finally {
      await elsewhere.stop();
    }
  });

  it('reports no site styles when the front page links none', async () => {
    const preview = await wordpressPreviewPage(fullArticle(), config(), media);
    expect(preview.siteStyles).toBe('none');
  });
});
