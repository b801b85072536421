// @vitest-environment happy-dom
// Runs in: tests (happy-dom). A shown value follows the real one once it stops changing, or at once.
import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useSettledValue } from './use-settled-value';

afterEach(() => vi.useRealTimers());

describe('useSettledValue', () => {
  it('follows once the value has stopped changing for the delay, and at once when immediate', () => {
    vi.useFakeTimers();
    const { result, rerender } = renderHook(({ value, immediate }) => useSettledValue(value, 700, immediate), { initialProps: { value: 'council', immediate: false } });
    rerender({ value: 'council-v', immediate: false });
    act(() => vi.advanceTimersByTime(400));
    rerender({ value: 'council-vote', immediate: false });
    act(() => vi.advanceTimersByTime(400));
    expect(result.current).toBe('council');
    act(() => vi.advanceTimersByTime(300));
    expect(result.current).toBe('council-vote');
    rerender({ value: 'my-own-slug', immediate: true });
    expect(result.current).toBe('my-own-slug');
  });
});
