// Runs in: vitest (node). Photos of a WordPress review hub come only from the site and the media
// origins the newsroom listed, never from this computer or a private network unless the site is
// there, redirects included, and a download stops at the library's limit
// instead of buffering whatever the server sends.
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../common/app-error';
import { MAX_MEDIA_BYTES } from '../../../common/contract';
import { isRetryableRemoteError } from '../publish/http/classify-http-failure';
import { downloadPhoto, isOutsideSite, PhotoOrigins, type DownloadOptions, type HostLookup } from './wordpress-photo-download';

const SITE = 'https://news.example.com/';
const WHAT = 'Photo 1 (“Harbour”, abc.png)';

interface Call {
  url: string;
  redirect: RequestRedirect | undefined;
}

/** A fetch that answers from a table of address → reply, recording what was asked. */
function fakeFetch(replies: Record<string, () => Response>) {
  const calls: Call[] = [];
  const fetchImpl = async (input: string, init: RequestInit): Promise<Response> => {
    calls.push({ url: input, redirect: init.redirect });
    const reply = replies[input];
    return reply ? reply() : new Response('nothing here', { status: 404 });
  };
  return { calls, fetchImpl };
}

/** A resolver that answers from a table; a name not in it does not exist. */
function lookupTable(table: Record<string, string[]>): HostLookup {
  return async (hostname) => {
    const found = table[hostname];
    if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return found;
  };
}

const publicDns = lookupTable({ 'news.example.com': ['93.184.216.34'], 'cdn.example.net': ['151.101.1.1'], 'img.example.net': ['151.101.1.2'] });

function options(fetchImpl: DownloadOptions['fetchImpl'], origins = new PhotoOrigins(SITE), extra: Partial<DownloadOptions> = {}): DownloadOptions {
  return { fetchImpl, timeoutMs: 5_000, targetLabel: 'The WordPress site news.example.com', origins, what: WHAT, ...extra };
}

async function failure(promise: Promise<unknown>): Promise<{ code: string; message: string; error: unknown }> {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return { code: error.code, message: error.message, error };
    throw error;
  }
  throw new Error('expected the download to fail');
}

/** A body that yields `chunks` chunks of `size` bytes, counting how many were pulled. */
function countingBody(chunks: number, size: number): { stream: ReadableStream<Uint8Array>; pulled: () => number } {
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= chunks) {
        controller.close();
        return;
      }
      pulled++;
      controller.enqueue(new Uint8Array(size).fill(7));
    },
  });
  return { stream, pulled: () => pulled };
}

