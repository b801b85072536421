// Runs in: vitest (Node). The event streams are bounded: no more than the limit are open, and a
// reader that does not read is dropped once too much waits unsent for it.
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { waitUntil } from '../../tests/support/wait-until';
import { createStoryEventStream, MAX_UNSENT_BYTES, type StoryEventStream } from './story-event-stream';

const desk = { name: 'Ana Desk', role: 'editor' as const };

describe('story event streams', () => {
  let server: Server | null = null;
  let events: StoryEventStream | null = null;
  afterEach(async () => {
    events?.close();
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
  });

  async function serve(maxStreams: number): Promise<{ open(): Promise<IncomingMessage>; refused: number[] }> {
    const stream = createStoryEventStream(maxStreams);
    events = stream;
    const refused: number[] = [];
    server = createServer((request, response) => {
      if (!stream.serve(desk, request, response)) {
        refused.push(503);
        response.writeHead(503).end();
      }
    });
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const open = () => new Promise<IncomingMessage>((resolve, reject) => httpRequest({ host: '127.0.0.1', port, path: '/api/events' }, resolve).on('error', reject).end());
    return { open, refused };
  }

  it('refuses a stream past the limit', async () => {
    const { open, refused } = await serve(1);
    const first = await open();
    expect(first.statusCode).toBe(200);
    const second = await open();
    expect(second.statusCode).toBe(503);
    expect(refused).toEqual([503]);
    expect(events?.count()).toBe(1);
  });

  it('drops a reader that lets more than the bound pile up', async () => {
    const { open } = await serve(10);
    const reader = await open();
    reader.pause();
    expect(events?.count()).toBe(1);
    // Far more than the socket buffers and the bound together: the stream must be dropped, not grow.
    const story = { id: 'x'.repeat(80), owner: 'Li Wei', status: 'submitted' as const };
    for (let i = 0; i < 200 && (events?.count() ?? 0) > 0; i++) for (let j = 0; j < 1_000; j++) events?.announce(story);
    await waitUntil(() => events?.count() === 0, `the stream to be dropped past ${MAX_UNSENT_BYTES} unsent bytes`);
  });
});
