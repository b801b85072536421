// Runs in: vitest (Node). The newsroom event stream as the services read it: events that fit the
// protocol count, anything else is ignored, an over-long line ends the stream, and a dropped or
// refused stream is opened again (each opening counts as a change, since pushes were missed).
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_EVENT_LINE_BYTES, type StoryChangeEvent } from '../../../common/collab/newsroom-server-protocol';
import { waitUntil } from '../../../tests/support/wait-until';
import { followNewsroomQueue, type NewsroomQueueFeed } from './newsroom-queue-feed';

/** A fetch whose every call answers with the next scripted stream (chunks, then the end), or a status. */
function scriptedFetch(answers: (string[] | number)[]): { fetch: typeof fetch; calls: RequestInit[] } {
  const calls: RequestInit[] = [];
  const fetchFake = async (_url: string | URL | Request, init?: RequestInit) => {
    calls.push(init ?? {});
    const answer = answers.shift();
    if (answer === undefined) return new Response(new ReadableStream({ start: () => undefined }), { status: 200 });
    if (typeof answer === 'number') return new Response('no', { status: answer });
    const encoder = new TextEncoder();
    return new Response(
      new ReadableStream<Uint8Array>({
        start(controller) {
          for (const chunk of answer) controller.enqueue(encoder.encode(chunk));
          controller.close();
        },
      }),
      { status: 200 },
    );
  };
  return { fetch: fetchFake as typeof fetch, calls };
}

describe('following the newsroom server’s event stream', () => {
  let feed: NewsroomQueueFeed | null = null;
  afterEach(() => feed?.close());

  it('counts events that fit the protocol, split across chunks, and ignores the rest', async () => {
    const heard: (StoryChangeEvent | null)[] = [];
    const { fetch, calls } = scriptedFetch([
      [': open\n\n', 'data: {"type":"story.changed","id":"a1","sta', 'tus":"submitted"}\n\n', 'data: not json\n\n', 'data: {"type":"story.changed","id":"a2","status":"nonsense"}\n\n', ': ping\n\n'],
    ]);
    feed = followNewsroomQueue({ serverUrl: 'http://news.test', token: 'dln_x', fetch, onChange: (event) => heard.push(event), retryMs: 1 });
    await waitUntil(() => calls.length >= 2, 'the stream to end and be opened again');
    expect(heard.slice(0, 2)).toEqual([null, { type: 'story.changed', id: 'a1', status: 'submitted' }]);
    expect(heard.filter((event) => event !== null)).toHaveLength(1);
    expect(new Headers(calls[0]?.headers).get('authorization')).toBe('Bearer dln_x');
  });

  it('ends a stream with an over-long line, and opens again after a refusal', async () => {
    const heard: (StoryChangeEvent | null)[] = [];
    const { fetch, calls } = scriptedFetch([[`data: ${'x'.repeat(MAX_EVENT_LINE_BYTES + 10)}`, '\n\ndata: {"type":"story.changed","id":"late","status":"approved"}\n\n'], 503]);
    const logged: string[] = [];
    feed = followNewsroomQueue({ serverUrl: 'http://news.test', token: 'dln_x', fetch, onChange: (event) => heard.push(event), retryMs: 1, log: (line) => logged.push(line) });
    await waitUntil(() => calls.length >= 3, 'the stream to be opened again after the refusal');
    expect(heard.some((event) => event?.id === 'late')).toBe(false);
    expect(logged.some((line) => line.includes('longer than'))).toBe(true);
    expect(logged.some((line) => line.includes('HTTP 503'))).toBe(true);
  });
});
