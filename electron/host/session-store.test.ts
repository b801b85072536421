// Runs in: vitest (Node). Each launch-link visit opens its own session; a flood of them cannot grow without end.
import { describe, expect, it } from 'vitest';
import { createSessionStore } from './session-store';

describe('session store', () => {
  it('knows the sessions it opened and nothing else', () => {
    const sessions = createSessionStore();
    const first = sessions.open();
    const second = sessions.open();
    expect(first).not.toBe(second);
    expect(sessions.has(first)).toBe(true);
    expect(sessions.has(second)).toBe(true);
    expect(sessions.has(null)).toBe(false);
    expect(sessions.has('')).toBe(false);
    expect(sessions.has(`${first}x`)).toBe(false);
    expect(createSessionStore().has(first)).toBe(false);
  });

  it('forgets the oldest session once it holds the maximum', () => {
    const sessions = createSessionStore(3);
    const opened = [sessions.open(), sessions.open(), sessions.open(), sessions.open()];
    expect(opened.map((id) => sessions.has(id))).toEqual([false, true, true, true]);
  });
});
