// Runs in: tests (node). Who starts in Suggesting mode.
import { describe, expect, it } from 'vitest';
import { suggestByDefault } from './suggest-by-default';

describe('suggestByDefault', () => {
  it('is on for an editor on someone else story, off otherwise', () => {
    expect(suggestByDefault({ name: 'Sam Editor', role: 'editor' }, 'Li Wei')).toBe(true);
    expect(suggestByDefault({ name: 'Sam Editor', role: 'editor' }, ' sam editor ')).toBe(false);
    expect(suggestByDefault({ name: 'Li Wei', role: 'reporter' }, 'Ann Other')).toBe(false);
    expect(suggestByDefault({ name: 'Sam Editor', role: 'editor' }, null)).toBe(false);
    expect(suggestByDefault(null, 'Li Wei')).toBe(false);
  });
});
