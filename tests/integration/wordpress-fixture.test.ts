// The test WordPress behaves like a newsroom's site: it advertises its REST API, lets each role
// in with its Application Password and no further, keeps Chinese text intact, and (with the
// Dateline companion plugin) stores Dateline's markers on posts. Both permalink modes.
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePng } from '../support/test-photos';
import { startWordPress, type WordPressRole, type WordPressSite, type WpMedia, type WpPost } from './support/wordpress-fixture';
import { WordPressFixtureError } from './support/wordpress-fixture-error';
import { findWordPressTools } from './support/wordpress-prerequisites';
import { basicAuth, parseRestLink, restUrl } from './support/wordpress-rest';

const EXPECTED_ROLES: Record<WordPressRole, string> = { admin: 'administrator', editor: 'editor', author: 'author', contributor: 'contributor' };

interface RestError {
  code: string;
}

describe.each([
  { mode: 'pretty permalinks', prettyPermalinks: true },
  { mode: 'plain permalinks', prettyPermalinks: false },
])('a test WordPress with $mode', ({ prettyPermalinks }) => {
  let site: WordPressSite;

  beforeAll(async () => {
    site = await startWordPress({ prettyPermalinks });
  }, 180_000);

  afterAll(async () => {
    await site?.stop();
  }, 60_000);

  it('advertises its REST root in a Link header on the home page', async () => {
    const home = await fetch(`${site.url}/`);
    const restRoot = parseRestLink(home.headers.get('link') ?? '');
    expect(restRoot).toBe(site.restRoot);
    if (prettyPermalinks) {
      expect(restRoot).toBe(`${site.url}/wp-json/`);
    } else {
      expect(restRoot).toMatch(/\?rest_route=\/$/);
      // Without pretty permalinks /wp-json/ is not the API (it answers the home page as HTML, and
      // deeper routes 301): a client has to discover the root, not guess it.
      const guessed = await fetch(`${site.url}/wp-json/`, { redirect: 'manual' });
      expect(guessed.headers.get('content-type')).toMatch(/^text\/html/);
      const deeper = await fetch(`${site.url}/wp-json/wp/v2/posts`, { redirect: 'manual' });
      expect(deeper.status).toBe(301);
    }
    const index = await site.request<{ namespaces: string[] }>('/', { as: null });
    expect(index.status).toBe(200);
    expect(index.body.namespaces).toContain('wp/v2');
  });

  it('lets every account in with its Application Password and tells its role', async () => {
    for (const role of Object.keys(EXPECTED_ROLES) as WordPressRole[]) {
      const me = await site.request<{ id: number; roles: string[] }>('/wp/v2/users/me', { as: role, query: { context: 'edit' } });
      expect(me.status, `${role}: ${me.text.slice(0, 200)}`).toBe(200);
      expect(me.body.roles).toEqual([EXPECTED_ROLES[role]]);
      expect(me.body.id).toBe(site.users[role].id);
    }
  });

  it('rejects the normal login password over REST (only Application Passwords work)', async () => {
    const user = site.users.editor;
    const response = await fetch(restUrl(site.restRoot, '/wp/v2/users/me'), {
      headers: { authorization: basicAuth({ login: user.login, appPassword: user.password }) },
    });
    expect(response.status).toBe(401);
    expect(((await response.json()) as RestError).code).toBe('rest_not_logged_in');
  });

  it('refuses to let a contributor publish, but takes the article for review', async () => {
    const publish = await site.request<RestError>('/wp/v2/posts', { as: 'contributor', json: { title: 'Flood warning', status: 'publish' } });
    expect(publish.status).toBe(403);
    expect(publish.body.code).toBe('rest_cannot_publish');
    const pending = await site.request<WpPost>('/wp/v2/posts', { as: 'contributor', json: { title: 'Flood warning', status: 'pending' } });
    expect(pending.status).toBe(201);
    expect(pending.body.status).toBe('pending');
    expect(await site.countPosts({ title: 'Flood warning' })).toBe(1);
  });

  it('keeps a Chinese headline, body and tag intact', async () => {
    const title = '台风“山竹”登陆广东，全省停课一天';
    const tag = await site.request<{ id: number; name: string }>('/wp/v2/tags', { as: 'author', json: { name: '台风' } });
    expect(tag.status).toBe(201);
    const created = await site.request<WpPost>('/wp/v2/posts', {
      as: 'editor',
      json: { title, content: '<!-- wp:paragraph --><p>记者从广东省气象局获悉。</p><!-- /wp:paragraph -->', tags: [tag.body.id], status: 'draft' },
    });
    expect(created.status).toBe(201);
    const post = await site.getPost(created.body.id);
    expect(post.title.raw).toBe(title);
    expect(post.content.raw).toBe('<!-- wp:paragraph --><p>记者从广东省气象局获悉。</p><!-- /wp:paragraph -->');
    expect(post.tags).toEqual([tag.body.id]);
    expect(tag.body.name).toBe('台风');
  });

  it('stores Dateline markers as post meta through the companion plugin', async () => {
    const meta = { dateline_job: 'job0a1b2c3d4e5f', dateline_document: 'art9z8y7x6w5v4' };
    const created = await site.request<WpPost>('/wp/v2/posts', { as: 'author', json: { title: 'Council vote', status: 'draft', meta } });
    expect(created.status).toBe(201);
    expect(created.body.meta).toMatchObject(meta);
    expect((await site.getPost(created.body.id)).meta).toMatchObject(meta);
    expect(await site.countPosts({ metaKey: 'dateline_job', metaValue: 'job0a1b2c3d4e5f' })).toBe(1);
  });

  it('lets a colleague change a post so that its modified time moves on (for conflict tests)', async () => {
    const created = await site.request<WpPost>('/wp/v2/posts', { as: 'author', json: { title: 'Bridge reopens', status: 'publish' } });
    expect(created.status).toBe(201);
    const edited = await site.editPostAsOtherUser(created.body.id, 'Bridge reopens after repairs');
    expect(edited.title.raw).toBe('Bridge reopens after repairs');
    expect(edited.modified_gmt > created.body.modified_gmt).toBe(true);
  });

  it('lists every post and photo as the admin sees them, and can start over empty', async () => {
    const upload = await site.request<WpMedia>('/wp/v2/media', {
      as: 'author',
      body: makePng(320, 200),
      headers: { 'content-type': 'image/png', 'content-disposition': 'attachment; filename="harbour.png"' },
    });
    expect(upload.status).toBe(201);
    const posts = await site.listAllPosts();
    expect(posts.map((post) => post.title.raw)).toEqual(expect.arrayContaining(['Flood warning', 'Council vote', 'Bridge reopens after repairs']));
    expect(posts.length).toBe(await site.countPosts());
    expect((await site.listAllMedia()).map((media) => media.id)).toEqual([upload.body.id]);
    expect(await site.countPosts({ type: 'attachment' })).toBe(1);

    await site.resetContent();
    expect(await site.listAllPosts()).toEqual([]);
    expect(await site.listAllMedia()).toEqual([]);
    expect(await site.countPosts({ type: 'attachment' })).toBe(0);
  });
});

