// Runs in: test processes. A loopback HTTP proxy between the app and a test server that injects
// network faults per request (see fault-plan.ts): lost replies after the server committed,
// resets, long delays, HTML error pages, and requests forwarded only after the client gave up.
//
// Absolute URLs: WordPress writes its own address (WP_HOME, the real port) into Link headers and
// JSON. Unless `rewriteOrigin` is on, they still point past the proxy. A client must therefore
// build every request from its configured base URL plus the discovered REST *path*, never follow
// absolute URLs from responses blindly; otherwise it would silently bypass the proxy (and, in
// production, a reverse proxy or CDN in front of the site).
import { Agent, createServer, request as httpRequest, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { FAULT_KINDS, toFaultSpec, type FaultKind, type FaultPlan, type FaultSpec } from './fault-plan';

export interface FaultLogEntry {
  index: number;
  method: string;
  path: string;
  fault: FaultKind;
  /** The server's status, when the request was forwarded and answered. */
  upstreamStatus: number | null;
}

export interface FaultProxyStats {
  requests: number;
  /** Requests the server received and answered (whatever the client then got). */
  forwarded: number;
  /** Forwarding failed (server down): the client got a 502 page. */
  upstreamErrors: number;
  faults: Record<FaultKind, number>;
  log: FaultLogEntry[];
}

export interface FaultProxyOptions {
  /** e.g. http://127.0.0.1:8080 */
  target: string;
  plan: FaultPlan;
  /** Replace the target's origin with the proxy's in Link/Location headers and text bodies. @default false */
  rewriteOrigin?: boolean;
  /** How long to wait for the server's reply. @default 120_000 */
  upstreamTimeoutMs?: number;
}

export interface FaultProxy {
  url: string;
  port: number;
  stats: FaultProxyStats;
  setPlan(plan: FaultPlan): void;
  resetStats(): void;
  /** Resolves once every request held by a 'late-forward' fault has been forwarded and answered. */
  lateForwardsSettled(): Promise<void>;
  close(): Promise<void>;
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'content-length']);

function endToEndHeaders(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !HOP_BY_HOP.has(name.toLowerCase())));
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', reject);
    req.once('close', () => {
      if (!req.complete) reject(new Error('client went away mid-request'));
    });
  });
}

