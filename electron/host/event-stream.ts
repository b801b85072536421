// Runs in: host (Node). The services' events as Server-Sent Events: each open stream hears every
// event as one `data:` line of JSON. The loopback host checks the session, Host and Origin before
// a request gets here. Streams are bounded in number and in what may queue up unread.
import type { ServerResponse } from 'node:http';
import type { DatelineEvent } from '../../common/contract-events';

export interface EventFeed {
  /** Returns a function that stops listening. */
  subscribe(listener: (event: DatelineEvent) => void): () => void;
}

export interface EventStreamOptions {
  feed: EventFeed;
  /** Open streams at once; one more is refused with 503. @default 16 */
  maxStreams?: number;
  /** A reader that leaves this much unread is cut off; its EventSource reconnects and resynchronises. @default 4 MiB */
  maxUnreadBytes?: number;
  /** A comment line this often keeps proxies and idle timeouts from closing the stream. @default 25_000 */
  heartbeatMs?: number;
  /** How long the browser waits before reconnecting, sent as `retry:`. @default 2_000 */
  retryMs?: number;
}

export interface EventStream {
  /** Answers one authorised GET with the stream; it stays open until the client leaves or close(). */
  open(res: ServerResponse): void;
  readonly openStreams: number;
  close(): void;
}

export function createEventStream(options: EventStreamOptions): EventStream {
  const maxStreams = options.maxStreams ?? 16;
  const maxUnread = options.maxUnreadBytes ?? 4 * 1024 * 1024;
  const streams = new Set<ServerResponse>();
  const write = (res: ServerResponse, text: string): void => {
    if (res.destroyed || res.writableEnded) {
      streams.delete(res);
      return;
    }
    if (res.writableLength > maxUnread) {
      res.destroy();
      return;
    }
    res.write(text);
  };
  const stopFeed = options.feed.subscribe((event) => {
    const frame = `data: ${JSON.stringify(event)}\n\n`;
    for (const res of [...streams]) write(res, frame);
  });
  const heartbeat = setInterval(() => {
    for (const res of [...streams]) write(res, ': keep-alive\n\n');
  }, options.heartbeatMs ?? 25_000);
  heartbeat.unref();

  return {
    open(res) {
      if (streams.size >= maxStreams) {
        res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'Retry-After': '5' });
        res.end('Too many event streams are open.');
        return;
      }
      streams.add(res);
      res.on('close', () => streams.delete(res));
      res.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
        Connection: 'keep-alive',
      });
      res.write(`retry: ${options.retryMs ?? 2_000}\n: connected\n\n`);
    },
    get openStreams() {
      return streams.size;
    },
    close() {
      stopFeed();
      clearInterval(heartbeat);
      for (const res of [...streams]) res.end();
      streams.clear();
    },
  };
}
