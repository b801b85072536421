// Runs in: services. Follows the newsroom server's event stream (GET /api/events, Server-Sent
// Events, the account token as `Authorization: Bearer`): each story status change the server
// pushes, a colleague's submission or the desk's decision, calls `onChange`, so the review queue
// and badge follow the server without waiting for the sync loop. When the stream opens (the first
// time, and again after it dropped) `onChange` runs too, since changes made meanwhile were not
// heard. A dropped or refused stream is opened again after a growing pause. What the server sends
// is untrusted: lines are bounded, and only events that fit the protocol's schema count.
import { EVENTS_PATH, MAX_EVENT_LINE_BYTES, storyChangeEventSchema, type StoryChangeEvent } from '../../../common/collab/newsroom-server-protocol';

export interface NewsroomQueueFeedOptions {
  /** http(s)://host:port, normalised. */
  serverUrl: string;
  token: string;
  /** A change pushed (with the event), or the stream (re)opened (with null). */
  onChange(event: StoryChangeEvent | null): void;
  /** @default globalThis.fetch */
  fetch?: typeof fetch;
  /** The first pause before opening the stream again, doubled up to `maxRetryMs`. @default 1_000 */
  retryMs?: number;
  /** @default 30_000 */
  maxRetryMs?: number;
  log?(message: string): void;
}

export interface NewsroomQueueFeed {
  close(): void;
}

export function followNewsroomQueue(options: NewsroomQueueFeedOptions): NewsroomQueueFeed {
  const doFetch = options.fetch ?? globalThis.fetch;
  const firstRetryMs = options.retryMs ?? 1_000;
  const maxRetryMs = options.maxRetryMs ?? 30_000;
  const abort = new AbortController();
  let closed = false;
  let retryMs = firstRetryMs;
  let retryTimer: NodeJS.Timeout | null = null;

  const readStream = async (body: ReadableStream<Uint8Array>): Promise<void> => {
    const reader = body.getReader();
    const decoder = new TextDecoder();
    let pending = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      pending += decoder.decode(value, { stream: true });
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      if (pending.length > MAX_EVENT_LINE_BYTES) {
        await reader.cancel();
        throw new Error(`a line of the event stream is longer than ${MAX_EVENT_LINE_BYTES} bytes`);
      }
      for (const line of lines) {
        if (!line.startsWith('data:')) continue;
        let json: unknown;
        try {
          json = JSON.parse(line.slice('data:'.length));
        } catch {
          continue;
        }
        const event = storyChangeEventSchema.safeParse(json);
        if (event.success) options.onChange(event.data);
      }
    }
  };

  const run = async (): Promise<void> => {
    retryTimer = null;
    try {
      const response = await doFetch(`${options.serverUrl}${EVENTS_PATH}`, {
        headers: { authorization: `Bearer ${options.token}`, accept: 'text/event-stream' },
        signal: abort.signal,
        redirect: 'error',
      });
      if (!response.ok || !response.body) {
        await response.body?.cancel();
        throw new Error(`the server answered HTTP ${response.status}`);
      }
      retryMs = firstRetryMs;
      options.onChange(null);
      await readStream(response.body);
    } catch (error) {
      if (closed) return;
      options.log?.(`The newsroom server's event stream at ${options.serverUrl} failed: ${error instanceof Error ? error.message : String(error)}.`);
    }
    if (closed) return;
    retryTimer = setTimeout(() => void run(), retryMs);
    retryTimer.unref();
    retryMs = Math.min(retryMs * 2, maxRetryMs);
  };

  void run();
  return {
    close() {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      abort.abort();
    },
  };
}