describe('a test WordPress without the companion plugin', () => {
  it('drops unregistered meta silently (the case Dateline must fall back from), and stop() leaves nothing behind', async () => {
    const site = await startWordPress({ companionPlugin: false });
    try {
      const created = await site.request<WpPost>('/wp/v2/posts', { as: 'editor', json: { title: 'No plugin', status: 'draft', meta: { dateline_job: 'job0a1b2c3d4e5f' } } });
      expect(created.status).toBe(201);
      expect(created.body.meta).not.toHaveProperty('dateline_job');
      expect(await site.countPosts({ metaKey: 'dateline_job' })).toBe(0);
    } finally {
      await site.stop();
    }
    expect(existsSync(site.docroot)).toBe(false);
    await expect(fetch(`${site.url}/`)).rejects.toThrow();
  }, 180_000);
});

describe('when another process holds the port', () => {
  it('moves to a free port and still answers as itself', async () => {
    const squatter = createServer((_req, res) => res.end('not WordPress'));
    await new Promise<void>((resolve) => squatter.listen(0, '127.0.0.1', resolve));
    const address = squatter.address();
    const busyPort = typeof address === 'object' && address ? address.port : 0;
    try {
      const site = await startWordPress({ port: busyPort });
      try {
        expect(site.port).not.toBe(busyPort);
        const me = await site.request<{ roles: string[] }>('/wp/v2/users/me', { as: 'author', query: { context: 'edit' } });
        expect(me.body.roles).toEqual(['author']);
      } finally {
        await site.stop();
      }
    } finally {
      squatter.close();
    }
  }, 180_000);
});

describe('when the machine lacks WordPress', () => {
  it('fails loudly with the packages to install instead of skipping', () => {
    expect(() => findWordPressTools('/nonexistent/wordpress')).toThrow(WordPressFixtureError);
    expect(() => findWordPressTools('/nonexistent/wordpress')).toThrow(/apt-get install -y --no-install-recommends wordpress .*mariadb-server/);
  });
});
