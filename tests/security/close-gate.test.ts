// A reporter closes the window mid-sentence: it closes only after the page confirms the last
// edits are saved; if the save failed (disk full) or never answered, the reporter is asked, and
// "Keep editing" keeps the window and its text.
import { describe, expect, it, vi } from 'vitest';
import { CLOSE_FLUSH_TIMEOUT_MS, CloseGate, type CloseGateHooks } from '../../electron/main/close-gate';

function gate(answer: boolean) {
  const hooks = {
    requestFlush: vi.fn(),
    close: vi.fn(),
    confirmCloseUnsaved: vi.fn(async () => answer),
    setTimer: (fn: () => void, ms: number) => setTimeout(fn, ms),
    clearTimer: (handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  } satisfies CloseGateHooks;
  return { gate: new CloseGate(hooks), hooks };
}

describe('CloseGate', () => {
  it('holds the close until the page confirms the save, then closes once', () => {
    const { gate: g, hooks } = gate(false);
    expect(g.onCloseRequested()).toBe(false);
    expect(g.onCloseRequested()).toBe(false);
    expect(hooks.requestFlush).toHaveBeenCalledTimes(1);
    g.onFlushed(true);
    expect(hooks.close).toHaveBeenCalledTimes(1);
    expect(g.onCloseRequested()).toBe(true);
  });

  it('asks when the save failed; "Keep editing" keeps the window open', async () => {
    const { gate: g, hooks } = gate(false);
    g.onCloseRequested();
    g.onFlushed(false);
    await vi.waitFor(() => expect(hooks.confirmCloseUnsaved).toHaveBeenCalledWith('failed'));
    expect(hooks.close).not.toHaveBeenCalled();
    expect(g.onCloseRequested()).toBe(false);
    expect(hooks.requestFlush).toHaveBeenCalledTimes(2);
  });

  it('asks when the page never answers, and closes on "Close anyway"', async () => {
    vi.useFakeTimers();
    try {
      const { gate: g, hooks } = gate(true);
      g.onCloseRequested();
      await vi.advanceTimersByTimeAsync(CLOSE_FLUSH_TIMEOUT_MS);
      expect(hooks.confirmCloseUnsaved).toHaveBeenCalledWith('timeout');
      expect(hooks.close).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('ignores a stray flush answer when no close is waiting', () => {
    const { gate: g, hooks } = gate(true);
    g.onFlushed(true);
    expect(hooks.close).not.toHaveBeenCalled();
  });
});
