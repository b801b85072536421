// Runs in: test processes. Calls contract operations on a running loopback host over HTTP, the
// way the browser renderer does (session cookie, same-origin Origin, CSRF header). Like a browser,
// it opens the launch link once and keeps the session cookie the host sets.
import type { Envelope, OperationInput, OperationName, OperationResult } from '../../common/contract';
import type { DatelineEvent } from '../../common/contract-events';
import { API_PREFIX, CSRF_HEADER, EVENTS_PATH } from '../../common/http-protocol';
import { decodeWire, encodeWire } from '../../common/wire-codec';

export interface HostClient {
  call<K extends OperationName>(name: K, input: OperationInput<K>): Promise<OperationResult<K>>;
  envelope<K extends OperationName>(name: K, input: OperationInput<K>): Promise<Envelope<OperationResult<K>>>;
  /** Opens the host's event stream (resolves once it is open), like the browser's EventSource. */
  events(): Promise<HostEvents>;
}

export interface HostEvents {
  /** The first event from now on (or already received and not yet taken) that `match` accepts. */
  next(match: (event: DatelineEvent) => boolean): Promise<DatelineEvent>;
  close(): void;
}

/** `launchUrl` is the `DATELINE_URL=` line the host prints: origin plus `?token=`. */
async function signIn(launchUrl: string): Promise<string> {
  const response = await fetch(launchUrl, { redirect: 'manual' });
  const pair = response.headers.getSetCookie()[0]?.split(';')[0];
  if (response.status !== 303 || !pair) throw new Error(`The launch link ${launchUrl} answered HTTP ${response.status} without a session cookie.`);
  return pair;
}

export function hostClient(launchUrl: string): HostClient {
  const url = new URL(launchUrl);
  let session: Promise<string> | null = null;
  const envelope = async <K extends OperationName>(name: K, input: OperationInput<K>) => {
    session ??= signIn(launchUrl);
    const response = await fetch(`${url.origin}${API_PREFIX}${name}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        origin: url.origin,
        cookie: await session,
        [CSRF_HEADER]: '1',
      },
      body: encodeWire(input),
    });
    if (response.status !== 200) throw new Error(`${name}: HTTP ${response.status} ${await response.text()}`);
    return decodeWire(await response.text()) as Envelope<OperationResult<K>>;
  };
  const events = async (): Promise<HostEvents> => {
    session ??= signIn(launchUrl);
    const controller = new AbortController();
    const response = await fetch(`${url.origin}${EVENTS_PATH}`, { headers: { origin: url.origin, cookie: await session }, signal: controller.signal });
    if (response.status !== 200 || !response.body) throw new Error(`${EVENTS_PATH}: HTTP ${response.status}`);
    const received: DatelineEvent[] = [];
    const waiters = new Set<() => void>();
    void (async () => {
      const decoder = new TextDecoder();
      let buffer = '';
      for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (frame.startsWith('data: ')) received.push(JSON.parse(frame.slice(6)) as DatelineEvent);
        }
        for (const wake of [...waiters]) wake();
      }
    })().catch(() => undefined);
    return {
      next: (match) =>
        new Promise((resolve) => {
          const look = (): void => {
            const at = received.findIndex(match);
            if (at < 0) return;
            waiters.delete(look);
            resolve(received.splice(at, 1)[0]!);
          };
          waiters.add(look);
          look();
        }),
      close: () => controller.abort(),
    };
  };
  return {
    envelope,
    events,
    async call(name, input) {
      const result = await envelope(name, input);
      if (!result.ok) throw Object.assign(new Error(`${name}: ${result.error.code}: ${result.error.message}`), { code: result.error.code });
      return result.value;
    },
  };
}
