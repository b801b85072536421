// Runs in: tests (node). The HTTP client speaks common/http-protocol: POST /api/<op>, CSRF header, wire codec.
import { describe, expect, it } from 'vitest';
import { newArticle } from '../../common/article';
import { CSRF_HEADER } from '../../common/http-protocol';
import { prepareJson } from '../../common/prepared-json';
import { decodeWire, encodeWire } from '../../common/wire-codec';
import { ApiError } from './api-error';
import { createHttpApi, SESSION_EXPIRED_MESSAGE } from './http-api';

interface Seen {
  url: string;
  init: RequestInit;
}

function fakeFetch(respond: (seen: Seen) => Response | Promise<Response>): { fetch: (url: string, init: RequestInit) => Promise<Response>; seen: Seen[] } {
  const seen: Seen[] = [];
  return {
    seen,
    fetch: async (url, init) => {
      const entry = { url, init };
      seen.push(entry);
      return respond(entry);
    },
  };
}

describe('HTTP API client', () => {
  it('photo import posts bytes through the wire codec with the CSRF header and same-origin cookies', async () => {
    const fake = fakeFetch(() => new Response(encodeWire({ ok: true, value: { id: 'x', bytes: 3 } }), { status: 200 }));
    const api = createHttpApi('http://127.0.0.1:4321/', fake.fetch);
    const result = await api.call('media.import', { fileName: 'a.jpg', data: new Uint8Array([1, 2, 3]) });
    expect(result).toEqual({ id: 'x', bytes: 3 });
    const [request] = fake.seen;
    expect(request?.url).toBe('http://127.0.0.1:4321/api/media.import');
    expect(request?.init.method).toBe('POST');
    expect(request?.init.credentials).toBe('same-origin');
    expect((request?.init.headers as Record<string, string>)[CSRF_HEADER]).toBe('1');
    const body = decodeWire(String(request?.init.body)) as { data: Uint8Array };
    expect(body.data).toEqual(new Uint8Array([1, 2, 3]));
  });

  it('a long body (an autosave of a long story) reaches fetch as bytes made in slices, not as one string', async () => {
    const fake = fakeFetch(() => new Response(encodeWire({ ok: true, value: { revision: 2, updatedAt: 'now' } }), { status: 200 }));
    const api = createHttpApi('http://127.0.0.1:4321/', fake.fetch);
    const paragraph = { type: 'paragraph', content: [{ type: 'text', text: 'The council met on Tuesday to vote on the bridge. '.repeat(4) }] };
    const input = { article: { ...newArticle('art0000000001', '2026-12-07T05:00:00.000Z'), body: { type: 'doc', content: Array.from({ length: 3000 }, () => paragraph) } }, explicit: false };
    await api.call('articles.save', input);
    const body = fake.seen[0]?.init.body;
    expect(typeof body).not.toBe('string');
    expect(body).toBeInstanceOf(Blob);
    expect(decodeWire(await (body as Blob).text())).toEqual(input);
  });

  it('a conflict envelope rejects with ApiError conflict', async () => {
    const fake = fakeFetch(() => new Response(encodeWire({ ok: false, error: { code: 'conflict', message: 'revision 3 is not 4' } })));
    await expect(createHttpApi('http://h', fake.fetch).call('articles.get', { id: 'abc1234567' })).rejects.toMatchObject({
      code: 'conflict',
      message: 'revision 3 is not 4',
    });
  });

  it('an expired session (401/403) says how to get back in', async () => {
    for (const status of [401, 403]) {
      const fake = fakeFetch(() => new Response('no', { status }));
      const error = await createHttpApi('http://h', fake.fetch)
        .call('app.info', {})
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ApiError);
      expect(error).toMatchObject({ code: 'unauthorized', message: SESSION_EXPIRED_MESSAGE });
    }
  });

  it('a server that is gone is a clear io-error, not a TypeError', async () => {
    const fake = fakeFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    const error = await createHttpApi('http://h', fake.fetch)
      .call('app.info', {})
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'io-error' });
    expect((error as Error).message).toMatch(/npm run serve/);
  });

  it('a garbled reply is reported as internal with the HTTP status', async () => {
    const fake = fakeFetch(() => new Response('<html>proxy error</html>', { status: 502 }));
    await expect(createHttpApi('http://h', fake.fetch).call('app.info', {})).rejects.toMatchObject({ code: 'internal', message: expect.stringContaining('502') });
  });

  it('photos load from /media/', () => {
    expect(createHttpApi('http://h', fakeFetch(() => new Response('')).fetch).mediaUrl('abc.jpg')).toBe('/media/abc.jpg');
    expect(createHttpApi('http://h', fakeFetch(() => new Response('')).fetch).thumbnailUrl('abc.jpg')).toBe('/thumbnails/abc.jpg');
  });

  it('an autosave with its body kept encoded posts those bytes as they are, in valid JSON', async () => {
    const fake = fakeFetch(() => new Response(encodeWire({ ok: true, value: { revision: 1, updatedAt: '2026-12-07T09:00:00.000Z' } }), { status: 200 }));
    const api = createHttpApi('http://127.0.0.1:4321', fake.fetch);
    const body = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '新华社北京电 "quoted" 😀' }] }] };
    const prepared = prepareJson(body);
    await api.call('articles.save', { article: { ...newArticle('art0000000001', '2026-12-07T09:00:00.000Z'), body: prepared.asValue() }, explicit: false });
    const sent = fake.seen[0]?.init.body as Uint8Array;
    expect(sent).toBeInstanceOf(Uint8Array);
    const text = new TextDecoder().decode(sent);
    expect(text).toContain(new TextDecoder().decode(prepared.bytes));
    expect(decodeWire(text)).toMatchObject({ article: { id: 'art0000000001', body }, explicit: false });
  });
});
