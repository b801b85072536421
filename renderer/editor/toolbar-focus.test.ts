// Runs in: tests (node). The toolbar's one tab stop and where the arrow keys, Home and End take focus.
import { describe, expect, it } from 'vitest';
import { moveInToolbar, tabStopOf } from './toolbar-focus';

const ITEMS = ['bold', 'italic', 'photo', 'undo', 'redo'];
const usable = (item: string) => item !== 'undo' && item !== 'redo';

describe('toolbar focus', () => {
  it('the tab stop stays on the last button used, or falls back to the first usable one', () => {
    expect(tabStopOf(ITEMS, usable, null)).toBe('bold');
    expect(tabStopOf(ITEMS, usable, 'photo')).toBe('photo');
    expect(tabStopOf(ITEMS, usable, 'undo')).toBe('bold');
    expect(tabStopOf(ITEMS, () => false, 'bold')).toBeNull();
  });

  it('arrows wrap around and skip buttons that cannot be used; Home and End go to the ends', () => {
    expect(moveInToolbar('ArrowRight', ITEMS, usable, 'bold')).toBe('italic');
    expect(moveInToolbar('ArrowRight', ITEMS, usable, 'photo')).toBe('bold');
    expect(moveInToolbar('ArrowLeft', ITEMS, usable, 'bold')).toBe('photo');
    expect(moveInToolbar('End', ITEMS, usable, 'bold')).toBe('photo');
    expect(moveInToolbar('Home', ITEMS, usable, 'photo')).toBe('bold');
    expect(moveInToolbar('ArrowRight', ITEMS, () => true, 'undo')).toBe('redo');
  });

  it('other keys are left alone', () => {
    expect(moveInToolbar('Enter', ITEMS, usable, 'bold')).toBeNull();
    expect(moveInToolbar('Tab', ITEMS, usable, 'bold')).toBeNull();
  });
});
