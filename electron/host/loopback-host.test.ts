// Runs in: vitest (Node). A browser tab talks to the loopback host; strangers and other sites are turned away.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { operations, type Envelope, type OperationHandlers } from '../../common/contract';
import { CSRF_HEADER, sessionCookieName } from '../../common/http-protocol';
import { decodeWire, encodeWire } from '../../common/wire-codec';
import { dispatchOperation } from '../transport/dispatch-operation';
import { remoteServices } from '../services-process/remote-services';
import type { ReviewHubSetting } from '../../common/workflow/review-contract';
import { startLoopbackHost, type LoopbackHost } from './loopback-host';

const TOKEN = 'test-token-0123456789abcdef';
const PHOTO_ID = `${'ab'.repeat(32)}.jpg`;
const PHOTO_BYTES = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 0xff, 0xd9]);
const ICON_BYTES = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 7, 7]);

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

let root: string;
let host: LoopbackHost;
let imported: { fileName: string; data: Uint8Array } | null = null;
/** What settings.get answers: the review hub decides which newsroom server the page's policy names. */
let reviewHub: ReviewHubSetting = { kind: 'folder', path: '' };

function rawRequest(path: string, options: { method?: string; headers?: Record<string, string>; body?: string | Buffer; to?: LoopbackHost } = {}): Promise<RawResponse> {
  const port = (options.to ?? host).port;
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: { Host: `127.0.0.1:${port}`, ...options.headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** The first `name=value` pair of a Set-Cookie header, the way a browser stores it. */
function cookiePair(response: RawResponse): { name: string; value: string } {
  const header = response.headers['set-cookie'];
  const first = (Array.isArray(header) ? header[0] : header) ?? '';
  const pair = first.split(';')[0] ?? '';
  const at = pair.indexOf('=');
  return { name: pair.slice(0, at), value: pair.slice(at + 1) };
}

/** Opens the launch link and returns the session cookie it sets, as a Cookie header. */
async function signIn(to: LoopbackHost, token: string): Promise<string> {
  const launch = await rawRequest(`/?token=${token}`, { to });
  expect(launch.status).toBe(303);
  const { name, value } = cookiePair(launch);
  return `${name}=${value}`;
}

let cookie: string;
const THUMBNAIL_ID = `${PHOTO_ID.slice(0, 64)}.thumb.webp`;
const THUMBNAIL_BYTES = Buffer.from('RIFF\x10\x00\x00\x00WEBPVP8 thumbnail', 'latin1');
const thumbnailAsks: string[] = [];

function apiCall(operation: string, input: unknown, headers: Record<string, string> = {}): Promise<RawResponse> {
  return rawRequest(`/api/${operation}`, {
    method: 'POST',
    headers: { Cookie: cookie, 'Content-Type': 'application/json', [CSRF_HEADER]: '1', Origin: `http://127.0.0.1:${host.port}`, ...headers },
    body: encodeWire(input),
  });
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'dateline-host-'));
  const staticDir = join(root, 'renderer');
  await mkdir(join(staticDir, 'assets'), { recursive: true });
  await writeFile(join(staticDir, 'index.html'), '<!doctype html><title>Dateline</title>');
  await writeFile(join(staticDir, 'assets', 'app.js'), 'console.log("app")');
  await writeFile(join(root, 'secret.txt'), 'top secret');
  await writeFile(join(root, PHOTO_ID), PHOTO_BYTES);
  await writeFile(join(root, THUMBNAIL_ID), THUMBNAIL_BYTES);
  await writeFile(join(root, 'icon.png'), ICON_BYTES);
  const handlers = {
    'settings.get': async () => ({ reviewHub }),
    'media.import': async (input: { fileName: string; data: Uint8Array }) => {
      imported = input;
      return { id: PHOTO_ID, mimeType: 'image/jpeg', bytes: input.data.length, width: null, height: null, caption: '', credit: '', copyright: '', originalName: input.fileName };
    },
  } as unknown as OperationHandlers;
  host = await startLoopbackHost({
    services: {
      invoke: (name, input) => dispatchOperation(handlers, name, input, () => undefined),
      mediaFilePath: (id) => (id === PHOTO_ID ? join(root, PHOTO_ID) : null),
      thumbnailFilePath: async (id) => {
        thumbnailAsks.push(id);
        return id === PHOTO_ID ? join(root, THUMBNAIL_ID) : null;
      },
    },
    staticDir,
    iconPath: join(root, 'icon.png'),
    token: TOKEN,
    maxRequestBytes: 4096,
    logError: () => undefined,
  });
  cookie = await signIn(host, TOKEN);
});

