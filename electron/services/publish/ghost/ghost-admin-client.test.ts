// Runs in: vitest (node). Every way a Ghost answer can go wrong reaches the person as its own error,
// through the same failure table as WordPress: a wrong key, a server error (retried), an answer that
// never comes, one too large to read, a web page where JSON should be, and a site that is not Ghost.
import { describe, expect, it } from 'vitest';
import { isRetryableRemoteError } from '../http/classify-http-failure';
import { JSON_BODY_MAX_BYTES } from '../http/read-capped-body';
import { GhostAdminClient, type FetchImpl } from './ghost-admin-client';

const KEY = `${'6b'.repeat(12)}:${'c6'.repeat(32)}`;
const SITE = 'https://ghost.example.com';

function client(fetchImpl: FetchImpl, adminKey: string | null = KEY, timeoutMs = 5_000): GhostAdminClient {
  return new GhostAdminClient({ siteUrl: SITE, adminKey, targetLabel: 'The Ghost site ghost.example.com', fetchImpl, timeoutMs });
}

const read = (c: GhostAdminClient) => c.request('GET', 'posts/', { action: 'read its posts' });

describe('the Ghost Admin API client', () => {
  it('signs each request with a Ghost token and asks for the Admin API version it speaks', async () => {
    let seen: Headers | null = null;
    await read(
      client(async (_url, init) => {
        seen = new Headers(init.headers);
        return Response.json({ posts: [] });
      }),
    );
    expect((seen as Headers | null)?.get('authorization')).toMatch(/^Ghost [\w-]+\.[\w-]+\.[\w-]+$/);
    expect((seen as Headers | null)?.get('accept-version')).toBe('v6.0');
  });

  it('a missing or malformed key fails before anything is sent', async () => {
    let sent = 0;
    const counting: FetchImpl = async () => {
      sent += 1;
      return Response.json({});
    };
    await expect(read(client(counting, null))).rejects.toMatchObject({ code: 'remote-auth', message: expect.stringContaining('No Admin API key is saved') });
    await expect(read(client(counting, 'c6'.repeat(32)))).rejects.toMatchObject({ code: 'remote-auth', message: expect.stringContaining('not shaped like one') });
    expect(sent).toBe(0);
  });

  it('a 5xx is retried later; a 4xx is not', async () => {
    const status = (code: number): FetchImpl => async () => Response.json({ errors: [{ type: 'InternalServerError', message: 'Boom', context: null }] }, { status: code });
    const fiveHundred = await read(client(status(503))).catch((error: unknown) => error);
    expect(fiveHundred).toMatchObject({ code: 'remote-server-error' });
    expect(isRetryableRemoteError(fiveHundred)).toBe(true);
    const fourHundred = await read(client(status(418))).catch((error: unknown) => error);
    expect(fourHundred).toMatchObject({ code: 'remote-bad-response' });
    expect(isRetryableRemoteError(fourHundred)).toBe(false);
  });

  it('an answer that never comes is a timeout, retried after looking', async () => {
    const never: FetchImpl = (_url, init) =>
      new Promise((_resolve, reject) => {
        init.signal?.addEventListener('abort', () => reject(init.signal?.reason));
      });
    const error = await read(client(never, KEY, 50)).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'remote-timeout', details: { mayHaveArrived: true } });
    expect(isRetryableRemoteError(error)).toBe(true);
  });

  it('an answer larger than Dateline reads is refused without reading it all', async () => {
    const huge: FetchImpl = async () => new Response('{}', { headers: { 'content-length': String(JSON_BODY_MAX_BYTES + 1) } });
    await expect(read(client(huge))).rejects.toMatchObject({ code: 'remote-too-large' });
  });

  it('a web page where JSON should be is named as a page, never quoted raw', async () => {
    const page: FetchImpl = async () => new Response('<!DOCTYPE html><html><head><title>Sign in</title></head><body><script>x()</script></body></html>', { headers: { 'content-type': 'text/html' } });
    const error: unknown = await read(client(page)).catch((e: unknown) => e);
    if (!(error instanceof Error)) throw new Error('expected the read to fail');
    expect(error).toMatchObject({ code: 'remote-bad-response' });
    expect(error.message).toContain('an HTML page ("Sign in")');
    expect(error.message).not.toContain('<script>');
  });

  it('a site that does not answer Ghost’s site endpoint is not Ghost; a Ghost site says its name and version', async () => {
    const notGhost: FetchImpl = async () => new Response('<html><title>Welcome to nginx</title></html>', { status: 404, headers: { 'content-type': 'text/html' } });
    await expect(client(notGhost).siteInfo()).rejects.toMatchObject({ code: 'remote-not-ghost' });
    const otherJson: FetchImpl = async () => Response.json({ name: 'WordPress', namespaces: ['wp/v2'] });
    await expect(client(otherJson).siteInfo()).rejects.toMatchObject({ code: 'remote-not-ghost' });
    const ghost: FetchImpl = async (url) => (url === `${SITE}/ghost/api/admin/site/` ? Response.json({ site: { title: '成都日报', version: '6.65', url: `${SITE}/` } }) : new Response('', { status: 404 }));
    await expect(client(ghost).siteInfo()).resolves.toEqual({ title: '成都日报', version: '6.65', url: `${SITE}/` });
  });

  it('a redirect is not followed with the signed request', async () => {
    let asked = 0;
    const redirect: FetchImpl = async (_url, init) => {
      asked += 1;
      expect(init.redirect).toBe('manual');
      return new Response(null, { status: 301, headers: { location: 'https://elsewhere.example.com/ghost/api/admin/posts/' } });
    };
    await expect(read(client(redirect))).rejects.toMatchObject({ code: 'remote-bad-response' });
    expect(asked).toBe(1);
  });
});
