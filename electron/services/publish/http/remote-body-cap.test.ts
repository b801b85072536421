// Runs in: vitest (node). A server that answers with a body far larger than Dateline reads (JSON
// above 10 MB, an error page above 64 KB, a photo above 40 MB) is cut off while streaming: the call
// fails with the right code, and the server is made to send little more than the cap (what the
// sockets' buffers hold on top), not the whole body. Counted in bytes the server sent, not in time.
import type { IncomingMessage } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../../common/app-error';
import { MAX_MEDIA_BYTES } from '../../../../common/contract';
import { figure, makeArticle, paragraph, text } from '../../../../tests/fixtures/sample-article';
import { makePng } from '../../../../tests/support/test-photos';
import { WordPressHub } from '../../review/wordpress-hub';
import { testJob, testPhoto } from '../../../../tests/support/test-publish-context';
import { WebhookTarget } from '../webhook/webhook-target';
import { WordPressClient } from '../../wordpress/wordpress-client';
import { downloadPhoto, PhotoOrigins } from '../../wordpress/wordpress-photo-download';
import { startHugeBodyServer, type HugeBodyServer, type Route } from '../../../../tests/support/huge-body-server';
import { ERROR_BODY_MAX_BYTES, JSON_BODY_MAX_BYTES } from './read-capped-body';

const MB = 1_048_576;
/** Far more than any cap: a client that reads it whole makes the server send all of it. */
const HUGE = 128 * MB;
/** What the loopback sockets' kernel buffers and the HTTP client's own buffer can hold beyond the cap. */
const SOCKET_SLACK = 16 * MB;
const LABEL = 'The WordPress site 127.0.0.1';

let server: HugeBodyServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

