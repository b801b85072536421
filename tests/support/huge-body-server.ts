// Runs in: tests (node). A loopback HTTP server whose routes can answer with a huge body, streamed
// with backpressure and counted: a test asserts how much of it the client made the server send,
// which stays near the client's cap only if the client stops reading there.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

const CHUNK = 64 * 1024;

export interface HugeReply {
  status: number;
  contentType: string;
  /** Bytes of body to stream (the first bytes are `prefix`, then filler). */
  bytes: number;
  prefix?: string;
  /** Send Content-Length up front (a server that declares its size). @default false */
  declareLength?: boolean;
}

export type SmallReply = { status: number; json: unknown; headers?: Record<string, string> };

export type Route = (req: IncomingMessage) => HugeReply | SmallReply | null;

export interface HugeBodyServer {
  url: string;
  /** Body bytes the server handed to the socket so far, over every huge reply. */
  bytesSent(): number;
  /** Resolves once every huge reply has ended or been abandoned by the client. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

export async function startHugeBodyServer(route: Route): Promise<HugeBodyServer> {
  let sent = 0;
  const running = new Set<Promise<void>>();
  const server: Server = createServer((req, res) => {
    // The request body (a webhook's message, an upload) is read to its end before answering.
    req.resume();
    req.on('end', () => answer(req, res));
  });
  const answer = (req: IncomingMessage, res: ServerResponse): void => {
    const reply = route(req);
    if (!reply) {
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ code: 'rest_no_route', message: 'No route.', data: { status: 404 } }));
      return;
    }
    if ('json' in reply) {
      res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers }).end(JSON.stringify(reply.json));
      return;
    }
    const streaming = stream(res, reply, (n) => {
      sent += n;
    });
    running.add(streaming);
    void streaming.finally(() => running.delete(streaming));
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    bytesSent: () => sent,
    settled: async () => {
      while (running.size > 0) await Promise.all([...running]);
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Writes the body chunk by chunk, waiting for 'drain' each time the socket is full; stops when the client goes. */
async function stream(res: ServerResponse, reply: HugeReply, count: (bytes: number) => void): Promise<void> {
  res.writeHead(reply.status, { 'content-type': reply.contentType, ...(reply.declareLength ? { 'content-length': String(reply.bytes) } : {}) });
  let closed = false;
  res.on('close', () => {
    closed = true;
  });
  const filler = Buffer.alloc(CHUNK, 0x20);
  let left = reply.bytes;
  let first = reply.prefix ? Buffer.from(reply.prefix) : null;
  while (left > 0 && !closed) {
    const chunk = first ?? filler.subarray(0, Math.min(CHUNK, left));
    first = null;
    const piece = chunk.subarray(0, Math.min(chunk.byteLength, left));
    left -= piece.byteLength;
    count(piece.byteLength);
    if (!res.write(piece)) {
      await new Promise<void>((resolve) => {
        const done = () => {
          res.off('drain', done);
          res.off('close', done);
          resolve();
        };
        res.on('drain', done);
        res.on('close', done);
      });
    }
  }
  if (!closed) res.end();
}
