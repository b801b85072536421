// Runs in: vitest (node). Every way a backend can fail gets its own code and a message that says
// what to do, checked against real sockets (refused, reset, hung, self-signed TLS) where possible.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../../common/app-error';
import { wordpressErrorDetails, wordpressHttpError } from '../../wordpress/wordpress-error';
import { ghostHttpError } from '../ghost/ghost-error';
import { classifyHttpStatus, classifyNetworkError, isRetryableRemoteError, type HttpFailureDetails } from './classify-http-failure';

const URL_ = 'https://news.example.com/wp-json/wp/v2/posts';
const LABEL = 'The WordPress site news.example.com';
const ctx = { url: URL_, targetLabel: LABEL };

function detailsOf(error: AppError): HttpFailureDetails {
  return error.details as HttpFailureDetails;
}

describe('classifyHttpStatus: each answer its own message', () => {
  it('a wrong application password (401) is remote-auth and points at Settings', () => {
    const error = classifyHttpStatus(401, { ...ctx, bodySnippet: '{"code":"incorrect_password"}' });
    expect(error.code).toBe('remote-auth');
    expect(error.message).toContain('HTTP 401');
    expect(error.message).toContain('Settings');
    expect(error.message).toContain('incorrect_password');
    expect(detailsOf(error)).toMatchObject({ status: 401, url: URL_, retryable: false });
  });

  it('a role that may not publish (403) is remote-forbidden', () => {
    const error = classifyHttpStatus(403, ctx);
    expect(error.code).toBe('remote-forbidden');
    expect(error.message).toContain('may not be allowed');
  });

  it('a missing endpoint (404) names the address', () => {
    const error = classifyHttpStatus(404, ctx);
    expect(error.code).toBe('remote-not-found');
    expect(error.message).toContain(URL_);
  });

  it('a photo too large (413) says to use a smaller photo', () => {
    const error = classifyHttpStatus(413, ctx);
    expect(error.code).toBe('remote-too-large');
    expect(error.message).toMatch(/smaller photo/);
  });

  it('server trouble (5xx, 429, 408) is retried later', () => {
    for (const [status, code] of [
      [500, 'remote-server-error'],
      [502, 'remote-server-error'],
      [503, 'remote-server-error'],
      [429, 'remote-server-error'],
      [408, 'remote-timeout'],
    ] as const) {
      const error = classifyHttpStatus(status, ctx);
      expect(error.code).toBe(code);
      expect(isRetryableRemoteError(error)).toBe(true);
    }
  });

  it('any other status is a bad response with the status in the message, not retried', () => {
    const error = classifyHttpStatus(418, ctx);
    expect(error.code).toBe('remote-bad-response');
    expect(error.message).toContain('HTTP 418');
    expect(isRetryableRemoteError(error)).toBe(false);
  });

  it('a long HTML error page is collapsed and capped in the message', () => {
    const page = `<html>\n\n<body>${'x'.repeat(5000)}</body></html>`;
    const error = classifyHttpStatus(500, { ...ctx, bodySnippet: page });
    expect(detailsOf(error).bodySnippet?.length).toBeLessThanOrEqual(301);
    expect(error.message).not.toContain('\n');
  });
});

describe('an adapter\'s own answer codes ride along under the row\'s kind', () => {
  it('WordPress and Ghost answers no row of theirs names are typed details of the shared row, with the backend\'s code kept', () => {
    const wp = wordpressHttpError(418, JSON.stringify({ code: 'teapot', message: 'short and stout' }), { action: 'create the post' }, { ...ctx, username: 'ana', role: null });
    expect(wp.failure.details).toMatchObject({ kind: 'http-4xx', host: 'news.example.com', status: 418, retryable: false });
    expect(wordpressErrorDetails(wp)).toMatchObject({ status: 418, wpCode: 'teapot' });
    const ghost = ghostHttpError(418, JSON.stringify({ errors: [{ type: 'TeapotError', message: 'short' }] }), { ...ctx, action: 'create the post' });
    expect(ghost.failure.details).toMatchObject({ kind: 'http-4xx', host: 'news.example.com', status: 418 });
    expect(ghost.details).toMatchObject({ ghostType: 'TeapotError' });
  });
});