/** A WordPress site whose REST index is normal and whose `route` answers as told. */
function wordpress(routes: Record<string, ReturnType<Route>>): Route {
  return (req: IncomingMessage) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/') return { status: 200, json: {}, headers: { link: '</wp-json/>; rel="https://api.w.org/"' } };
    if (path === '/wp-json/') return { status: 200, json: { name: 'News', namespaces: ['wp/v2'] } };
    return routes[path.replace(/^\/wp-json\//, '')] ?? null;
  };
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

async function sentAfterSettling(): Promise<number> {
  await server?.settled();
  return server?.bytesSent() ?? 0;
}

function client(url: string): WordPressClient {
  return new WordPressClient({ siteUrl: url, username: 'editor', password: 'abcd efgh', targetLabel: LABEL, timeoutMs: 60_000 });
}

describe('WordPress REST answers are read under a cap', () => {
  it('a 128 MB JSON answer stops at 10 MB: remote-too-large', async () => {
    server = await startHugeBodyServer(wordpress({ 'wp/v2/posts': { status: 200, contentType: 'application/json', bytes: HUGE, prefix: '[' } }));
    const error = await failure(client(server.url).request('GET', 'wp/v2/posts', { purpose: { action: 'list posts' } }));
    expect(error.code).toBe('remote-too-large');
    expect(error.message).toContain('at most 10 MB');
    expect(await sentAfterSettling()).toBeLessThan(JSON_BODY_MAX_BYTES + SOCKET_SLACK);
  });

  it('an answer that declares 400 MB is refused before its body is read', async () => {
    server = await startHugeBodyServer(wordpress({ 'wp/v2/posts': { status: 200, contentType: 'application/json', bytes: 400 * MB, declareLength: true } }));
    const error = await failure(client(server.url).request('GET', 'wp/v2/posts', { purpose: { action: 'list posts' } }));
    expect(error.code).toBe('remote-too-large');
    expect(error.message).toContain('400 MB');
    expect(await sentAfterSettling()).toBeLessThan(SOCKET_SLACK);
  });

  it('a 128 MB HTML error page is read only to 64 KB and classified by its status', async () => {
    server = await startHugeBodyServer(wordpress({ 'wp/v2/posts': { status: 502, contentType: 'text/html', bytes: HUGE, prefix: '<html><head><title>Bad Gateway</title></head><body>' } }));
    const error = await failure(client(server.url).request('GET', 'wp/v2/posts', { purpose: { action: 'list posts' } }));
    expect(error.code).toBe('remote-server-error');
    expect(error.message).toContain('an HTML page ("Bad Gateway")');
    expect(await sentAfterSettling()).toBeLessThan(ERROR_BODY_MAX_BYTES + SOCKET_SLACK);
  });

  it('the WordPress review hub’s queue fails the same way on a 128 MB list of posts', async () => {
    server = await startHugeBodyServer(
      wordpress({
        'wp/v2/users/me': { status: 200, json: { id: 1, roles: ['editor'] } },
        'dateline/v1/companion': { status: 200, json: { version: '2.1.0' } },
        'wp/v2/posts': { status: 200, contentType: 'application/json', bytes: HUGE, prefix: '[' },
      }),
    );
    const hub = new WordPressHub({
      targetId: 'wp',
      siteUrl: server.url,
      username: 'editor',
      password: 'abcd efgh',
      targetLabel: LABEL,
      media: { read: async () => new Uint8Array(), import: async () => Promise.reject(new Error('no import here')) },
      timeoutMs: 60_000,
    });
    const error = await failure(hub.list());
    expect(error.code).toBe('remote-too-large');
    expect(await sentAfterSettling()).toBeLessThan(JSON_BODY_MAX_BYTES + SOCKET_SLACK);
  });
});

describe('photo downloads are read under the 40 MB photo cap', () => {
  const download = (url: string) =>
    downloadPhoto(`${url}/wp-content/uploads/harbour.jpg`, { timeoutMs: 60_000, targetLabel: LABEL, origins: new PhotoOrigins(url), what: 'the photo "harbour.jpg"' });

  it('a 128 MB photo stops at 40 MB: media-too-large', async () => {
    server = await startHugeBodyServer(() => ({ status: 200, contentType: 'image/jpeg', bytes: HUGE }));
    const error = await failure(download(server.url));
    expect(error.code).toBe('media-too-large');
    expect(await sentAfterSettling()).toBeLessThan(MAX_MEDIA_BYTES + SOCKET_SLACK);
  });

  it('a 128 MB error page in place of the photo is read only to 64 KB', async () => {
    server = await startHugeBodyServer(() => ({ status: 404, contentType: 'text/html', bytes: HUGE, prefix: '<html><body>' }));
    const error = await failure(download(server.url));
    expect(error.code).toBe('remote-not-found');
    expect(await sentAfterSettling()).toBeLessThan(ERROR_BODY_MAX_BYTES + SOCKET_SLACK);
  });
});

describe('a webhook receiver’s answer is read under a cap', () => {
  const photo = testPhoto(makePng(40, 30), 'one.png');
  const article = makeArticle({
    id: '01jc0000000000000000000077',
    headline: 'Harbour reopens',
    body: { type: 'doc', content: [figure(photo.id, { alt: 'Cranes', credit: 'AP', caption: 'Cranes at dawn', lead: true }), paragraph(text('Ships move again.'))] },
  });
  const hook = (url: string) =>
    new WebhookTarget({
      config: { kind: 'webhook', id: 'hook-1', name: 'Newsroom CMS', url, mediaMode: 'inline', mediaBaseUrl: '', timeoutMs: 60_000 },
      secret: 'whsec_test_0123456789',
      maxAttempts: 1,
    });

  it('a 128 MB error answer is read only to 64 KB', async () => {
    server = await startHugeBodyServer(() => ({ status: 500, contentType: 'text/plain', bytes: HUGE, prefix: 'database down ' }));
    const error = await failure(hook(server.url).publish(testJob('job0000000z1', article, [photo]).attempt()));
    expect(error.code).toBe('remote-server-error');
    expect(error.message).toContain('database down');
    expect(await sentAfterSettling()).toBeLessThan(ERROR_BODY_MAX_BYTES + SOCKET_SLACK);
  });

  it('a 128 MB success answer still counts as delivered, read only to 64 KB', async () => {
    server = await startHugeBodyServer(() => ({ status: 200, contentType: 'application/json', bytes: HUGE, prefix: '{"url":"https://news.example.com/a/1", "pad": "' }));
    const outcome = await hook(server.url).publish(testJob('job0000000z2', article, [photo]).attempt());
    expect(outcome).toMatchObject({ targetKind: 'webhook' });
    expect(await sentAfterSettling()).toBeLessThan(ERROR_BODY_MAX_BYTES + SOCKET_SLACK);
  });
});
