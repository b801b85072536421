// Runs in: vitest (Node, fake timers). The Server-Sent Events connection: valid events pass,
// anything else is dropped; errors report the stream down; a stream the host closed is tried anew.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DatelineEvent } from '../../common/contract-events';
import { sseConnection, type EventSourceLike } from './sse-connection';

class FakeSource implements EventSourceLike {
  readyState = 0;
  onopen: ((event: Event) => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  closed = false;
  constructor(readonly url: string) {}
  close(): void {
    this.closed = true;
    this.readyState = 2;
  }
  open(): void {
    this.readyState = 1;
    this.onopen?.(new Event('open'));
  }
  message(data: string): void {
    this.onmessage?.(new MessageEvent('message', { data }));
  }
  fail(closed: boolean): void {
    this.readyState = closed ? 2 : 0;
    this.onerror?.(new Event('error'));
  }
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function start() {
  const sources: FakeSource[] = [];
  const heard: DatelineEvent[] = [];
  const log: string[] = [];
  const stop = sseConnection({
    url: '/events',
    retryMs: 5_000,
    createSource: (url) => {
      const source = new FakeSource(url);
      sources.push(source);
      return source;
    },
  }).start({ event: (event) => heard.push(event), open: () => log.push('open'), down: () => log.push('down') });
  return { sources, heard, log, stop };
}

describe('SSE connection', () => {
  it('passes events that match their schema and drops the rest', () => {
    const { sources, heard, log } = start();
    const source = sources[0] as FakeSource;
    expect(source.url).toBe('/events');
    source.open();
    source.message(JSON.stringify({ name: 'review.queueChanged', payload: { waiting: 1 } }));
    source.message('{not json');
    source.message(JSON.stringify({ name: 'review.queueChanged', payload: { waiting: 'x' } }));
    source.message(JSON.stringify({ name: 'eval', payload: {} }));
    expect(heard).toEqual([{ name: 'review.queueChanged', payload: { waiting: 1 } }]);
    expect(log).toEqual(['open']);
  });

  it('reports the stream down on an error and open again when EventSource reconnects by itself', () => {
    const { sources, log } = start();
    const source = sources[0] as FakeSource;
    source.open();
    source.fail(false);
    source.open();
    expect(log).toEqual(['open', 'down', 'open']);
    expect(sources).toHaveLength(1);
  });

  it('opens a new stream after a pause when the host closed it, and none once stopped', () => {
    const { sources, log, stop } = start();
    (sources[0] as FakeSource).fail(true);
    expect(log).toEqual(['down']);
    expect(sources).toHaveLength(1);
    vi.advanceTimersByTime(5_000);
    expect(sources).toHaveLength(2);
    (sources[1] as FakeSource).open();
    expect(log).toEqual(['down', 'open']);
    (sources[1] as FakeSource).fail(true);
    stop();
    vi.advanceTimersByTime(60_000);
    expect(sources).toHaveLength(2);
    expect((sources[1] as FakeSource).closed).toBe(true);
  });
});
