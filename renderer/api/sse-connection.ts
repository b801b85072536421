// Runs in: renderer (browser mode). The services' events over the loopback host's Server-Sent
// Events stream. EventSource reconnects by itself after a dropped connection; when the host refused
// the stream outright (it closed it), a new one is tried after a pause.
import { parseDatelineEvent } from '../../common/contract-events';
import { EVENTS_PATH } from '../../common/http-protocol';
import type { EventConnection } from './event-subscription';

/** The slice of the browser's EventSource this uses. */
export interface EventSourceLike {
  readonly readyState: number;
  onopen: ((event: Event) => void) | null;
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: Event) => void) | null;
  close(): void;
}

export type EventSourceFactory = (url: string) => EventSourceLike;

/** EventSource.CLOSED: the browser gave up and will not reconnect by itself. */
const CLOSED = 2;
/** An event larger than this is not ours to parse. */
const MAX_EVENT_CHARS = 1024 * 1024;

export interface SseConnectionOptions {
  url?: string;
  createSource?: EventSourceFactory;
  /** The pause before a new stream when the host closed one. @default 5_000 */
  retryMs?: number;
}

export function sseConnection(options: SseConnectionOptions = {}): EventConnection {
  const url = options.url ?? EVENTS_PATH;
  const createSource = options.createSource ?? ((target) => new EventSource(target, { withCredentials: false }));
  return {
    start(handlers) {
      let source: EventSourceLike | null = null;
      let retry: ReturnType<typeof setTimeout> | null = null;
      let stopped = false;
      const connect = (): void => {
        retry = null;
        const current = createSource(url);
        source = current;
        current.onopen = () => handlers.open();
        current.onmessage = (message) => {
          if (typeof message.data !== 'string' || message.data.length > MAX_EVENT_CHARS) return;
          let value: unknown;
          try {
            value = JSON.parse(message.data);
          } catch {
            return;
          }
          const event = parseDatelineEvent(value);
          if (event !== null) handlers.event(event);
        };
        current.onerror = () => {
          handlers.down();
          if (current.readyState === CLOSED && !stopped && retry === null) {
            current.close();
            retry = setTimeout(connect, options.retryMs ?? 5_000);
          }
        };
      };
      connect();
      return () => {
        stopped = true;
        if (retry !== null) clearTimeout(retry);
        source?.close();
      };
    },
  };
}