describe('classifyNetworkError: synthetic undici errors', () => {
  const fetchFailed = (cause: unknown) => Object.assign(new TypeError('fetch failed'), { cause });
  const withCode = (code: string) => Object.assign(new Error(code), { code });

  it('maps TLS codes to remote-tls with the reason', () => {
    expect(classifyNetworkError(fetchFailed(withCode('CERT_HAS_EXPIRED')), ctx).message).toContain('expired');
    expect(classifyNetworkError(fetchFailed(withCode('ERR_TLS_CERT_ALTNAME_INVALID')), ctx).message).toContain('different address');
    expect(classifyNetworkError(fetchFailed(withCode('SELF_SIGNED_CERT_IN_CHAIN')), ctx).code).toBe('remote-tls');
    expect(classifyNetworkError(fetchFailed(withCode('UNABLE_TO_VERIFY_LEAF_SIGNATURE')), ctx).code).toBe('remote-tls');
  });

  it('maps DNS and refused to remote-unreachable, known not to have arrived', () => {
    for (const code of ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']) {
      const error = classifyNetworkError(fetchFailed(withCode(code)), ctx);
      expect(error.code).toBe('remote-unreachable');
      expect(detailsOf(error)).toMatchObject({ errno: code, mayHaveArrived: false, retryable: true });
    }
  });

  it('a reset mid-request may have arrived: the adapter must look before repeating', () => {
    const error = classifyNetworkError(fetchFailed(withCode('ECONNRESET')), ctx);
    expect(error.code).toBe('remote-unreachable');
    expect(detailsOf(error).mayHaveArrived).toBe(true);
  });

  it('maps abort and undici timeouts to remote-timeout', () => {
    expect(classifyNetworkError(new DOMException('The operation timed out', 'TimeoutError'), ctx).code).toBe('remote-timeout');
    expect(classifyNetworkError(new DOMException('aborted', 'AbortError'), ctx).code).toBe('remote-timeout');
    expect(classifyNetworkError(fetchFailed(withCode('UND_ERR_HEADERS_TIMEOUT')), ctx).code).toBe('remote-timeout');
    expect(classifyNetworkError(fetchFailed(withCode('UND_ERR_CONNECT_TIMEOUT')), ctx).code).toBe('remote-timeout');
  });

  it('finds codes inside an AggregateError (happy eyeballs tries several addresses)', () => {
    const aggregate = new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')], 'all failed');
    expect(classifyNetworkError(fetchFailed(aggregate), ctx).code).toBe('remote-unreachable');
  });

  it('passes an AppError through unchanged', () => {
    const original = new AppError('remote-auth', 'x');
    expect(classifyNetworkError(original, ctx)).toBe(original);
  });
});

describe('classifyNetworkError: real sockets', () => {
  const servers: Server[] = [];
  afterEach(async () => {
    for (const server of servers.splice(0)) {
      server.closeAllConnections?.();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  async function listen(server: Server): Promise<number> {
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return (server.address() as AddressInfo).port;
  }

  async function failureOf(url: string, init?: RequestInit): Promise<AppError> {
    try {
      await fetch(url, init);
    } catch (error) {
      return classifyNetworkError(error, { url, targetLabel: 'The webhook receiver' });
    }
    throw new Error(`expected ${url} to fail`);
  }

  it('a port nobody listens on is remote-unreachable (connection refused)', async () => {
    const probe = createNetServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
    const error = await failureOf(`http://127.0.0.1:${port}/hook`);
    expect(error.code).toBe('remote-unreachable');
    expect(error.message).toContain('connection refused');
  });

  it('a server that drops the connection after reading the request is remote-unreachable, maybe arrived', async () => {
    const port = await listen(createHttpServer((req) => req.socket.destroy()));
    const error = await failureOf(`http://127.0.0.1:${port}/hook`, { method: 'POST', body: '{}' });
    expect(error.code).toBe('remote-unreachable');
    expect(detailsOf(error).mayHaveArrived).toBe(true);
  });

  it('a server that never answers is remote-timeout', async () => {
    const port = await listen(createHttpServer(() => undefined));
    const error = await failureOf(`http://127.0.0.1:${port}/hook`, { signal: AbortSignal.timeout(300) });
    expect(error.code).toBe('remote-timeout');
  });

  it('a self-signed certificate is remote-tls', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dateline-tls-'));
    try {
      try {
        execFileSync(
          'openssl',
          ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '1', '-subj', '/CN=127.0.0.1'],
          { stdio: 'ignore' },
        );
      } catch (cause) {
        throw new Error('This test needs the openssl CLI (apt-get install openssl; .ci/run installs it) to make a self-signed certificate', { cause });
      }
      const server = createHttpsServer({ key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }, (_req, res) => res.end('ok'));
      const port = await listen(server);
      const error = await failureOf(`https://127.0.0.1:${port}/hook`);
      expect(error.code).toBe('remote-tls');
      expect(error.message).toContain('self-signed');
      expect(detailsOf(error).errno).toBe('DEPTH_ZERO_SELF_SIGNED_CERT');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
