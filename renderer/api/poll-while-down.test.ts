// Runs in: vitest (Node, fake timers). The fallback poll runs only while the event stream is down.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createEventSubscription } from './event-subscription';
import { pollWhileDown } from './poll-while-down';
import { testEventConnection } from '../../tests/support/test-event-connection';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('poll while down', () => {
  it('polls while the stream is down, stops while it is live, and for good when stopped', () => {
    const connection = testEventConnection();
    const events = createEventSubscription(connection);
    let polls = 0;
    const stop = pollWhileDown(events, () => (polls += 1), 1_000);
    // Not connected yet: the fallback runs.
    vi.advanceTimersByTime(3_000);
    expect(polls).toBe(3);
    connection.open();
    vi.advanceTimersByTime(60_000);
    expect(polls).toBe(3);
    connection.down();
    vi.advanceTimersByTime(2_000);
    expect(polls).toBe(5);
    connection.open();
    vi.advanceTimersByTime(60_000);
    expect(polls).toBe(5);
    connection.down();
    stop();
    vi.advanceTimersByTime(60_000);
    expect(polls).toBe(5);
  });
});
