// Runs in: tests (node). The search index opens once: after the first answer, when something needs
// it sooner, or at the latest after a while; never again, and not after the services closed.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSearchOpenGate, SEARCH_OPEN_LATEST_MS } from './search-open-gate';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('search open gate', () => {
  it('opens on the turn after the first answer, once', async () => {
    let opens = 0;
    const gate = createSearchOpenGate(() => opens++);
    gate.afterThisAnswer();
    expect(opens).toBe(0);
    await vi.advanceTimersToNextTimerAsync();
    expect(opens).toBe(1);
    gate.afterThisAnswer();
    gate.now();
    await vi.advanceTimersByTimeAsync(SEARCH_OPEN_LATEST_MS);
    expect(opens).toBe(1);
  });

  it('opens at once when needed sooner', () => {
    let opens = 0;
    const gate = createSearchOpenGate(() => opens++);
    gate.now();
    expect(opens).toBe(1);
  });

  it('opens at the latest after a while when nobody asks, and not at all once cancelled', async () => {
    let opens = 0;
    createSearchOpenGate(() => opens++);
    let cancelledOpens = 0;
    createSearchOpenGate(() => cancelledOpens++).cancel();
    await vi.advanceTimersByTimeAsync(SEARCH_OPEN_LATEST_MS);
    expect(opens).toBe(1);
    expect(cancelledOpens).toBe(0);
  });
});
