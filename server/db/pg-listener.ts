// Runs in: the newsroom server. The one PostgreSQL connection that LISTENs for NOTIFY. When
// PostgreSQL goes away (a restart, a failover, a dropped network) the connection is made again,
// with a growing pause between tries, and every channel is listened to again; then each channel's
// `onResumed` runs, because NOTIFYs sent while nobody listened are not kept.
import pg from 'pg';

export interface PgListener {
  listen(channel: string, onPayload: (payload: string) => void, onResumed?: () => void): Promise<void>;
  close(): Promise<void>;
}

export interface PgListenerOptions {
  /** The first pause before connecting again, doubled after each failure. @default 250 */
  retryMs?: number;
  /** @default 5_000 */
  maxRetryMs?: number;
  log?: (line: string) => void;
}

interface Channel {
  handlers: ((payload: string) => void)[];
  resumers: (() => void)[];
}

export function createPgListener(url: string, options: PgListenerOptions = {}): PgListener {
  const log = options.log ?? ((line: string) => console.error(line));
  const firstRetryMs = options.retryMs ?? 250;
  const maxRetryMs = options.maxRetryMs ?? 5_000;
  const channels = new Map<string, Channel>();
  let client: pg.Client | null = null;
  let connecting: Promise<pg.Client> | null = null;
  let retryMs = firstRetryMs;
  let retryTimer: NodeJS.Timeout | null = null;
  let closed = false;

  const scheduleReconnect = () => {
    if (closed || retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      connect().then(
        () => {
          retryMs = firstRetryMs;
          for (const channel of channels.values()) for (const resumed of channel.resumers) resumed();
        },
        (error: unknown) => {
          log(`PostgreSQL listener: cannot connect again (${error instanceof Error ? error.message : String(error)}); trying again in ${retryMs} ms.`);
          retryMs = Math.min(retryMs * 2, maxRetryMs);
          scheduleReconnect();
        },
      );
    }, retryMs);
    retryTimer.unref();
  };

  /** The connection `which` failed or ended: drop it and connect again (once, however it was told). */
  const lost = (which: pg.Client) => {
    if (client !== which) return;
    client = null;
    which.end().catch(() => undefined);
    scheduleReconnect();
  };

  const connect = (): Promise<pg.Client> => {
    if (client) return Promise.resolve(client);
    connecting ??= (async () => {
      const next = new pg.Client({ connectionString: url });
      next.on('error', (error) => {
        log(`PostgreSQL listener error: ${error.message}`);
        lost(next);
      });
      next.on('end', () => lost(next));
      next.on('notification', (message) => {
        for (const handler of channels.get(message.channel)?.handlers ?? []) handler(message.payload ?? '');
      });
      try {
        await next.connect();
        for (const name of channels.keys()) await next.query(`LISTEN ${name}`);
      } catch (error) {
        await next.end().catch(() => undefined);
        throw error;
      }
      if (closed) {
        await next.end().catch(() => undefined);
        throw new Error('the listener is closed');
      }
      client = next;
      return next;
    })().finally(() => {
      connecting = null;
    });
    return connecting;
  };

  return {
    async listen(channel, onPayload, onResumed) {
      if (!/^[a-z_]+$/.test(channel)) throw new Error(`bad channel name ${channel}`);
      const known = channels.get(channel);
      channels.set(channel, { handlers: [...(known?.handlers ?? []), onPayload], resumers: [...(known?.resumers ?? []), ...(onResumed ? [onResumed] : [])] });
      const current = await connect();
      if (!known) await current.query(`LISTEN ${channel}`);
    },
    async close() {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      const current = client;
      client = null;
      await current?.end().catch(() => undefined);
    },
  };
}
