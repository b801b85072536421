// The fault proxy does to each request exactly what its plan says: a tiny local server shows
// whether the request reached it, and a plain node:http client shows what the app would see.
import { createServer, request, type Server } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isWrite, randomFaultPlan, scriptedFaultPlan, type Fault, type FaultRequest } from './fault-plan';
import { startFaultProxy, type FaultProxy } from './fault-proxy';

interface Seen {
  method: string;
  path: string;
  host: string;
  body: string;
}

type ClientResult = { status: number; headers: Record<string, string | string[] | undefined>; body: string } | { error: string };

function send(url: string, options: { method?: string; body?: string; timeoutMs?: number } = {}): Promise<ClientResult> {
  return new Promise((resolve) => {
    const req = request(url, { method: options.method ?? 'GET', agent: false, timeout: options.timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.once('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.once('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
    });
    req.once('timeout', () => req.destroy(Object.assign(new Error('client timeout'), { code: 'CLIENT_TIMEOUT' })));
    req.once('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
    req.end(options.body);
  });
}

describe('fault proxy', () => {
  let backend: Server;
  let backendUrl: string;
  let seen: Seen[];
  let proxy: FaultProxy;

  const proxyWith = async (faults: Fault[], rewriteOrigin = false) => {
    proxy = await startFaultProxy({ target: backendUrl, plan: scriptedFaultPlan(faults), rewriteOrigin });
    return proxy;
  };

  beforeEach(async () => {
    seen = [];
    backend = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        seen.push({ method: req.method ?? '', path: req.url ?? '', host: req.headers.host ?? '', body: Buffer.concat(chunks).toString('utf8') });
        // Like PHP's json_encode: slashes escaped as \/.
        const body = JSON.stringify({ created: seen.length, home: `${backendUrl}/` }).replace(/\//g, '\\/');
        res.writeHead(201, { 'content-type': 'application/json; charset=UTF-8', link: `<${backendUrl}/wp-json/>; rel="https://api.w.org/"` });
        res.end(body);
      });
    });
    await new Promise<void>((resolve) => backend.listen(0, '127.0.0.1', resolve));
    const address = backend.address();
    backendUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });

  afterEach(async () => {
    await proxy?.close();
    await new Promise<void>((resolve) => backend.close(() => resolve()));
  });

  it('passes a request through with the Host rewritten and the body and headers intact', async () => {
    await proxyWith(['pass']);
    const result = await send(`${proxy.url}/wp-json/wp/v2/posts?x=1`, { method: 'POST', body: '{"title":"台风登陆"}' });
    expect(result).toMatchObject({ status: 201 });
    expect(seen).toEqual([{ method: 'POST', path: '/wp-json/wp/v2/posts?x=1', host: new URL(backendUrl).host, body: '{"title":"台风登陆"}' }]);
    if ('status' in result) expect(result.headers.link).toContain(backendUrl);
    expect(proxy.stats).toMatchObject({ requests: 1, forwarded: 1, faults: { pass: 1 } });
    expect(proxy.stats.log[0]).toEqual({ index: 0, method: 'POST', path: '/wp-json/wp/v2/posts?x=1', fault: 'pass', upstreamStatus: 201 });
  });

  it('drop-response: the server commits, the client gets a hang-up and no reply', async () => {
    await proxyWith(['drop-response']);
    const result = await send(`${proxy.url}/posts`, { method: 'POST', body: 'draft' });
    expect(result).toEqual({ error: 'ECONNRESET' });
    expect(seen.map((s) => s.body)).toEqual(['draft']);
    expect(proxy.stats).toMatchObject({ forwarded: 1, faults: { 'drop-response': 1 } });
  });

  it('reset: the connection is reset before anything reaches the server', async () => {
    await proxyWith(['reset']);
    const result = await send(`${proxy.url}/posts`, { method: 'POST', body: 'draft' });
    expect(result).toEqual({ error: 'ECONNRESET' });
    expect(seen).toEqual([]);
    expect(proxy.stats).toMatchObject({ requests: 1, forwarded: 0, faults: { reset: 1 } });
  });

  it('reset-after-forward: the server commits, then the client connection is reset', async () => {
    await proxyWith(['reset-after-forward']);
    const result = await send(`${proxy.url}/media`, { method: 'POST', body: 'photo' });
    expect(result).toEqual({ error: 'ECONNRESET' });
    expect(seen.map((s) => s.body)).toEqual(['photo']);
    expect(proxy.stats.log[0]).toMatchObject({ fault: 'reset-after-forward', upstreamStatus: 201 });
  });

  it('delay: a client that gives up first sees a timeout although the server committed', async () => {
    await proxyWith([{ kind: 'delay', ms: 2_000 }]);
    const result = await send(`${proxy.url}/posts`, { method: 'POST', body: 'draft', timeoutMs: 200 });
    expect(result).toEqual({ error: 'CLIENT_TIMEOUT' });
    expect(seen).toHaveLength(1);
  });

  it('late-forward: nothing reaches the server until the client gave up (and the release came); then the server commits it', async () => {
    let release = () => undefined as void;
    const released = new Promise<void>((resolve) => (release = resolve));
    await proxyWith([{ kind: 'late-forward', release: released }]);
    const result = await send(`${proxy.url}/wp/v2/posts`, { method: 'POST', body: 'draft', timeoutMs: 200 });
    expect(result).toEqual({ error: 'CLIENT_TIMEOUT' });
    expect(seen).toHaveLength(0);
    release();
    await proxy.lateForwardsSettled();
    expect(seen).toEqual([expect.objectContaining({ method: 'POST', path: '/wp/v2/posts', body: 'draft' })]);
    expect(proxy.stats.log[0]).toMatchObject({ fault: 'late-forward', upstreamStatus: 201 });
    expect(proxy.stats.faults['late-forward']).toBe(1);
  });

  it('delay: a patient client gets the late reply, or a hang-up when the plan says destroy', async () => {
    await proxyWith([
      { kind: 'delay', ms: 50 },
      { kind: 'delay', ms: 50, then: 'destroy' },
    ]);
    expect(await send(`${proxy.url}/a`)).toMatchObject({ status: 201 });
    expect(await send(`${proxy.url}/b`)).toEqual({ error: 'ECONNRESET' });
    expect(seen.map((s) => s.path)).toEqual(['/a', '/b']);
  });

  it('http-error: answers an HTML error page with the chosen status, without forwarding', async () => {
    await proxyWith([{ kind: 'http-error', status: 502 }, { kind: 'http-error', status: 504 }]);
    const first = await send(`${proxy.url}/posts`, { method: 'POST', body: 'x' });
    const second = await send(`${proxy.url}/posts`);
    expect(first).toMatchObject({ status: 502, headers: { 'content-type': 'text/html; charset=utf-8' } });
    if ('body' in first) expect(first.body).toContain('<h1>502 Bad Gateway</h1>');
    expect(second).toMatchObject({ status: 504 });
    expect(seen).toEqual([]);
    expect(proxy.stats.faults['http-error']).toBe(2);
  });

  it('answers 502 and counts an upstream error when the server is down', async () => {
    await proxyWith([]);
    await new Promise<void>((resolve) => backend.close(() => resolve()));
    backend = createServer();
    backend.listen(0, '127.0.0.1');
    const result = await send(`${proxy.url}/posts`);
    expect(result).toMatchObject({ status: 502 });
    expect(proxy.stats.upstreamErrors).toBe(1);
  });

  it('rewriteOrigin points Link headers and JSON bodies at the proxy', async () => {
    await proxyWith([], true);
    const result = await send(`${proxy.url}/`);
    if (!('status' in result)) throw new Error(`request failed: ${result.error}`);
    expect(result.headers.link).toBe(`<${proxy.url}/wp-json/>; rel="https://api.w.org/"`);
    expect(result.body).not.toContain(new URL(backendUrl).host);
    expect((JSON.parse(result.body) as { home: string }).home).toBe(`${proxy.url}/`);
  });

  it('setPlan changes what happens to the next requests', async () => {
    await proxyWith([]);
    expect(await send(`${proxy.url}/one`)).toMatchObject({ status: 201 });
    proxy.setPlan(() => 'reset');
    expect(await send(`${proxy.url}/two`)).toEqual({ error: 'ECONNRESET' });
    expect(seen.map((s) => s.path)).toEqual(['/one']);
    expect(proxy.stats.log.map((entry) => entry.index)).toEqual([0, 1]);
  });
});

