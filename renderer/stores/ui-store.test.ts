// Runs in: vitest (node). The toasts: they leave by themselves unless they need the person, a newer
// one about the same subject replaces the older, and the session's list keeps them all.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ERROR_LIFETIME_MS, INFO_LIFETIME_MS } from './notice-lifetime';
import { createUiStore } from './ui-store';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const messages = (ui: ReturnType<typeof createUiStore>) => ui.getState().notices.map((n) => n.message);

describe('toasts', () => {
  it('a confirmation leaves by itself, an error a little later', () => {
    const ui = createUiStore();
    ui.getState().showInfo('Duplicated.');
    ui.getState().showError('The photo could not be read.');
    vi.advanceTimersByTime(INFO_LIFETIME_MS);
    expect(messages(ui)).toEqual(['The photo could not be read.']);
    vi.advanceTimersByTime(ERROR_LIFETIME_MS - INFO_LIFETIME_MS);
    expect(messages(ui)).toEqual([]);
  });

  it('one that names a file, carries an action or is marked persistent stays until dismissed', () => {
    const ui = createUiStore();
    ui.getState().showInfo('Exported to /exports/flood', '/exports/flood/index.html');
    ui.getState().notify({ kind: 'error', message: 'Not sent yet.', action: { label: 'Send now', run: () => undefined } });
    const pinned = ui.getState().notify({ kind: 'info', message: 'Pinned.', persistent: true });
    vi.advanceTimersByTime(10 * ERROR_LIFETIME_MS);
    expect(messages(ui)).toEqual(['Exported to /exports/flood', 'Not sent yet.', 'Pinned.']);
    expect(ui.getState().notices.every((n) => n.persistent)).toBe(true);
    ui.getState().dismiss(pinned);
    expect(messages(ui)).toEqual(['Exported to /exports/flood', 'Not sent yet.']);
  });

  it('a newer notice about the same subject replaces the older one, and has its own full time', () => {
    const ui = createUiStore();
    ui.getState().showInfo('Submitted for review.', undefined, { key: 'a1:review-status' });
    ui.getState().showInfo('Duplicated.');
    vi.advanceTimersByTime(INFO_LIFETIME_MS - 1);
    ui.getState().showInfo('Now Changes requested.', undefined, { key: 'a1:review-status' });
    expect(messages(ui)).toEqual(['Duplicated.', 'Now Changes requested.']);
    // The replaced toast's timer is gone: the new one stays its whole time.
    vi.advanceTimersByTime(INFO_LIFETIME_MS - 1);
    expect(messages(ui)).toEqual(['Now Changes requested.']);
    vi.advanceTimersByTime(1);
    expect(messages(ui)).toEqual([]);
  });

  it('a toast being read (hovered or focused) is held, and leaves after its time once released', () => {
    const ui = createUiStore();
    ui.getState().showInfo('Restored.');
    const id = ui.getState().notices[0]?.id ?? 0;
    ui.getState().hold(id);
    vi.advanceTimersByTime(5 * INFO_LIFETIME_MS);
    expect(messages(ui)).toEqual(['Restored.']);
    ui.getState().release(id);
    vi.advanceTimersByTime(INFO_LIFETIME_MS);
    expect(messages(ui)).toEqual([]);
  });

  it('at most four toasts at once; the session list keeps every notice, newest first, with its time, and counts the unread', () => {
    vi.setSystemTime(new Date('2026-12-06T09:30:00Z'));
    const ui = createUiStore();
    for (const n of [1, 2, 3, 4, 5, 6]) ui.getState().showError(`Problem ${n}.`, { key: `k${n}` });
    ui.getState().showInfo('Saved.', '/tmp/x.html');
    expect(messages(ui)).toEqual(['Problem 4.', 'Problem 5.', 'Problem 6.', 'Saved.']);
    vi.advanceTimersByTime(ERROR_LIFETIME_MS);
    expect(messages(ui)).toEqual(['Saved.']);
    const history = ui.getState().history;
    expect(history.map((n) => n.message)).toEqual(['Saved.', 'Problem 6.', 'Problem 5.', 'Problem 4.', 'Problem 3.', 'Problem 2.', 'Problem 1.']);
    expect(history[0]?.at).toBe(Date.parse('2026-12-06T09:30:00Z'));
    expect(ui.getState().unread).toBe(7);
    ui.getState().markRead();
    expect(ui.getState().unread).toBe(0);
  });

  it('dismissKey removes what is no longer true', () => {
    const ui = createUiStore();
    ui.getState().showInfo('Submitted for review.', undefined, { key: 'a1:review-status' });
    ui.getState().dismissKey('a1:review-status');
    expect(messages(ui)).toEqual([]);
  });
});
