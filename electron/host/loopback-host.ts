// Runs in: host (Node). Serves the built renderer, library photos and the contract to a browser on 127.0.0.1 only.
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sep } from 'node:path';
import type { AppErrorCode } from '../../common/app-error';
import type { AppErrorDetails } from '../../common/errors/app-error-details';
import type { Envelope } from '../../common/contract';
import { API_PREFIX, CSRF_HEADER, EVENTS_PATH, MAX_REQUEST_BYTES, MEDIA_PREFIX, sessionCookieName, THUMBNAIL_PREFIX } from '../../common/http-protocol';
import { decodeWire, encodeWire } from '../../common/wire-codec';
import type { ErrorLogger } from '../transport/dispatch-operation';
import { createEventStream, type EventFeed } from './event-stream';
import { appFileHeaders } from '../transport/app-file-headers';
import { mediaFileHeaders, staticFileHeaders } from '../transport/response-headers';
import { createSessionStore } from './session-store';
import { createSessionToken, readCookie, tokensMatch } from './session-token';
import { resolveStaticPath } from '../transport/static-path';
import { consoleLogger } from '../services/log/logger';
import type { TransportServices } from '../transport/transport-services';

export interface LoopbackHostOptions {
  services: TransportServices;
  /** The Vite build of the renderer (dist/renderer). */
  staticDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** Fixed token for tests; a random per-launch token otherwise. */
  token?: string;
  /** @default MAX_REQUEST_BYTES */
  maxRequestBytes?: number;
  logError?: ErrorLogger;
  /** The app icon, answered at /favicon.ico (browsers ask for it on every load, signed in or not). */
  iconPath?: string;
  /** The services' events, served at GET /events as Server-Sent Events. */
  events?: EventFeed;
}

export interface LoopbackHost {
  /** The launch URL, token included: opening it trades the token for a session cookie. */
  url: string;
  origin: string;
  port: number;
  token: string;
  server: Server;
  close(): Promise<void>;
}

const LOOPBACK_ADDRESS = '127.0.0.1';

