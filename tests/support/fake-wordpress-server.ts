// Runs in: vitest (node). A small in-memory stand-in for the WordPress REST endpoints the adapter
// uses, on a real loopback socket, with switches for permalinks, roles and injected faults. The
// real WordPress is exercised by tests/integration; this keeps the unit tests fast and precise.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type FakeRole = 'administrator' | 'editor' | 'author' | 'contributor';

export interface FakePost {
  id: number;
  status: string;
  slug: string;
  title: string;
  content: string;
  excerpt: string;
  tags: number[];
  categories: number[];
  featured_media: number;
  date_gmt: string | null;
  modified_gmt: string;
  meta: Record<string, unknown>;
}

export interface FakeMedia {
  id: number;
  slug: string;
  fileName: string;
  bytes: number;
  /** The uploaded file, served at source_url. */
  data: Uint8Array;
  /** The file is behind a protection plugin: downloading it answers 403, or a login page (200, HTML). */
  blocked?: 'forbidden' | 'login-page';
  caption: string;
  alt_text: string;
  title: string;
}

/** A fault for the next request that matches: answer with a status, or commit and then drop the reply. */
export interface FakeFault {
  match: (method: string, route: string) => boolean;
  kind: 'drop-after-commit' | 'html-page' | { status: number; code?: string };
}

const CAPS: Record<FakeRole, string[]> = {
  administrator: ['edit_posts', 'publish_posts', 'upload_files', 'manage_categories', 'unfiltered_html'],
  editor: ['edit_posts', 'publish_posts', 'upload_files', 'manage_categories', 'unfiltered_html'],
  author: ['edit_posts', 'publish_posts', 'upload_files'],
  contributor: ['edit_posts'],
};

