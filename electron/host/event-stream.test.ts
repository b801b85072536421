// Runs in: vitest (Node). The services' events reach a signed-in tab as Server-Sent Events over the
// loopback host; no session, a foreign Host or another site's Origin gets nothing; a tab that
// reconnects hears the events sent after it is back.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { request, type ClientRequest, type IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatelineEvent } from '../../common/contract-events';
import type { OperationHandlers } from '../../common/contract';
import { EVENTS_PATH } from '../../common/http-protocol';
import { dispatchOperation } from '../transport/dispatch-operation';
import { startLoopbackHost, type LoopbackHost } from './loopback-host';

const TOKEN = 'events-token-0123456789abcdef';
let root: string;
let host: LoopbackHost;
let sessionCookie: string;
const listeners = new Set<(event: DatelineEvent) => void>();
const publish = (event: DatelineEvent): void => listeners.forEach((listener) => listener(event));

interface OpenStream {
  status: number;
  /** Resolves with the next `data:` frame, parsed. */
  next(): Promise<unknown>;
  body(): Promise<string>;
  close(): void;
}

function openStream(headers: Record<string, string>, method = 'GET'): Promise<OpenStream> {
  return new Promise((resolve, reject) => {
    let req: ClientRequest | null = null;
    req = request({ host: '127.0.0.1', port: host.port, path: EVENTS_PATH, method, headers: { Host: `127.0.0.1:${host.port}`, ...headers } }, (res: IncomingMessage) => {
      let buffer = '';
      const frames: unknown[] = [];
      const waiting: ((frame: unknown) => void)[] = [];
      let ended: (() => void) | null = null;
      const endedPromise = new Promise<void>((done) => (ended = done));
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let at: number;
        while ((at = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, at);
          buffer = buffer.slice(at + 2);
          const data = block.split('\n').filter((line) => line.startsWith('data: '));
          if (data.length === 0) continue;
          const frame: unknown = JSON.parse(data.map((line) => line.slice(6)).join('\n'));
          const taker = waiting.shift();
          if (taker) taker(frame);
          else frames.push(frame);
        }
      });
      let text = '';
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => ended?.());
      res.on('close', () => ended?.());
      resolve({
        status: res.statusCode ?? 0,
        next: () => (frames.length > 0 ? Promise.resolve(frames.shift()) : new Promise((take) => waiting.push(take))),
        body: () => endedPromise.then(() => text),
        close: () => req?.destroy(),
      });
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'dateline-events-'));
  await mkdir(join(root, 'renderer'), { recursive: true });
  await writeFile(join(root, 'renderer', 'index.html'), '<!doctype html><title>Dateline</title>');
  host = await startLoopbackHost({
    services: { invoke: (name, input) => dispatchOperation({} as OperationHandlers, name, input), mediaFilePath: () => null, thumbnailFilePath: async () => null },
    staticDir: join(root, 'renderer'),
    token: TOKEN,
    events: {
      subscribe: (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
  });
  // Sign in the way a browser does: the launch link sets the session cookie.
  const signIn = await new Promise<IncomingMessage>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, path: `/?token=${TOKEN}`, headers: { Host: `127.0.0.1:${host.port}` } }, resolve);
    req.on('error', reject);
    req.end();
  });
  signIn.resume();
  const setCookie = signIn.headers['set-cookie']?.[0] ?? '';
  sessionCookie = setCookie.split(';')[0] ?? '';
  expect(sessionCookie).toContain('=');
});

afterAll(async () => {
  await host.close();
  await rm(root, { recursive: true, force: true });
});

const sameOrigin = () => ({ Cookie: sessionCookie, Origin: `http://127.0.0.1:${host.port}`, 'Sec-Fetch-Site': 'same-origin' });

describe('GET /events', () => {
  it('streams each event to a signed-in same-origin tab as one data line of JSON', async () => {
    const stream = await openStream(sameOrigin());
    expect(stream.status).toBe(200);
    publish({ name: 'review.queueChanged', payload: { waiting: 2 } });
    publish({ name: 'library.changed', payload: { kind: 'saved', ids: ['0123456789ab'] } });
    expect(await stream.next()).toEqual({ name: 'review.queueChanged', payload: { waiting: 2 } });
    expect(await stream.next()).toEqual({ name: 'library.changed', payload: { kind: 'saved', ids: ['0123456789ab'] } });
    stream.close();
  });

  it('refuses a request without the session, from another site, or for another Host, and any other method', async () => {
    const noSession = await openStream({ Origin: `http://127.0.0.1:${host.port}` });
    expect(noSession.status).toBe(401);
    const wrongSession = await openStream({ ...sameOrigin(), Cookie: sessionCookie.replace(/=.*/, '=not-the-session-000000') });
    expect(wrongSession.status).toBe(401);
    const otherOrigin = await openStream({ ...sameOrigin(), Origin: 'http://evil.example' });
    expect(otherOrigin.status).toBe(403);
    const crossSite = await openStream({ ...sameOrigin(), 'Sec-Fetch-Site': 'cross-site' });
    expect(crossSite.status).toBe(403);
    const rebound = await openStream({ ...sameOrigin(), Host: 'evil.example' });
    expect(rebound.status).toBe(403);
    const posted = await openStream(sameOrigin(), 'POST');
    expect(posted.status).toBe(405);
    // None of them was left open to hear anything.
    publish({ name: 'settings.changed', payload: {} });
    for (const refused of [noSession, wrongSession, otherOrigin, crossSite, rebound, posted]) {
      expect(await refused.body()).not.toContain('settings.changed');
    }
  });

  it('a tab that drops and reconnects hears what is sent after it is back', async () => {
    const first = await openStream(sameOrigin());
    publish({ name: 'settings.changed', payload: {} });
    expect(await first.next()).toEqual({ name: 'settings.changed', payload: {} });
    first.close();
    const again = await openStream(sameOrigin());
    expect(again.status).toBe(200);
    publish({ name: 'review.articleChanged', payload: { articleId: '0123456789ab' } });
    expect(await again.next()).toEqual({ name: 'review.articleChanged', payload: { articleId: '0123456789ab' } });
    again.close();
  });
});
