// Runs in: the newsroom server. GET /api/events: a Server-Sent Events stream per signed-in app,
// which the node writes a StoryChangeEvent to whenever a story that account may open changes
// status on any node (the node hears every change through the database's NOTIFY). The app's review
// queue and badge follow it instead of polling. Streams are bounded in number and in what may wait
// unsent for a slow reader, and a comment line every HEARTBEAT_MS keeps idle proxies from closing them.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { StoryChangeEvent } from '../../common/collab/newsroom-server-protocol';
import type { Account } from '../accounts/account-store';
import { canOpen, type StoryRow } from '../stories/story-store';

export const MAX_EVENT_STREAMS = 2_000;
/** A stream whose reader lets this much pile up unsent is ended (the app opens it again and rereads the queue). */
export const MAX_UNSENT_BYTES = 256 * 1024;
const HEARTBEAT_MS = 25_000;

export interface StoryEventStream {
  /** Takes over the response; false when too many streams are open (the caller answers 503). */
  serve(account: Account, request: IncomingMessage, response: ServerResponse): boolean;
  /** Tells every stream whose account may open the story. */
  announce(story: Pick<StoryRow, 'id' | 'owner' | 'status'>): void;
  /** The streams open now (of the account named, when given). */
  count(accountName?: string): number;
  close(): void;
}

export function createStoryEventStream(maxStreams = MAX_EVENT_STREAMS): StoryEventStream {
  const streams = new Map<ServerResponse, Account>();
  const write = (response: ServerResponse, text: string) => {
    if (response.writableLength + text.length > MAX_UNSENT_BYTES) {
      streams.delete(response);
      response.destroy();
      return;
    }
    response.write(text);
  };
  const heartbeat = setInterval(() => {
    for (const response of streams.keys()) write(response, ': ping\n\n');
  }, HEARTBEAT_MS);
  heartbeat.unref();

  return {
    serve(account, request, response) {
      if (streams.size >= maxStreams) return false;
      response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive', 'x-accel-buffering': 'no' });
      response.write(': open\n\n');
      streams.set(response, account);
      const drop = () => streams.delete(response);
      request.on('close', drop);
      response.on('close', drop);
      return true;
    },
    announce(story) {
      const event: StoryChangeEvent = { type: 'story.changed', id: story.id, status: story.status };
      const line = `data: ${JSON.stringify(event)}\n\n`;
      for (const [response, account] of streams) if (canOpen({ ...story, updated_at: '' }, account)) write(response, line);
    },
    count: (accountName) => (accountName === undefined ? streams.size : [...streams.values()].filter((account) => account.name === accountName).length),
    close() {
      clearInterval(heartbeat);
      for (const response of streams.keys()) response.end();
      streams.clear();
    },
  };
}