describe('random fault plan', () => {
  const requests = (count: number, method = 'POST'): FaultRequest[] => Array.from({ length: count }, (_, index) => ({ method, path: '/wp/v2/posts', index }));
  const kindOf = (fault: Fault) => (typeof fault === 'string' ? fault : fault.kind);
  const rates = { 'drop-response': 0.1, reset: 0.1, 'reset-after-forward': 0.1, delay: 0.05, 'http-error': 0.05 };

  it('replays the same faults from the same seed, and different ones from another seed', () => {
    const a = requests(300).map(randomFaultPlan({ seed: 42, rates }));
    const b = requests(300).map(randomFaultPlan({ seed: 42, rates }));
    const c = requests(300).map(randomFaultPlan({ seed: 43, rates }));
    expect(a).toEqual(b);
    expect(c).not.toEqual(a);
  });

  it('mixes every fault kind in, with most requests passing', () => {
    const kinds = requests(1_000).map(randomFaultPlan({ seed: 7, rates, delayMs: 3_000 })).map(kindOf);
    const count = (kind: string) => kinds.filter((k) => k === kind).length;
    for (const kind of Object.keys(rates)) expect(count(kind)).toBeGreaterThan(0);
    expect(count('pass')).toBeGreaterThan(500);
  });

  it('leaves reads alone when told to fault only writes', () => {
    const plan = randomFaultPlan({ seed: 1, rates: { reset: 1 }, applyTo: isWrite });
    expect(requests(50, 'GET').map(plan).every((fault) => fault === 'pass')).toBe(true);
    expect(requests(50, 'POST').map(plan).every((fault) => fault === 'reset')).toBe(true);
  });

  it('refuses rates that add up to more than one', () => {
    expect(() => randomFaultPlan({ seed: 1, rates: { reset: 0.7, delay: 0.5 } })).toThrow(RangeError);
  });
});