const UNAUTHORIZED_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Dateline: open the launch link</title></head>
<body style="font-family: sans-serif; max-width: 36em; margin: 4em auto; line-height: 1.5">
<h1>Open Dateline from its launch link</h1>
<p>This page needs the one-time link that <code>npm run serve</code> printed in your terminal
(the line starting with <code>DATELINE_URL=</code>). Open that link in this browser to sign in.</p>
</body></html>
`;

class HttpFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: AppErrorCode,
    message: string,
    readonly details: AppErrorDetails,
  ) {
    super(message);
  }
}

function sendText(res: ServerResponse, status: number, text: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
    ...extra,
  });
  res.end(text);
}

function sendEnvelope(res: ServerResponse, status: number, envelope: Envelope<unknown>, extra: Record<string, string> = {}): void {
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
    ...extra,
  });
  res.end(encodeWire(envelope));
}

function sendUnauthorizedPage(res: ServerResponse): void {
  res.writeHead(401, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  });
  res.end(UNAUTHORIZED_PAGE);
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolveBody, reject) => {
    const declared = Number(req.headers['content-length'] ?? '0');
    if (Number.isFinite(declared) && declared > limit) {
      reject(new HttpFailure(413, 'invalid-input', `The request is larger than ${limit} bytes.`, { kind: 'request-too-large', maxBytes: limit }));
      return;
    }
    const chunks: Buffer[] = [];
    let total = 0;
    req.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > limit) {
        reject(new HttpFailure(413, 'invalid-input', `The request is larger than ${limit} bytes.`, { kind: 'request-too-large', maxBytes: limit }));
        req.removeAllListeners('data');
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

async function isInside(root: string, filePath: string): Promise<boolean> {
  try {
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(filePath)]);
    return realFile.startsWith(realRoot + sep);
  } catch {
    return false;
  }
}

async function sendFile(req: IncomingMessage, res: ServerResponse, filePath: string, headers: Record<string, string>): Promise<void> {
  const info = await stat(filePath).catch(() => null);
  if (!info?.isFile()) {
    sendText(res, 404, 'Not found');
    return;
  }
  res.writeHead(200, { ...headers, 'Content-Length': String(info.size) });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const stream = createReadStream(filePath);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}

export async function startLoopbackHost(options: LoopbackHostOptions): Promise<LoopbackHost> {
  const { services, staticDir } = options;
  const token = options.token ?? createSessionToken();
  if (!/^[A-Za-z0-9_-]{16,200}$/.test(token)) throw new Error('The session token must be 16-200 characters of A-Z, a-z, 0-9, "-" or "_".');
  const limit = options.maxRequestBytes ?? MAX_REQUEST_BYTES;
  const logError = options.logError ?? ((message, error) => consoleLogger.error(message, error));
  let allowedHosts = new Set<string>();
  // Named once the port is known: cookies ignore ports, so each instance keeps its own.
  let cookieName = '';
  const sessions = createSessionStore();
  const eventStream = options.events ? createEventStream({ feed: options.events }) : null;

  const hasSession = (req: IncomingMessage): boolean => sessions.has(readCookie(req.headers.cookie, cookieName));

  async function handleApi(req: IncomingMessage, res: ServerResponse, rawPath: string, host: string): Promise<void> {
    if (req.method !== 'POST') {
      sendText(res, 405, 'Method not allowed', { Allow: 'POST' });
      return;
    }
    try {
      if (!hasSession(req)) throw new HttpFailure(401, 'unauthorized', 'Open Dateline from the link printed by `npm run serve`.', { kind: 'session-expired' });
      const origin = req.headers.origin;
      if (origin !== undefined && origin !== `http://${host}`) throw new HttpFailure(403, 'forbidden-sender', 'Requests from other sites are refused.', { kind: 'forbidden-sender' });
      const fetchSite = req.headers['sec-fetch-site'];
      if (fetchSite !== undefined && fetchSite !== 'same-origin') throw new HttpFailure(403, 'forbidden-sender', 'Requests from other sites are refused.', { kind: 'forbidden-sender' });
      const csrf = req.headers[CSRF_HEADER];
      if (typeof csrf !== 'string' || csrf === '') throw new HttpFailure(403, 'forbidden-sender', `The ${CSRF_HEADER} header is required.`, { kind: 'forbidden-sender' });
      const body = await readBody(req, limit);
      let input: unknown;
      try {
        input = body.length === 0 ? undefined : decodeWire(body.toString('utf8'));
      } catch {
        throw new HttpFailure(400, 'invalid-input', 'The request body is not valid JSON.', { kind: 'request-not-json' });
      }
      const envelope = await services.invoke(rawPath.slice(API_PREFIX.length), input);
      sendEnvelope(res, 200, envelope);
    } catch (error) {
      if (!(error instanceof HttpFailure)) throw error;
      sendEnvelope(res, error.status, { ok: false, error: { code: error.code, message: error.message, details: error.details } }, error.status === 413 ? { Connection: 'close' } : {});
    }
  }

  /** The same session and origin checks as the API; EventSource cannot send the CSRF header, and a GET changes nothing. */
  function handleEvents(req: IncomingMessage, res: ServerResponse, host: string): void {
    if (req.method !== 'GET') return sendText(res, 405, 'Method not allowed', { Allow: 'GET' });
    if (!hasSession(req)) return sendText(res, 401, 'Open Dateline from the link printed by `npm run serve`.');
    const origin = req.headers.origin;
    const fetchSite = req.headers['sec-fetch-site'];
    if ((origin !== undefined && origin !== `http://${host}`) || (fetchSite !== undefined && fetchSite !== 'same-origin')) {
      return sendText(res, 403, 'Requests from other sites are refused.');
    }
    if (eventStream === null) return sendText(res, 404, 'Not found');
    eventStream.open(res);
  }

  async function handleMedia(req: IncomingMessage, res: ServerResponse, rawPath: string, thumbnail: boolean): Promise<void> {
    let id: string;
    try {
      id = decodeURIComponent(rawPath.slice((thumbnail ? THUMBNAIL_PREFIX : MEDIA_PREFIX).length));
    } catch {
      sendText(res, 404, 'Not found');
      return;
    }
    const filePath = thumbnail ? await services.thumbnailFilePath(id) : services.mediaFilePath(id);
    if (filePath === null) {
      sendText(res, 404, 'Not found');
      return;
    }
    await sendFile(req, res, filePath, mediaFileHeaders(filePath));
  }

  async function handleStatic(req: IncomingMessage, res: ServerResponse, rawPath: string): Promise<void> {
    const filePath = resolveStaticPath(staticDir, rawPath);
    if (filePath === null) {
      sendText(res, 400, 'Bad path');
      return;
    }
    if (!(await isInside(staticDir, filePath))) {
      sendText(res, 404, 'Not found');
      return;
    }
    await sendFile(req, res, filePath, await appFileHeaders(filePath, services));
  }

  async function handleRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const host = req.headers.host ?? '';
    // DNS rebinding: a hostile name resolving to 127.0.0.1 still sends its own name here.
    if (!allowedHosts.has(host)) {
      sendText(res, 403, 'Forbidden host');
      return;
    }
    const rawUrl = req.url ?? '/';
    const queryAt = rawUrl.indexOf('?');
    const rawPath = queryAt < 0 ? rawUrl : rawUrl.slice(0, queryAt);
    if (rawPath === EVENTS_PATH) {
      handleEvents(req, res, host);
      return;
    }
    if (rawPath.startsWith(API_PREFIX)) {
      await handleApi(req, res, rawPath, host);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendText(res, 405, 'Method not allowed', { Allow: 'GET, HEAD' });
      return;
    }
    if (rawPath === '/favicon.ico' && options.iconPath) {
      await sendFile(req, res, options.iconPath, staticFileHeaders(options.iconPath));
      return;
    }
    const query = new URLSearchParams(queryAt < 0 ? '' : rawUrl.slice(queryAt + 1));
    if (rawPath === '/' && query.has('token')) {
      if (!tokensMatch(query.get('token'), token)) {
        sendUnauthorizedPage(res);
        return;
      }
      res.writeHead(303, {
        Location: '/',
        'Set-Cookie': `${cookieName}=${sessions.open()}; HttpOnly; SameSite=Strict; Path=/`,
        'Cache-Control': 'no-store',
        'Referrer-Policy': 'no-referrer',
      });
      res.end();
      return;
    }
    if (!hasSession(req)) {
      sendUnauthorizedPage(res);
      return;
    }
    if (rawPath.startsWith(MEDIA_PREFIX) || rawPath.startsWith(THUMBNAIL_PREFIX)) await handleMedia(req, res, rawPath, rawPath.startsWith(THUMBNAIL_PREFIX));
    else await handleStatic(req, res, rawPath);
  }

  const server = createServer((req, res) => {
    handleRequest(req, res).catch((error: unknown) => {
      logError('The loopback host failed to answer a request:', error);
      if (!res.headersSent) sendText(res, 500, 'Internal error');
      else res.destroy();
    });
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, LOOPBACK_ADDRESS, () => {
      server.off('error', reject);
      resolveListen();
    });
  });
  const port = (server.address() as AddressInfo).port;
  allowedHosts = new Set([`${LOOPBACK_ADDRESS}:${port}`, `localhost:${port}`]);
  cookieName = sessionCookieName(port);
  const origin = `http://${LOOPBACK_ADDRESS}:${port}`;

  return {
    url: `${origin}/?token=${encodeURIComponent(token)}`,
    origin,
    port,
    token,
    server,
    close: () =>
      new Promise<void>((resolveClose) => {
        eventStream?.close();
        server.close(() => resolveClose());
        server.closeAllConnections();
      }),
  };
}
