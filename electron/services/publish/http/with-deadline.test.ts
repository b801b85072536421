// Runs in: tests (node). The deadline holds even when the exchange ignores its abort signal (as
// Node 20's fetch can after garbage collection cut its link to the caller's signal).
import { describe, expect, it, vi } from 'vitest';
import { withDeadline } from './with-deadline';

describe('withDeadline', () => {
  it('rejects with a TimeoutError when the exchange never settles and ignores its signal', async () => {
    let timedOut = () => false;
    const never = new Promise<string>(() => undefined);
    const error = await withDeadline(30, undefined, (deadline) => {
      timedOut = deadline.timedOut;
      return never;
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'TimeoutError' });
    expect(timedOut()).toBe(true);
  });

  it('rejects with the parent’s reason when the parent aborts first, and says it was not the deadline', async () => {
    const parent = new AbortController();
    let timedOut = () => true;
    const pending = withDeadline(5_000, parent.signal, (deadline) => {
      timedOut = deadline.timedOut;
      return new Promise<string>(() => undefined);
    }).catch((e: unknown) => e);
    parent.abort(new Error('cancelled by the person'));
    expect(await pending).toMatchObject({ message: 'cancelled by the person' });
    expect(timedOut()).toBe(false);
  });

  it('passes the result through and aborts nothing afterwards', async () => {
    vi.useFakeTimers();
    try {
      let signal: AbortSignal | null = null;
      const value = await withDeadline(20, undefined, async (deadline) => {
        signal = deadline.signal;
        return 'ok';
      });
      expect(value).toBe('ok');
      // The deadline's timer is gone, so it can never fire.
      expect(vi.getTimerCount()).toBe(0);
      vi.advanceTimersByTime(40);
      expect((signal as AbortSignal | null)?.aborted).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });
});