describe('downloading a review photo', () => {
  it('downloads from the site itself, asking fetch not to follow redirects on its own', async () => {
    const { calls, fetchImpl } = fakeFetch({ 'https://news.example.com/wp-content/uploads/a.png': () => new Response(new Uint8Array([1, 2, 3])) });
    expect(await downloadPhoto('https://news.example.com/wp-content/uploads/a.png', options(fetchImpl))).toEqual(new Uint8Array([1, 2, 3]));
    expect(calls).toEqual([{ url: 'https://news.example.com/wp-content/uploads/a.png', redirect: 'manual' }]);
  });

  it('never requests an address off the site: a LAN or loopback address in a post is refused before any request', async () => {
    const { calls, fetchImpl } = fakeFetch({});
    for (const url of ['http://192.168.1.1/admin.png', 'http://127.0.0.1:8080/secret', 'http://localhost/x.png', 'http://news.example.com/a.png', 'https://news.example.com:8443/a.png']) {
      const refused = await failure(downloadPhoto(url, options(fetchImpl)));
      expect(isOutsideSite(refused.error)).toBe(true);
      expect(refused.message).toContain(WHAT);
      expect(refused.message).toContain('not on news.example.com');
    }
    expect(calls).toEqual([]);
  });

  it('downloads from a media origin the newsroom listed (a CDN), never from one the REST API names', async () => {
    const url = 'https://cdn.example.net/uploads/a.png';
    const { calls, fetchImpl } = fakeFetch({ [url]: () => new Response(new Uint8Array([9])) });
    // WordPress's source_url may name any host: it is not trusted for that.
    expect(isOutsideSite((await failure(downloadPhoto(url, options(fetchImpl, new PhotoOrigins(SITE, { lookup: publicDns }))))).error)).toBe(true);
    expect(calls).toEqual([]);
    const listed = new PhotoOrigins(SITE, { mediaOrigins: ['https://cdn.example.net'], lookup: publicDns });
    expect(await downloadPhoto(url, options(fetchImpl, listed))).toEqual(new Uint8Array([9]));
    // Only that origin: another port or scheme of the same host is another origin.
    for (const other of ['https://cdn.example.net:8443/uploads/a.png', 'http://cdn.example.net/uploads/a.png', 'https://img.example.net/uploads/a.png']) {
      expect(isOutsideSite((await failure(downloadPhoto(other, options(fetchImpl, listed)))).error)).toBe(true);
    }
    expect(calls.map((c) => c.url)).toEqual([url]);
  });

  it('a site on this computer: a source_url on another loopback port or another host is refused', async () => {
    const site = 'http://127.0.0.1:8080/';
    const { calls, fetchImpl } = fakeFetch({ 'http://127.0.0.1:8080/wp-content/uploads/a.png': () => new Response(new Uint8Array([1])) });
    const origins = new PhotoOrigins(site, { lookup: publicDns });
    expect(await downloadPhoto('http://127.0.0.1:8080/wp-content/uploads/a.png', options(fetchImpl, origins))).toEqual(new Uint8Array([1]));
    for (const url of ['http://127.0.0.1:2375/containers/json', 'http://localhost:8080/wp-content/uploads/a.png', 'http://127.0.0.2:8080/a.png', 'http://[::1]:8080/a.png']) {
      const refused = await failure(downloadPhoto(url, options(fetchImpl, origins)));
      expect(isOutsideSite(refused.error)).toBe(true);
      expect(refused.message).toContain('not on 127.0.0.1:8080');
    }
    expect(calls.map((c) => c.url)).toEqual(['http://127.0.0.1:8080/wp-content/uploads/a.png']);
  });

  it('a listed origin whose name leads to this computer or a private network is refused, directly or by a redirect, unless the site itself is there', async () => {
    const dns = lookupTable({ 'news.example.com': ['93.184.216.34'], 'cdn.example.net': ['10.0.0.7'], 'img.example.net': ['2606:4700::1111', 'fd00::7'] });
    const { calls, fetchImpl } = fakeFetch({
      'https://news.example.com/moved.png': () => new Response(null, { status: 302, headers: { location: 'https://cdn.example.net/a.png' } }),
      'https://cdn.example.net/a.png': () => new Response(new Uint8Array([7])),
      'https://img.example.net/a.png': () => new Response(new Uint8Array([7])),
    });
    const origins = new PhotoOrigins(SITE, { mediaOrigins: ['https://cdn.example.net', 'https://img.example.net'], lookup: dns });
    const direct = await failure(downloadPhoto('https://cdn.example.net/a.png', options(fetchImpl, origins)));
    expect(direct.message).toBe(`${WHAT} is at cdn.example.net, which leads to 10.0.0.7, an address on this computer or a private network, so Dateline did not download it (https://cdn.example.net/a.png)`);
    expect(isOutsideSite(direct.error)).toBe(true);
    expect((await failure(downloadPhoto('https://img.example.net/a.png', options(fetchImpl, origins)))).message).toContain('leads to fd00::7');
    const redirected = await failure(downloadPhoto('https://news.example.com/moved.png', options(fetchImpl, origins)));
    expect(redirected.message).toContain('which leads to 10.0.0.7');
    expect(calls.map((c) => c.url)).toEqual(['https://news.example.com/moved.png']);

    // An intranet site: its CDN on the same address is where the site itself is.
    const intranet = new PhotoOrigins('https://news.intranet.example', { mediaOrigins: ['https://cdn.example.net'], lookup: lookupTable({ 'news.intranet.example': ['10.0.0.7'], 'cdn.example.net': ['10.0.0.7'] }) });
    expect(await downloadPhoto('https://cdn.example.net/a.png', options(fetchImpl, intranet))).toEqual(new Uint8Array([7]));
  });

  it('follows a redirect within the site, but not one that leaves it', async () => {
    const { calls, fetchImpl } = fakeFetch({
      'https://news.example.com/a.png': () => new Response(null, { status: 301, headers: { location: '/wp-content/uploads/a.png' } }),
      'https://news.example.com/wp-content/uploads/a.png': () => new Response(new Uint8Array([4, 5])),
      'https://news.example.com/b.png': () => new Response(null, { status: 302, headers: { location: 'http://10.0.0.7/router-admin' } }),
    });
    expect(await downloadPhoto('https://news.example.com/a.png', options(fetchImpl))).toEqual(new Uint8Array([4, 5]));
    const refused = await failure(downloadPhoto('https://news.example.com/b.png', options(fetchImpl)));
    expect(isOutsideSite(refused.error)).toBe(true);
    expect(refused.message).toContain('10.0.0.7');
    expect(calls.map((c) => c.url)).toEqual(['https://news.example.com/a.png', 'https://news.example.com/wp-content/uploads/a.png', 'https://news.example.com/b.png']);
    expect(calls.every((c) => c.redirect === 'manual')).toBe(true);
  });

  it('gives up on a redirect loop', async () => {
    const { calls, fetchImpl } = fakeFetch({ 'https://news.example.com/loop.png': () => new Response(null, { status: 302, headers: { location: '/loop.png' } }) });
    const refused = await failure(downloadPhoto('https://news.example.com/loop.png', options(fetchImpl)));
    expect(refused.code).toBe('remote-bad-response');
    expect(refused.message).toContain('redirected');
    expect(calls.length).toBeLessThanOrEqual(6);
  });

  it('stops reading a reply without a length as soon as it passes the library limit, naming the photo', async () => {
    const body = countingBody(1_000, 1_048_576);
    const { fetchImpl } = fakeFetch({ 'https://news.example.com/huge.png': () => new Response(body.stream) });
    const refused = await failure(downloadPhoto('https://news.example.com/huge.png', options(fetchImpl)));
    expect(refused.code).toBe('media-too-large');
    expect(refused.message).toContain(WHAT);
    expect(refused.message).toContain('40 MB');
    // 41 chunks of 1 MB pass 40 MB; a few more may be buffered ahead by the stream, not 1000.
    expect(body.pulled()).toBeGreaterThanOrEqual(Math.ceil(MAX_MEDIA_BYTES / 1_048_576) + 1);
    expect(body.pulled()).toBeLessThan(50);
  });

  it('refuses a declared length above the limit without reading the body, and accepts exactly the limit', async () => {
    const big = countingBody(10, 1024);
    const { fetchImpl } = fakeFetch({
      'https://news.example.com/big.png': () => new Response(big.stream, { headers: { 'content-length': String(MAX_MEDIA_BYTES + 1) } }),
      'https://news.example.com/exact.png': () => new Response(new Uint8Array(2048)),
    });
    const refused = await failure(downloadPhoto('https://news.example.com/big.png', options(fetchImpl)));
    expect(refused.code).toBe('media-too-large');
    expect(refused.message).toContain(WHAT);
    expect(big.pulled()).toBeLessThanOrEqual(1);
    expect((await downloadPhoto('https://news.example.com/exact.png', options(fetchImpl, undefined, { maxBytes: 2048 }))).byteLength).toBe(2048);
    expect((await failure(downloadPhoto('https://news.example.com/exact.png', options(fetchImpl, undefined, { maxBytes: 2047 })))).code).toBe('media-too-large');
  });

  it('an error status is the same error publishing gives', async () => {
    const { fetchImpl } = fakeFetch({});
    expect((await failure(downloadPhoto('https://news.example.com/gone.png', options(fetchImpl)))).code).toBe('remote-not-found');
  });

  it('a web page answering 200 where the photo should be (a login or maintenance page) is a passing failure, not the photo', async () => {
    const url = `${SITE}wp-content/uploads/harbour.png`;
    const { fetchImpl } = fakeFetch({ [url]: () => new Response('<!doctype html><title>Log in</title>', { status: 200, headers: { 'content-type': 'text/html' } }) });
    const failed = await failure(downloadPhoto(url, options(fetchImpl)));
    expect(failed.code).toBe('remote-bad-response');
    expect(failed.message).toContain('web page instead of a photo');
    expect(isRetryableRemoteError(failed.error)).toBe(true);
    // Bytes that are simply not this photo still come down: the caller's hash check decides.
    const junk = fakeFetch({ [url]: () => new Response(new Uint8Array([1, 2, 3]), { status: 200, headers: { 'content-type': 'image/png' } }) });
    expect(await downloadPhoto(url, options(junk.fetchImpl))).toEqual(new Uint8Array([1, 2, 3]));
  });
});
