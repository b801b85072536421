// Runs in: tests (node). Counting waits until typing pauses, then for idle time.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createIdleDebounce } from './idle-debounce';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('idle debounce', () => {
  it('runs once after a burst of keystrokes', () => {
    vi.useFakeTimers();
    const task = vi.fn();
    const debounce = createIdleDebounce(task, 300);
    for (let i = 0; i < 5; i++) debounce.schedule();
    expect(task).not.toHaveBeenCalled();
    vi.runAllTimers();
    expect(task).toHaveBeenCalledTimes(1);
  });

  it('waits for the browser to be idle when it can', () => {
    vi.useFakeTimers();
    const idle: (() => void)[] = [];
    vi.stubGlobal('requestIdleCallback', (callback: () => void) => idle.push(callback));
    vi.stubGlobal('cancelIdleCallback', vi.fn());
    const task = vi.fn();
    createIdleDebounce(task, 300).schedule();
    vi.runAllTimers();
    expect(task).not.toHaveBeenCalled();
    expect(idle).toHaveLength(1);
    idle[0]!();
    expect(task).toHaveBeenCalledTimes(1);
  });

  it('does nothing once cancelled (the article was closed)', () => {
    vi.useFakeTimers();
    const task = vi.fn();
    const debounce = createIdleDebounce(task, 300);
    debounce.schedule();
    debounce.cancel();
    vi.runAllTimers();
    expect(task).not.toHaveBeenCalled();
  });
});
