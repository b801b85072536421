import { describe, expect, it } from 'vitest';
import { lastPublicationTarget } from './last-publication-target';

describe('where a story went last', () => {
  it('is the target of its latest publication, whatever the order of the records', () => {
    expect(
      lastPublicationTarget([
        { targetId: 't-folder', publishedAt: '2026-11-20T08:00:00Z' },
        { targetId: 't-wordpress1', publishedAt: '2026-11-25T09:00:00+08:00' },
        { targetId: 't-ghost', publishedAt: '2026-11-24T09:00:00Z' },
      ]),
    ).toBe('t-wordpress1');
  });

  it('is nowhere for a story never published', () => {
    expect(lastPublicationTarget([])).toBeNull();
  });
});
