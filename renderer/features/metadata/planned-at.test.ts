// Runs in: tests (node). A planned publish time typed as local wall time is stored as ISO with its offset.
import { describe, expect, it } from 'vitest';
import { articleMetaSchema } from '../../../common/article';
import { isoToLocalInput, localInputToIso } from './planned-at';

describe('planned publish time', () => {
  it('round-trips a local wall time through ISO with offset, accepted by the article schema', () => {
    const iso = localInputToIso('2026-11-25T09:30');
    expect(iso).toMatch(/^2026-11-25T09:30:00[+-]\d{2}:\d{2}$/);
    expect(articleMetaSchema.parse({ plannedAt: iso }).plannedAt).toBe(iso);
    expect(isoToLocalInput(iso)).toBe('2026-11-25T09:30');
  });

  it('an emptied field clears the time', () => {
    expect(localInputToIso('')).toBeNull();
    expect(isoToLocalInput(null)).toBe('');
  });
});
