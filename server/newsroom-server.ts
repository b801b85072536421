// Runs in: the newsroom server. One node: an HTTP(S) server on `host:port` that carries the JSON
// API and, at /collab, the Hocuspocus WebSocket, with a message size limit (the WebSocket library
// closes the connection with 1009 past it) and a per-connection message rate limit (closed with
// 4429; the provider reconnects and resyncs, so nothing is lost).
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { Hocuspocus, WebSocketLike } from '@hocuspocus/server';
import crossws from 'crossws/adapters/node';
import { COLLAB_PATH } from '../common/collab/newsroom-server-protocol';
import type { CollabContext } from './collab/collab-context';
import { createCollab } from './collab/create-collab';
import { followStatusChanges, parseStatusChange } from './collab/status-follower';
import { openDatabase } from './db/open-database';
import type { SqlDatabase } from './db/sql-database';
import { handleApi } from './http/api-handler';
import { createStoryEventStream, type StoryEventStream } from './http/story-event-stream';
import { createRateLimiter, type RateLimiter } from './net/rate-limiter';
import { findStory, STATUS_CHANNEL } from './stories/story-store';

export interface NewsroomServerOptions {
  /** @default '127.0.0.1' */
  host?: string;
  /** 0 takes a free port. */
  port: number;
  /** PostgreSQL URL; null uses PGlite in dataDir. */
  databaseUrl: string | null;
  dataDir: string;
  redisUrl: string | null;
  /** PEM certificate and key: serve https and wss. */
  tls?: { cert: string; key: string } | null;
  /** The largest WebSocket message accepted. @default 8 MiB */
  maxMessageBytes?: number;
  /** Messages a connection may send per second on average, and at once. @default 200 and 1000 */
  rateLimit?: { perSecond: number; burst: number };
  nodeName?: string;
  debounceMs?: number;
  maxDebounceMs?: number;
}

export interface NewsroomServer {
  port: number;
  /** http(s)://host:port */
  url: string;
  /** ws(s)://host:port/collab */
  collabUrl: string;
  db: SqlDatabase;
  collab: Hocuspocus<CollabContext>;
  /** The apps' event streams (GET /api/events) open on this node. */
  events: StoryEventStream;
  /** Stores every open story, closes every connection and the database. */
  stop(): Promise<void>;
}

export const DEFAULT_MAX_MESSAGE_BYTES = 8 * 1024 * 1024;
const STOP_STORE_TIMEOUT_MS = 30_000;
export const RATE_LIMITED_CLOSE = { code: 4429, reason: 'rate-limited' };

interface PeerState {
  connection: ReturnType<Hocuspocus['handleConnection']>;
  limiter: RateLimiter;
}

export async function startNewsroomServer(options: NewsroomServerOptions): Promise<NewsroomServer> {
  const host = options.host ?? '127.0.0.1';
  const nodeName = options.nodeName ?? 'dateline';
  const rate = options.rateLimit ?? { perSecond: 200, burst: 1000 };
  const db = await openDatabase({ databaseUrl: options.databaseUrl, dataDir: options.dataDir });
  const collab = createCollab({ db, redisUrl: options.redisUrl, nodeName, debounceMs: options.debounceMs, maxDebounceMs: options.maxDebounceMs });
  await followStatusChanges(db, collab);
  // Every status change, from any node, goes to the apps' event streams on this node.
  const events = createStoryEventStream();
  await db.listen(STATUS_CHANNEL, (payload) => {
    const change = parseStatusChange(payload);
    if (!change || events.count() === 0) return;
    void findStory(db, change.id)
      .then((story) => {
        if (story) events.announce(story);
      })
      .catch((error: unknown) => console.error(`Cannot announce the status of story ${change.id}: ${String(error)}`));
  });

  const peers = new Map<string, PeerState>();
  const ws = crossws({
    serverOptions: { maxPayload: options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES },
    hooks: {
      open(peer) {
        const connection = collab.handleConnection(peer.websocket as unknown as WebSocketLike, peer.request as Request);
        peers.set(peer.id, { connection, limiter: createRateLimiter(rate.perSecond, rate.burst) });
      },
      message(peer, message) {
        const state = peers.get(peer.id);
        if (!state) return;
        if (!state.limiter.take()) {
          peer.close(RATE_LIMITED_CLOSE.code, RATE_LIMITED_CLOSE.reason);
          return;
        }
        state.connection.handleMessage(message.uint8Array());
      },
      close(peer, event) {
        peers.get(peer.id)?.connection.handleClose({ code: event.code ?? 1000, reason: event.reason ?? '' });
        peers.delete(peer.id);
      },
      error(peer, error) {
        console.error(`WebSocket error on ${peer.id}: ${error.message}`);
      },
    },
  });

  const onRequest = (request: IncomingMessage, response: ServerResponse) => {
    handleApi(db, nodeName, request, response, events)
      .then((handled) => {
        if (!handled) {
          response.writeHead(404, { 'content-type': 'text/plain' });
          response.end('Not found');
        }
      })
      .catch((error: unknown) => {
        console.error(error);
        if (!response.headersSent) response.writeHead(500);
        response.end();
      });
  };
  const server: Server = options.tls ? createHttpsServer({ cert: options.tls.cert, key: options.tls.key }, onRequest) : createHttpServer(onRequest);
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = new URL(request.url ?? '/', 'http://server').pathname;
    if (path !== COLLAB_PATH) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    ws.handleUpgrade(request, socket, head).catch((error: unknown) => {
      console.error(`WebSocket upgrade failed: ${String(error)}`);
      socket.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const scheme = options.tls ? 'https' : 'http';
  const hostInUrl = host.includes(':') ? `[${host}]` : host;
  const url = `${scheme}://${hostInUrl}:${port}`;

  let stopping: Promise<void> | null = null;
  const stop = () => {
    stopping ??= (async () => {
      server.close();
      events.close();
      await new Promise<void>((resolve) => {
        // A store that cannot reach the database must not keep the process up for ever.
        const giveUp = setTimeout(() => {
          console.error(`${collab.getDocumentsCount()} stories could not be stored before stopping.`);
          resolve();
        }, STOP_STORE_TIMEOUT_MS);
        giveUp.unref();
        if (collab.getDocumentsCount() === 0) return resolve();
        collab.configuration.extensions.push({
          async afterUnloadDocument() {
            if (collab.getDocumentsCount() === 0) resolve();
          },
        });
        collab.closeConnections();
        collab.flushPendingStores();
      });
      ws.closeAll(1001, 'server stopping', true);
      await collab.hooks('onDestroy', { instance: collab });
      server.closeAllConnections();
      await db.close();
    })();
    return stopping;
  };

  return { port, url, collabUrl: `${options.tls ? 'wss' : 'ws'}://${hostInUrl}:${port}${COLLAB_PATH}`, db, collab, events, stop };
}