interface UpstreamReply {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

function errorPage(status: number, title: string): Buffer {
  return Buffer.from(`<!DOCTYPE html>\n<html><head><title>${status} ${title}</title></head><body><h1>${status} ${title}</h1><hr><p>fault-proxy</p></body></html>\n`);
}

const STATUS_TITLES: Record<number, string> = { 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout' };

function emptyStats(): FaultProxyStats {
  return { requests: 0, forwarded: 0, upstreamErrors: 0, faults: Object.fromEntries(FAULT_KINDS.map((kind) => [kind, 0])) as Record<FaultKind, number>, log: [] };
}

export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const target = new URL(options.target);
  const agent = new Agent({ keepAlive: false });
  let plan = options.plan;
  let stats = emptyStats();
  let nextIndex = 0;
  let proxyOrigin = '';
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const lateForwards = new Set<Promise<void>>();

  const forward = (req: IncomingMessage, body: Buffer): Promise<UpstreamReply> =>
    new Promise((resolve, reject) => {
      const upstream = httpRequest(
        {
          host: target.hostname,
          port: target.port || 80,
          method: req.method,
          path: req.url,
          agent,
          headers: { ...endToEndHeaders(req.headers), host: target.host, 'content-length': String(body.length) },
          timeout: options.upstreamTimeoutMs ?? 120_000,
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.once('end', () => resolve({ status: response.statusCode ?? 502, headers: response.headers, body: Buffer.concat(chunks) }));
          response.once('error', reject);
        },
      );
      upstream.once('timeout', () => upstream.destroy(new Error('upstream timeout')));
      upstream.once('error', reject);
      upstream.end(body);
    });

  const rewrite = (reply: UpstreamReply): UpstreamReply => {
    if (!options.rewriteOrigin) return reply;
    const from = target.origin;
    const swap = (text: string) => text.split(from).join(proxyOrigin).split(from.replace(/\//g, '\\/')).join(proxyOrigin.replace(/\//g, '\\/'));
    const headers = { ...reply.headers };
    for (const name of ['link', 'location'] as const) {
      const value = headers[name];
      if (typeof value === 'string') headers[name] = swap(value);
    }
    const type = String(reply.headers['content-type'] ?? '');
    const body = /json|html|text|xml/.test(type) ? Buffer.from(swap(reply.body.toString('utf8'))) : reply.body;
    return { ...reply, headers, body };
  };

  const send = (res: ServerResponse, reply: UpstreamReply) => {
    if (res.socket?.destroyed) return;
    res.writeHead(reply.status, { ...endToEndHeaders(reply.headers), 'content-length': String(reply.body.length) });
    res.end(reply.body);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const index = nextIndex++;
    const method = req.method ?? 'GET';
    const path = req.url ?? '/';
    let fault: FaultSpec;
    try {
      fault = toFaultSpec(plan({ method, path, index }));
    } catch {
      fault = { kind: 'pass' };
    }
    const entry: FaultLogEntry = { index, method, path, fault: fault.kind, upstreamStatus: null };
    stats.requests += 1;
    stats.faults[fault.kind] += 1;
    stats.log.push(entry);

    if (fault.kind === 'reset') {
      req.socket.resetAndDestroy();
      return;
    }
    const body = await readBody(req);
    if (fault.kind === 'late-forward') {
      const late = forwardLate(req, body, entry, fault.release);
      lateForwards.add(late);
      await late.finally(() => lateForwards.delete(late));
      return;
    }
    if (fault.kind === 'http-error') {
      const page = errorPage(fault.status, STATUS_TITLES[fault.status] ?? 'Error');
      res.writeHead(fault.status, { 'content-type': 'text/html; charset=utf-8', 'content-length': String(page.length) });
      res.end(page);
      return;
    }
    let reply: UpstreamReply;
    try {
      reply = rewrite(await forward(req, body));
    } catch {
      stats.upstreamErrors += 1;
      send(res, { status: 502, headers: { 'content-type': 'text/html; charset=utf-8' }, body: errorPage(502, 'Bad Gateway') });
      return;
    }
    stats.forwarded += 1;
    entry.upstreamStatus = reply.status;
    switch (fault.kind) {
      case 'pass':
        send(res, reply);
        return;
      case 'drop-response':
        req.socket.destroy();
        return;
      case 'reset-after-forward':
        req.socket.resetAndDestroy();
        return;
      case 'delay': {
        const timer = setTimeout(() => {
          timers.delete(timer);
          if (fault.then === 'destroy') req.socket.destroy();
          else send(res, reply);
        }, fault.ms);
        timers.add(timer);
        return;
      }
    }
  };

  const clientGone = (req: IncomingMessage): Promise<void> =>
    new Promise((resolve) => {
      if (req.socket.destroyed) resolve();
      else req.socket.once('close', () => resolve());
    });

  const forwardLate = async (req: IncomingMessage, body: Buffer, entry: FaultLogEntry, release?: Promise<unknown>): Promise<void> => {
    await clientGone(req);
    await release?.catch(() => undefined);
    try {
      const reply = await forward(req, body);
      stats.forwarded += 1;
      entry.upstreamStatus = reply.status;
    } catch {
      stats.upstreamErrors += 1;
    }
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      // The client went away mid-request: nothing left to answer.
      if (!req.socket.destroyed) req.socket.destroy();
    });
  });
  server.keepAliveTimeout = 30_000;
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  proxyOrigin = `http://127.0.0.1:${port}`;

  return {
    url: proxyOrigin,
    port,
    get stats() {
      return stats;
    },
    setPlan(next) {
      plan = next;
    },
    resetStats() {
      stats = emptyStats();
    },
    async lateForwardsSettled() {
      while (lateForwards.size > 0) await Promise.all([...lateForwards]);
    },
    close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      for (const socket of sockets) socket.destroy();
      agent.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