afterAll(async () => {
  await host.close();
  await rm(root, { recursive: true, force: true });
});

describe('loopback host', () => {
  it('listens on 127.0.0.1 only and hands out a tokenized launch URL', () => {
    const address = host.server.address() as AddressInfo;
    expect(address.address).toBe('127.0.0.1');
    expect(host.url).toBe(`http://127.0.0.1:${address.port}/?token=${TOKEN}`);
  });

  it('swaps the launch token for an HttpOnly SameSite=Strict cookie, then serves the app with a strict CSP', async () => {
    const launch = await rawRequest(`/?token=${TOKEN}`);
    expect(launch.status).toBe(303);
    expect(launch.headers.location).toBe('/');
    const setCookie = String(launch.headers['set-cookie']);
    expect(setCookie).toContain(`${sessionCookieName(host.port)}=`);
    expect(setCookie).toContain('Path=/');
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');

    const page = await rawRequest('/', { headers: { Cookie: cookie } });
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    // No newsroom server in Settings: nothing leaves.
    expect(page.headers['content-security-policy']).toContain("connect-src 'self';");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.body.toString()).toContain('<title>Dateline</title>');

    const script = await rawRequest('/assets/app.js', { headers: { Cookie: cookie } });
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
  });

  it("names in each page's policy the newsroom server Settings name when the page is served, and no other", async () => {
    const connectSrc = async (): Promise<string | undefined> => {
      const page = await rawRequest('/', { headers: { Cookie: cookie } });
      expect(page.status).toBe(200);
      return /(?:^|; )connect-src ([^;]*)/.exec(String(page.headers['content-security-policy']))?.[1];
    };
    try {
      reviewHub = { kind: 'newsroom', serverUrl: 'http://127.0.0.1:4455' };
      expect(await connectSrc()).toBe("'self' ws://127.0.0.1:4455");
      reviewHub = { kind: 'newsroom', serverUrl: 'https://newsroom.example.org:8443' };
      expect(await connectSrc()).toBe("'self' wss://newsroom.example.org:8443");
      reviewHub = { kind: 'newsroom', serverUrl: "https://evil.example;script-src 'unsafe-inline'" };
      expect(await connectSrc()).toBe("'self'");
      // Scripts are not pages: they carry no policy, and serving them does not ask for settings.
      const script = await rawRequest('/assets/app.js', { headers: { Cookie: cookie } });
      expect(script.headers['content-security-policy']).toBeUndefined();
    } finally {
      reviewHub = { kind: 'folder', path: '' };
    }
    expect(await connectSrc()).toBe("'self'");
  });

  it('answers /favicon.ico with the app icon, also before the browser has signed in', async () => {
    for (const headers of [{}, { Cookie: cookie }] as Record<string, string>[]) {
      const icon = await rawRequest('/favicon.ico', { headers });
      expect(icon.status).toBe(200);
      expect(icon.headers['content-type']).toBe('image/png');
      expect(icon.body.equals(ICON_BYTES)).toBe(true);
    }
  });

  it('refuses a wrong launch token', async () => {
    const launch = await rawRequest('/?token=wrong-token-0123456789');
    expect(launch.status).toBe(401);
    expect(launch.headers['set-cookie']).toBeUndefined();
  });

  it('answers 401 with instructions to a browser that has no session cookie', async () => {
    const page = await rawRequest('/');
    expect(page.status).toBe(401);
    expect(page.body.toString()).toContain('npm run serve');
    const api = await apiCall('app.info', {}, { Cookie: `${sessionCookieName(host.port)}=nope` });
    expect(api.status).toBe(401);
    expect(decodeWire(api.body.toString())).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });

  it('refuses requests addressed to another host name (DNS rebinding)', async () => {
    const page = await rawRequest('/', { headers: { Host: `evil.example:${host.port}`, Cookie: cookie } });
    expect(page.status).toBe(403);
    const api = await apiCall('app.info', {}, { Host: 'evil.example' });
    expect(api.status).toBe(403);
  });

  it('accepts localhost as a name for itself', async () => {
    const page = await rawRequest('/', { headers: { Host: `localhost:${host.port}`, Cookie: cookie } });
    expect(page.status).toBe(200);
  });

  it('refuses API calls from a foreign Origin or without the CSRF header', async () => {
    const foreign = await apiCall('library.problems', {}, { Origin: 'http://evil.example' });
    expect(foreign.status).toBe(403);
    expect(decodeWire(foreign.body.toString())).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    const crossSite = await apiCall('library.problems', {}, { 'Sec-Fetch-Site': 'cross-site' });
    expect(crossSite.status).toBe(403);
    const noCsrf = await rawRequest('/api/library.problems', { method: 'POST', headers: { Cookie: cookie }, body: '{}' });
    expect(noCsrf.status).toBe(403);
  });

  it('answers invalid input and unknown operations with an invalid-input envelope', async () => {
    const invalid = await apiCall('articles.get', { id: '../../etc' });
    expect(invalid.status).toBe(200);
    expect(decodeWire(invalid.body.toString())).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const unknown = await apiCall('fs.unlink', {});
    expect(decodeWire(unknown.body.toString())).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const notJson = await rawRequest('/api/app.info', { method: 'POST', headers: { Cookie: cookie, [CSRF_HEADER]: '1' }, body: '{not json' });
    expect(notJson.status).toBe(400);
    expect(decodeWire(notJson.body.toString())).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('round-trips photo bytes through the wire codec', async () => {
    const data = new Uint8Array([0, 1, 2, 250, 255]);
    const response = await apiCall('media.import', { fileName: 'harbour.jpg', data });
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(decodeWire(response.body.toString())).toMatchObject({ ok: true, value: { id: PHOTO_ID, bytes: 5, originalName: 'harbour.jpg' } });
    expect(imported?.data).toBeInstanceOf(Uint8Array);
    expect(Array.from(imported?.data ?? [])).toEqual([0, 1, 2, 250, 255]);
  });

  it('refuses a request body over the size limit with 413', async () => {
    const response = await apiCall('media.import', { fileName: 'big.jpg', data: new Uint8Array(8000) });
    expect(response.status).toBe(413);
  });

  it('serves a library photo as an image that cannot be sniffed into a document', async () => {
    const photo = await rawRequest(`/media/${PHOTO_ID}`, { headers: { Cookie: cookie } });
    expect(photo.status).toBe(200);
    expect(photo.headers['content-type']).toBe('image/jpeg');
    expect(photo.headers['x-content-type-options']).toBe('nosniff');
    expect(photo.headers['content-security-policy']).toBe("default-src 'none'");
    expect(photo.headers['cache-control']).toContain('immutable');
    expect(photo.body.equals(PHOTO_BYTES)).toBe(true);
    expect((await rawRequest(`/media/${'cd'.repeat(32)}.jpg`, { headers: { Cookie: cookie } })).status).toBe(404);
    expect((await rawRequest(`/media/${PHOTO_ID}`)).status).toBe(401);
  });

  it('serves a photo\'s thumbnail, made by the services on first ask, to the session holder only', async () => {
    thumbnailAsks.length = 0;
    const thumbnail = await rawRequest(`/thumbnails/${PHOTO_ID}`, { headers: { Cookie: cookie } });
    expect(thumbnail.status).toBe(200);
    expect(thumbnail.headers['content-type']).toBe('image/webp');
    expect(thumbnail.headers['x-content-type-options']).toBe('nosniff');
    expect(thumbnail.body.equals(THUMBNAIL_BYTES)).toBe(true);
    expect((await rawRequest(`/thumbnails/${'cd'.repeat(32)}.jpg`, { headers: { Cookie: cookie } })).status).toBe(404);
    expect((await rawRequest(`/thumbnails/%E0%A4%A`, { headers: { Cookie: cookie } })).status).toBe(404);
    expect((await rawRequest(`/thumbnails/${PHOTO_ID}`)).status).toBe(401);
    expect(thumbnailAsks).toEqual([PHOTO_ID, `${'cd'.repeat(32)}.jpg`]);
  });

  it.each(['/..%2f..%2fetc/passwd', '/%2e%2e/secret.txt', '/assets/%2e%2e/%2e%2e/secret.txt', '/..%5csecret.txt', '/%00index.html'])(
    'refuses the path traversal %s',
    async (path) => {
      const response = await rawRequest(path, { headers: { Cookie: cookie } });
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.body.toString()).not.toContain('top secret');
      expect(response.body.toString()).not.toContain('root:');
    },
  );

  it('refuses CORS preflights and other methods', async () => {
    expect((await rawRequest('/api/app.info', { method: 'OPTIONS', headers: { Cookie: cookie, Origin: 'http://evil.example' } })).status).toBe(405);
    expect((await rawRequest('/', { method: 'DELETE', headers: { Cookie: cookie } })).status).toBe(405);
    expect((await rawRequest('/api/app.info', { headers: { Cookie: cookie } })).status).toBe(405);
  });
});

