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

  it('with a longest wait, also runs while the keys go on, and once more when they pause', () => {
    vi.useFakeTimers();
    const task = vi.fn();
    const debounce = createIdleDebounce(task, 300, 1000);
    // Two and a half seconds of keys 100 ms apart: never a 300 ms pause.
    for (let t = 0; t < 2500; t += 100) {
      debounce.schedule();
      vi.advanceTimersByTime(100);
    }
    expect(task).toHaveBeenCalledTimes(2);
    vi.runAllTimers();
    expect(task).toHaveBeenCalledTimes(3);
  });

  it('without a longest wait, runs only when the keys pause', () => {
    vi.useFakeTimers();
    const task = vi.fn();
    const debounce = createIdleDebounce(task, 300);
    for (let t = 0; t < 2500; t += 100) {
      debounce.schedule();
      vi.advanceTimersByTime(100);
    }
    expect(task).not.toHaveBeenCalled();
    vi.runAllTimers();
    expect(task).toHaveBeenCalledTimes(1);
  });

  it('with a longest wait, a run waiting for idle time is not dropped by the next key', () => {
    vi.useFakeTimers();
    const idle: (() => void)[] = [];
    vi.stubGlobal('requestIdleCallback', (callback: () => void) => idle.push(callback));
    const cancel = vi.fn();
    vi.stubGlobal('cancelIdleCallback', cancel);
    const task = vi.fn();
    const debounce = createIdleDebounce(task, 300, 1000);
    for (let t = 0; t < 1100; t += 100) {
      debounce.schedule();
      vi.advanceTimersByTime(100);
    }
    expect(idle).toHaveLength(1);
    expect(cancel).not.toHaveBeenCalled();
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