export class FakeWordPress {
  readonly posts = new Map<number, FakePost>();
  readonly media = new Map<number, FakeMedia>();
  readonly terms = { tags: new Map<number, string>(), categories: new Map<number, string>() };
  readonly requests: string[] = [];
  readonly faults: FakeFault[] = [];
  role: FakeRole = 'editor';
  /** false: the site answers only at /?rest_route=/ and announces that in its Link header. */
  pretty = true;
  /** When set, the announced REST root uses this origin (as behind a misconfigured proxy). */
  announcedOrigin: string | null = null;
  /** When set, GET /wp/v2/themes answers with an active theme supporting these; otherwise 404. */
  themeSupports: Record<string, unknown> | null = null;
  /** Extra markup in the front page's <head> (stylesheet links for the preview). */
  frontPageHead = '';
  /** Files served below /wp-content/themes/ and elsewhere by path: a body (string or a byte count of filler) and its type. */
  readonly files = new Map<string, { body: string | number; type: string; location?: string }>();
  /** Authorization headers the front page and served files were asked with (none expected). */
  readonly pageAuthorizations: string[] = [];
  username = 'editor';
  password = 'abcd efgh ijkl mnop qrst uvwx';
  private nextId = 100;
  private clock = Date.parse('2026-11-25T10:00:00Z');
  private server: Server | null = null;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      void this.handle(req, res).catch((error: unknown) => {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(String(error));
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  /** Simulates a person editing the post in WordPress. */
  editPost(id: number, title: string): void {
    const post = this.posts.get(id);
    if (!post) throw new Error(`no post ${id}`);
    post.title = title;
    post.modified_gmt = this.tick();
  }

  private tick(): string {
    this.clock += 1000;
    return new Date(this.clock).toISOString().slice(0, 19);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const body = await readBody(req);
    let route: string | null = null;
    if (url.pathname.startsWith('/wp-json')) route = this.pretty ? url.pathname.slice('/wp-json'.length) || '/' : null;
    else if (url.searchParams.has('rest_route')) route = url.searchParams.get('rest_route');
    const method = req.method ?? 'GET';
    this.requests.push(`${method} ${route ?? url.pathname}`);

    const file = route === null ? this.files.get(url.pathname) : undefined;
    if (route === null && req.headers.authorization) this.pageAuthorizations.push(req.headers.authorization);
    if (file?.location) {
      res.writeHead(302, { location: file.location });
      res.end();
      return;
    }
    if (file) {
      res.writeHead(200, { 'content-type': file.type });
      res.end(typeof file.body === 'number' ? Buffer.alloc(file.body, 0x61) : file.body);
      return;
    }
    const upload = /^\/wp-content\/uploads\/(\d+)\//.exec(url.pathname);
    if (route === null && upload) {
      const item = this.media.get(Number(upload[1]));
      if (item?.blocked) {
        const login = item.blocked === 'login-page';
        res.writeHead(login ? 200 : 403, { 'content-type': login ? 'text/html' : 'text/plain' });
        res.end(login ? '<!doctype html><title>Log in</title><form></form>' : 'Forbidden');
        return;
      }
      res.writeHead(item ? 200 : 404, { 'content-type': item ? 'image/png' : 'text/plain' });
      res.end(item ? item.data : 'Not found');
      return;
    }
    if (route === null) {
      if (url.pathname.startsWith('/wp-json')) {
        res.writeHead(301, { location: `${this.url}/` });
        res.end();
        return;
      }
      const origin = this.announcedOrigin ?? this.url;
      const root = this.pretty ? `${origin}/wp-json/` : `${origin}/?rest_route=/`;
      res.writeHead(200, { 'content-type': 'text/html', link: `<${root}>; rel="https://api.w.org/"` });
      res.end(`<!doctype html><html><head><title>Fake News Site</title>${this.frontPageHead}</head><body>Home</body></html>`);
      return;
    }
    const faultIndex = this.faults.findIndex((f) => f.match(method, route));
    const fault = faultIndex >= 0 ? this.faults.splice(faultIndex, 1)[0] : undefined;
    if (fault && typeof fault.kind === 'object') return send(res, fault.kind.status, { code: fault.kind.code ?? 'fault', message: 'Injected', data: { status: fault.kind.status } });
    if (fault?.kind === 'html-page') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html><head><title>Site under maintenance</title></head><body>Back soon</body></html>');
      return;
    }
    const reply = route === '/' ? { status: 200, json: { name: 'Fake News Site', namespaces: ['oembed/1.0', 'wp/v2'] } } : this.route(method, route, url.searchParams, req, body);
    const answer = await reply;
    if (fault?.kind === 'drop-after-commit') {
      req.socket.destroy();
      return;
    }
    send(res, answer.status, answer.json);
  }

  private authorized(req: IncomingMessage): boolean {
    const header = req.headers.authorization ?? '';
    const expected = `Basic ${Buffer.from(`${this.username}:${this.password}`).toString('base64')}`;
    return header === expected;
  }

  private async route(method: string, route: string, query: URLSearchParams, req: IncomingMessage, body: Buffer): Promise<{ status: number; json: unknown }> {
    if (!this.authorized(req)) return err(401, 'incorrect_password', 'The provided password is an invalid application password.');
    const can = (cap: string) => CAPS[this.role].includes(cap);
    const json = (): Record<string, unknown> => (body.length > 0 ? (JSON.parse(body.toString('utf8')) as Record<string, unknown>) : {});
    let m: RegExpExecArray | null;

    if (method === 'GET' && route === '/wp/v2/users/me') {
      return ok({ id: 7, name: 'Eddie Editor', roles: [this.role], capabilities: Object.fromEntries(CAPS[this.role].map((c) => [c, true])) });
    }
    if (method === 'GET' && route === '/wp/v2/themes' && this.themeSupports) {
      return ok([{ stylesheet: 'fake-theme', theme_supports: this.themeSupports }]);
    }
    if (route === '/wp/v2/media' && method === 'GET') {
      const slugs = query.get('slug')?.split(',');
      return ok([...this.media.values()].filter((item) => !slugs || slugs.includes(item.slug)).map((item) => this.mediaJson(item)));
    }
    if (route === '/wp/v2/media' && method === 'POST') {
      if (!can('upload_files')) return err(403, 'rest_cannot_create', 'Sorry, you are not allowed to upload media.');
      const form = await new Response(new Uint8Array(body), { headers: { 'content-type': req.headers['content-type'] ?? '' } }).formData();
      const file = form.get('file');
      if (!(file instanceof Blob)) return err(400, 'rest_upload_no_data', 'No data supplied.');
      const wanted = String(form.get('slug') ?? '');
      const taken = [...this.media.values()].some((item) => item.slug === wanted);
      const item: FakeMedia = {
        id: this.nextId++,
        slug: taken ? `${wanted}-2` : wanted,
        fileName: file instanceof File ? file.name : 'upload',
        bytes: file.size,
        data: new Uint8Array(await file.arrayBuffer()),
        caption: String(form.get('caption') ?? ''),
        alt_text: String(form.get('alt_text') ?? ''),
        title: String(form.get('title') ?? ''),
      };
      this.media.set(item.id, item);
      return { status: 201, json: this.mediaJson(item) };
    }
    if ((m = /^\/wp\/v2\/media\/(\d+)$/.exec(route)) && method === 'GET') {
      const item = this.media.get(Number(m[1]));
      return item ? ok(this.mediaJson(item)) : err(404, 'rest_post_invalid_id', 'Invalid post ID.');
    }
    if ((m = /^\/wp\/v2\/(tags|categories)$/.exec(route))) {
      const taxonomy = m[1] as 'tags' | 'categories';
      const terms = this.terms[taxonomy];
      if (method === 'GET') {
        const search = (query.get('search') ?? '').toLowerCase();
        return ok([...terms].filter(([, name]) => name.toLowerCase().includes(search)).map(([id, name]) => ({ id, name, slug: encodeURIComponent(name.toLowerCase()) })));
      }
      if (taxonomy === 'categories' && !can('manage_categories')) return err(403, 'rest_cannot_create', 'Sorry, you are not allowed to create terms in this taxonomy.');
      const name = String(json().name ?? '');
      const existing = [...terms].find(([, n]) => n.toLowerCase() === name.toLowerCase());
      if (existing) return { status: 400, json: { code: 'term_exists', message: 'A term with the name provided already exists.', data: { status: 400, term_id: existing[0] } } };
      const id = this.nextId++;
      terms.set(id, name);
      return { status: 201, json: { id, name, slug: encodeURIComponent(name.toLowerCase()) } };
    }
    if (route === '/wp/v2/posts' && method === 'GET') {
      const slug = query.get('slug');
      return ok([...this.posts.values()].filter((p) => !slug || p.slug === slug).map((p) => this.postJson(p)));
    }
    if (route === '/wp/v2/posts' && method === 'POST') {
      const input = json();
      const status = String(input.status ?? 'draft');
      if ((status === 'publish' || status === 'future') && !can('publish_posts')) return err(403, 'rest_cannot_publish', 'Sorry, you are not allowed to publish posts as this user.');
      const post: FakePost = { id: this.nextId++, status, slug: '', title: '', content: '', excerpt: '', tags: [], categories: [], featured_media: 0, date_gmt: null, modified_gmt: this.tick(), meta: {} };
      applyPost(post, input);
      this.posts.set(post.id, post);
      return { status: 201, json: this.postJson(post) };
    }
    if ((m = /^\/wp\/v2\/posts\/(\d+)$/.exec(route))) {
      const post = this.posts.get(Number(m[1]));
      if (!post) return err(404, 'rest_post_invalid_id', 'Invalid post ID.');
      if (method === 'GET') return ok(this.postJson(post));
      if (method === 'DELETE') {
        this.posts.delete(post.id);
        return ok({ deleted: true });
      }
      const input = json();
      const status = String(input.status ?? post.status);
      if ((status === 'publish' || status === 'future') && !can('publish_posts')) return err(403, 'rest_cannot_publish', 'Sorry, you are not allowed to publish posts as this user.');
      applyPost(post, input);
      post.modified_gmt = this.tick();
      return ok(this.postJson(post));
    }
    return err(404, 'rest_no_route', 'No route was found matching the URL and request method.');
  }

  private mediaJson(item: FakeMedia): Record<string, unknown> {
    return { id: item.id, slug: item.slug, source_url: `${this.url}/wp-content/uploads/${item.id}/${item.fileName}`, caption: { raw: item.caption }, alt_text: item.alt_text };
  }

  private postJson(post: FakePost): Record<string, unknown> {
    return {
      id: post.id,
      status: post.status,
      slug: post.slug,
      link: `${this.url}/${post.slug || `?p=${post.id}`}/`,
      modified_gmt: post.modified_gmt,
      date_gmt: post.date_gmt,
      title: { raw: post.title, rendered: post.title },
      excerpt: { raw: post.excerpt, rendered: `<p>${post.excerpt}</p>` },
      content: { raw: post.content, rendered: post.content },
      tags: post.tags,
      categories: post.categories,
      featured_media: post.featured_media,
      meta: post.meta,
    };
  }
}

function applyPost(post: FakePost, input: Record<string, unknown>): void {
  if (typeof input.status === 'string') post.status = input.status;
  if (typeof input.slug === 'string') post.slug = input.slug;
  if (typeof input.title === 'string') post.title = input.title;
  if (typeof input.content === 'string') post.content = input.content;
  if (typeof input.excerpt === 'string') post.excerpt = input.excerpt;
  if (Array.isArray(input.tags)) post.tags = input.tags as number[];
  if (Array.isArray(input.categories)) post.categories = input.categories as number[];
  if (typeof input.featured_media === 'number') post.featured_media = input.featured_media;
  if (typeof input.date_gmt === 'string') post.date_gmt = input.date_gmt;
  if (typeof input.meta === 'object' && input.meta !== null) post.meta = { ...post.meta, ...(input.meta as Record<string, unknown>) };
}

function ok(json: unknown): { status: number; json: unknown } {
  return { status: 200, json };
}

function err(status: number, code: string, message: string): { status: number; json: unknown } {
  return { status, json: { code, message, data: { status } } };
}

function send(res: ServerResponse, status: number, json: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8' });
  res.end(JSON.stringify(json));
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
