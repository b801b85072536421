// Runs in: vitest (node). Publish statuses are Dateline's words; the words earlier versions sent
// and stored (WordPress's) are still read, as Dateline's.
import { describe, expect, it } from 'vitest';
import { publishOptionsSchema } from './publish-job';
import { PUBLISH_STATUSES, publishStatusSchema } from './publish-status';

describe('publish statuses', () => {
  it('are Dateline’s own words', () => {
    expect(PUBLISH_STATUSES).toEqual(['published', 'scheduled', 'draft', 'submitted']);
    for (const status of PUBLISH_STATUSES) expect(publishStatusSchema.parse(status)).toBe(status);
  });

  it('reads the words earlier versions stored as Dateline’s', () => {
    expect(publishStatusSchema.parse('publish')).toBe('published');
    expect(publishStatusSchema.parse('future')).toBe('scheduled');
    expect(publishStatusSchema.parse('pending')).toBe('submitted');
    expect(publishOptionsSchema.parse({ status: 'future', scheduledAt: '2026-12-01T08:00:00+08:00' })).toMatchObject({ status: 'scheduled' });
  });

  it('refuses anything else', () => {
    for (const other of ['private', 'trash', 'PUBLISH', '', 'constructor', 'toString', 1, null]) expect(publishStatusSchema.safeParse(other).success).toBe(false);
  });
});