describe('the session cookie of two Datelines on one machine', () => {
  const OTHER_TOKEN = 'other-token-0123456789abcdef';
  let other: LoopbackHost;

  beforeAll(async () => {
    other = await startLoopbackHost({ services: { invoke: (name, input) => dispatchOperation({} as OperationHandlers, name, input), mediaFilePath: () => null, thumbnailFilePath: async () => null }, staticDir: join(root, 'renderer'), token: OTHER_TOKEN, logError: () => undefined });
  });

  afterAll(async () => {
    await other.close();
  });

  it('is named after the port and holds a session id, never the launch token', async () => {
    const launch = await rawRequest(`/?token=${TOKEN}`);
    expect(launch.headers.location).toBe('/');
    const { name, value } = cookiePair(launch);
    expect(name).toBe(`dateline_session_${host.port}`);
    expect(value).not.toContain(TOKEN);
    expect(value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(cookiePair(await rawRequest(`/?token=${TOKEN}`)).value).not.toBe(value);
  });

  it('refuses the launch token sent as the cookie, under the old name or the new', async () => {
    expect((await rawRequest('/', { headers: { Cookie: `dateline_session=${TOKEN}` } })).status).toBe(401);
    expect((await rawRequest('/', { headers: { Cookie: `${sessionCookieName(host.port)}=${TOKEN}` } })).status).toBe(401);
  });

  it('keeps a browser signed in to both after it opened both launch links', async () => {
    // A browser keeps cookies per host name and path, never per port: both hosts see one jar.
    const jar = new Map<string, string>();
    const keep = (response: RawResponse): void => {
      const { name, value } = cookiePair(response);
      jar.set(name, value);
    };
    const jarHeader = (): string => [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
    keep(await rawRequest(`/?token=${TOKEN}`, { to: host }));
    keep(await rawRequest(`/?token=${OTHER_TOKEN}`, { to: other }));
    expect((await rawRequest('/', { to: host, headers: { Cookie: jarHeader() } })).status).toBe(200);
    expect((await rawRequest('/', { to: other, headers: { Cookie: jarHeader() } })).status).toBe(200);
  });

  it("refuses a request carrying only the other instance's cookie, under either name", async () => {
    const otherCookie = cookiePair(await rawRequest(`/?token=${OTHER_TOKEN}`, { to: other }));
    expect((await rawRequest('/', { headers: { Cookie: `${otherCookie.name}=${otherCookie.value}` } })).status).toBe(401);
    expect((await rawRequest('/', { headers: { Cookie: `${sessionCookieName(host.port)}=${otherCookie.value}` } })).status).toBe(401);
    const api = await apiCall('app.info', {}, { Cookie: `${sessionCookieName(host.port)}=${otherCookie.value}` });
    expect(api.status).toBe(401);
  });
});

describe('a host in front of the services process', () => {
  const REMOTE_TOKEN = 'remote-token-0123456789abcdef';
  let remote: LoopbackHost;
  const forwarded: [string, unknown][] = [];

  beforeAll(async () => {
    const watchdog = {
      call: async (op: string, input: unknown): Promise<Envelope<unknown>> => {
        forwarded.push([op, input]);
        return { ok: true, value: { hub: { kind: 'folder', location: '/hub' }, entries: [], problems: [] } };
      },
    };
    remote = await startLoopbackHost({ services: remoteServices(watchdog, root), staticDir: join(root, 'renderer'), token: REMOTE_TOKEN, logError: () => undefined });
  });

  afterAll(async () => {
    await remote.close();
  });

  async function remoteCall(operation: string, input: unknown): Promise<RawResponse> {
    const remoteCookie = await signIn(remote, REMOTE_TOKEN);
    const headers = { Cookie: remoteCookie, 'Content-Type': 'application/json', [CSRF_HEADER]: '1', Origin: `http://127.0.0.1:${remote.port}` };
    return rawRequest(`/api/${operation}`, { to: remote, method: 'POST', headers, body: encodeWire(input) });
  }

  it('forwards the input as it came and parses it nowhere here: the services process validates it, once', async () => {
    const parse = vi.spyOn(operations['review.queue'], 'safeParse');
    const response = await remoteCall('review.queue', {});
    parse.mockRestore();
    expect(response.status).toBe(200);
    // Parsed here, the input would have gained the default scope before it was sent on.
    expect(forwarded).toEqual([['review.queue', {}]]);
    expect(parse).not.toHaveBeenCalled();
  });

  it('answers an unknown operation itself, without troubling the services process', async () => {
    const response = await remoteCall('fs.readFile', {});
    expect(decodeWire(response.body.toString('utf8'))).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(forwarded.map(([op]) => op)).not.toContain('fs.readFile');
  });
});
