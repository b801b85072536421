// Runs in: the benchmark script (Node). A bare Chrome DevTools Protocol connection over a WebSocket:
// commands, their answers and events, for the browser and for the pages attached to it (flat
// sessions). Unlike Playwright it enables no domain by itself: in particular not Network, whose agent
// keeps every request's body in the renderer for DevTools to show.
import WebSocket from 'ws';

type Handler = (params: Record<string, unknown>) => void;

export interface CdpSession {
  send<T = Record<string, unknown>>(method: string, params?: Record<string, unknown>): Promise<T>;
  on(event: string, handler: Handler): void;
  off(event: string, handler: Handler): void;
}

export interface CdpConnection extends CdpSession {
  /** The session of a target attached with flatten: true. */
  session(sessionId: string): CdpSession;
  close(): void;
}

interface Message {
  id?: number;
  method?: string;
  params?: Record<string, unknown>;
  result?: Record<string, unknown>;
  error?: { message: string };
  sessionId?: string;
}

export async function connectCdp(url: string): Promise<CdpConnection> {
  const socket = new WebSocket(url, { perMessageDeflate: false, maxPayload: 1024 * 1024 * 1024 });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  let nextId = 1;
  const pending = new Map<number, { resolve(value: Record<string, unknown>): void; reject(error: Error): void; method: string }>();
  const handlers = new Map<string, Set<Handler>>();
  const key = (sessionId: string | undefined, event: string) => `${sessionId ?? ''}|${event}`;
  socket.on('message', (data: WebSocket.RawData) => {
    const message = JSON.parse(data.toString()) as Message;
    if (message.id !== undefined) {
      const waiter = pending.get(message.id);
      pending.delete(message.id);
      if (message.error) waiter?.reject(new Error(`${waiter.method}: ${message.error.message}`));
      else waiter?.resolve(message.result ?? {});
    } else if (message.method) {
      for (const handler of handlers.get(key(message.sessionId, message.method)) ?? []) handler(message.params ?? {});
    }
  });
  socket.on('close', () => {
    for (const waiter of pending.values()) waiter.reject(new Error(`${waiter.method}: the connection closed`));
    pending.clear();
  });
  const sessionOf = (sessionId: string | undefined): CdpSession => ({
    send: <T>(method: string, params: Record<string, unknown> = {}) =>
      new Promise<T>((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve: resolve as (value: Record<string, unknown>) => void, reject, method });
        socket.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
      }),
    on: (event, handler) => {
      const set = handlers.get(key(sessionId, event)) ?? new Set();
      set.add(handler);
      handlers.set(key(sessionId, event), set);
    },
    off: (event, handler) => {
      handlers.get(key(sessionId, event))?.delete(handler);
    },
  });
  return { ...sessionOf(undefined), session: sessionOf, close: () => socket.close() };
}
