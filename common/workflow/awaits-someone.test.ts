// Runs in: vitest (node).
import { describe, expect, it } from 'vitest';
import { articleStatusSchema } from '../article';
import { awaitsSomeone } from './awaits-someone';

describe('awaitsSomeone', () => {
  it('a submitted or returned story waits; a published, approved, scheduled or spiked one never does', () => {
    const waiting = articleStatusSchema.options.filter(awaitsSomeone);
    expect(waiting).toEqual(['submitted', 'changes_requested']);
    for (const status of ['published', 'approved', 'scheduled', 'spiked'] as const) expect(awaitsSomeone(status)).toBe(false);
  });
});
