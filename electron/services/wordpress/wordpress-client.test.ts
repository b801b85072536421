// Runs in: tests (node). Finding a site's REST API through a flaky network: a dropped connection or
// a 5xx while probing is "try again later", never the permanent verdict "not WordPress".
import { describe, expect, it } from 'vitest';
import { isRetryableRemoteError } from '../publish/http/classify-http-failure';
import { WordPressClient, type FetchImpl } from './wordpress-client';

const SITE = 'http://127.0.0.1:8080';
const INDEX = JSON.stringify({ name: 'Newsroom', namespaces: ['wp/v2'], routes: {} });

function client(answer: (url: string) => Response | Error): WordPressClient {
  const fetchImpl: FetchImpl = async (url) => {
    const result = answer(url);
    if (result instanceof Error) throw result;
    return result;
  };
  return new WordPressClient({ siteUrl: SITE, username: 'editor', password: 'abcd efgh', targetLabel: 'The WordPress site 127.0.0.1', fetchImpl, timeoutMs: 2_000 });
}

const reset = () => Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }) });

describe('WordPress REST discovery', () => {
  it('a 502 on one probe and a reset on the other is retryable, not "no WordPress site"', async () => {
    const c = client((url) => (url === SITE ? new Response('<html></html>', { status: 200 }) : url.includes('wp-json') ? new Response('Bad Gateway', { status: 502 }) : reset()));
    const error = await c.discover().then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: expect.stringMatching(/^remote-(server-error|unreachable)$/) });
    expect(isRetryableRemoteError(error)).toBe(true);
  });

  it('every probe answering cleanly without a REST index is "no WordPress site"', async () => {
    const c = client((url) => (url === SITE ? new Response('<html></html>', { status: 200 }) : new Response('Not Found', { status: 404 })));
    await expect(c.discover()).rejects.toMatchObject({ code: 'remote-not-wordpress' });
  });

  it('a failed probe does not stop a later one from finding the API', async () => {
    const c = client((url) => (url === SITE ? new Response('<html></html>', { status: 200 }) : url.includes('wp-json') ? reset() : new Response(INDEX, { status: 200 })));
    await expect(c.discover()).resolves.toMatchObject({ root: `${SITE}/?rest_route=/`, name: 'Newsroom' });
  });
});
