// Runs in: renderer. The one subscription to the services' events, whatever carries them (IPC in
// Electron, Server-Sent Events in a browser). Screens call on(name, handler) and poll only while
// the stream is down (see poll-while-down.ts); after a reconnect, or when the services restarted,
// every onResync handler runs once so what the screen shows is fetched again.
import type { DatelineEvent, EventName, EventPayload } from '../../common/contract-events';

/** How a transport reports: each event, the stream opening and the stream going down. */
export interface EventConnectionHandlers {
  event(event: DatelineEvent): void;
  open(): void;
  down(): void;
}

export interface EventConnection {
  /** Starts delivering; returns a function that stops. */
  start(handlers: EventConnectionHandlers): () => void;
}

export interface EventSubscription {
  on<K extends EventName>(name: K, handler: (payload: EventPayload<K>) => void): () => void;
  /** Runs once after each reconnect or services restart: fetch what you show again. */
  onResync(handler: () => void): () => void;
  /** True while events arrive; screens poll only while it is false. */
  readonly live: boolean;
  onLiveChange(handler: (live: boolean) => void): () => void;
  close(): void;
}

/** `connection` null: no event stream at all (the screens keep polling). */
export function createEventSubscription(connection: EventConnection | null): EventSubscription {
  const handlers = new Map<EventName, Set<(payload: never) => void>>();
  const resyncHandlers = new Set<() => void>();
  const liveHandlers = new Set<(live: boolean) => void>();
  let live = false;
  /** Set when the stream went down after starting: the next open may have missed events. */
  let missed = false;

  const each = <T>(set: Set<T>, run: (handler: T) => void): void => {
    for (const handler of [...set]) {
      try {
        run(handler);
      } catch (error) {
        // One screen's broken handler must not starve the others.
        console.error('An event handler failed:', error);
      }
    }
  };
  const setLive = (next: boolean): void => {
    if (live === next) return;
    live = next;
    each(liveHandlers, (handler) => handler(next));
  };
  const resync = (): void => each(resyncHandlers, (handler) => handler());

  const stop =
    connection?.start({
      event(event) {
        if (event.name === 'app.resync') {
          resync();
          return;
        }
        const set = handlers.get(event.name);
        if (set) each(set, (handler) => (handler as (payload: typeof event.payload) => void)(event.payload));
      },
      open() {
        setLive(true);
        if (missed) {
          missed = false;
          resync();
        }
      },
      down() {
        missed = true;
        setLive(false);
      },
    }) ?? (() => undefined);

  const add = <T>(set: Set<T>, handler: T): (() => void) => {
    set.add(handler);
    return () => {
      set.delete(handler);
    };
  };
  return {
    on(name, handler) {
      let set = handlers.get(name);
      if (!set) handlers.set(name, (set = new Set()));
      return add(set, handler as (payload: never) => void);
    },
    onResync: (handler) => add(resyncHandlers, handler),
    get live() {
      return live;
    },
    onLiveChange: (handler) => add(liveHandlers, handler),
    close() {
      stop();
      setLive(false);
    },
  };
}
