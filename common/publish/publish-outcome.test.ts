// Runs in: vitest (node). What the publish dialog says will happen, and the status it opens on.
import { describe, expect, it } from 'vitest';
import { defaultPublishStatus, publishOutcome } from './publish-outcome';

const NOW = new Date('2026-11-25T10:00:00+08:00');

describe('publish outcome', () => {
  it('publishing now says so; scheduling names the time only when it is still ahead', () => {
    expect(publishOutcome({ status: 'published', scheduledAt: null }, NOW)).toEqual({ kind: 'now' });
    expect(publishOutcome({ status: 'scheduled', scheduledAt: '2026-11-25T18:00:00+08:00' }, NOW)).toEqual({ kind: 'scheduled', scheduledAt: '2026-11-25T18:00:00+08:00' });
    expect(publishOutcome({ status: 'scheduled', scheduledAt: '2026-11-25T09:00:00+08:00' }, NOW)).toEqual({ kind: 'unknown' });
    expect(publishOutcome({ status: 'scheduled', scheduledAt: null }, NOW)).toEqual({ kind: 'unknown' });
    expect(publishOutcome({ status: 'submitted', scheduledAt: null }, NOW)).toEqual({ kind: 'submitted' });
  });

  it('a story planned for later opens on scheduling; a past or missing plan opens on the first choice', () => {
    expect(defaultPublishStatus(['published', 'scheduled'], '2026-11-25T18:00:00+08:00', NOW)).toBe('scheduled');
    expect(defaultPublishStatus(['published', 'scheduled'], '2026-11-25T09:00:00+08:00', NOW)).toBe('published');
    expect(defaultPublishStatus(['published', 'scheduled'], null, NOW)).toBe('published');
    expect(defaultPublishStatus(['draft', 'submitted'], '2026-11-25T18:00:00+08:00', NOW)).toBe('draft');
  });
});
