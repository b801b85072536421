// Runs in: vitest (Node). The event stream's bounds: streams beyond the limit are refused until one
// closes, and a reader that leaves too much unread is cut off instead of growing the host's memory.
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { DatelineEvent } from '../../common/contract-events';
import { createEventStream, type EventStream } from './event-stream';

let server: Server | null = null;
let stream: EventStream | null = null;
const listeners = new Set<(event: DatelineEvent) => void>();

afterEach(async () => {
  stream?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server?.closeAllConnections();
  server = null;
  listeners.clear();
});

async function start(options: { maxStreams?: number; maxUnreadBytes?: number }): Promise<number> {
  const current = createEventStream({
    feed: {
      subscribe: (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
    ...options,
  });
  stream = current;
  server = createServer((_req, res) => current.open(res));
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return (server?.address() as AddressInfo).port;
}

function connect(port: number): Promise<{ res: IncomingMessage; close(): void }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/events' }, (res) => resolve({ res, close: () => req.destroy() }));
    req.on('error', reject);
    req.end();
  });
}

describe('event stream bounds', () => {
  it('refuses a stream beyond the limit with 503, and accepts one again once a stream closed', async () => {
    const port = await start({ maxStreams: 1 });
    const first = await connect(port);
    expect(first.res.statusCode).toBe(200);
    const second = await connect(port);
    expect(second.res.statusCode).toBe(503);
    second.res.resume();
    first.close();
    await expect.poll(() => stream?.openStreams).toBe(0);
    const third = await connect(port);
    expect(third.res.statusCode).toBe(200);
    third.close();
  });

  it('cuts off a reader that stops reading once too much waits for it', async () => {
    const port = await start({ maxUnreadBytes: 64 * 1024 });
    const reader = await connect(port);
    reader.res.pause();
    await expect.poll(() => stream?.openStreams).toBe(1);
    const ids = Array.from({ length: 500 }, (_, i) => `article${String(i).padStart(6, '0')}`);
    const event: DatelineEvent = { name: 'library.changed', payload: { kind: 'saved', ids } };
    // Each event is about 9 KB; the socket's own buffers fill first, then the host's queue.
    await expect
      .poll(() => {
        for (let i = 0; i < 50; i++) listeners.forEach((listener) => listener(event));
        return stream?.openStreams;
      })
      .toBe(0);
    reader.close();
  });
});
