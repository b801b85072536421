// Runs in: tests (node). Confirmations go away by themselves; errors and notices naming a file stay until dismissed.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createUiStore, INFO_NOTICE_MS } from './ui-store';

afterEach(() => vi.useRealTimers());

describe('ui store notices', () => {
  it('a plain confirmation leaves after a while; an error and a confirmation with a file path stay', () => {
    vi.useFakeTimers();
    const ui = createUiStore();
    ui.getState().showInfo('Sent to the desk.');
    ui.getState().showInfo('Exported.', '/home/li/Exports/story.html');
    ui.getState().showError('The disk is full.');
    expect(ui.getState().notices.map((n) => n.message)).toEqual(['Sent to the desk.', 'Exported.', 'The disk is full.']);
    vi.advanceTimersByTime(INFO_NOTICE_MS);
    expect(ui.getState().notices.map((n) => n.message)).toEqual(['Exported.', 'The disk is full.']);
  });
});
