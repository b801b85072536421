// Runs in: vitest (node). Publishing and the review hub settle twins by one rule: the lowest id stays.
import { describe, expect, it } from 'vitest';
import { canonicalPost, olderTwin } from './twin-posts';

const post = (id: number, status = 'publish', slug = `story-${id}`) => ({ id, status, slug });

describe('twin posts', () => {
  it('the review hub gives way to the earliest post of the same article created before its own', () => {
    const found = [post(14), post(9), post(12), post(11)];
    expect(olderTwin(found, 12, (p) => p.id !== 9)?.id).toBe(11);
    expect(olderTwin(found, 11, (p) => p.id !== 9)).toBeNull();
    expect(olderTwin([], 5, () => true)).toBeNull();
  });

  it('publishing agrees on a post past the marker stage, else the first marker draft', () => {
    expect(canonicalPost([post(7, 'draft', 'dateline-job0000000002'), post(8), post(6, 'draft', 'dateline-job0000000001')])?.id).toBe(8);
    expect(canonicalPost([post(7, 'draft', 'dateline-job0000000002'), post(6, 'draft', 'dateline-job0000000001')])?.id).toBe(6);
    expect(canonicalPost([])).toBeNull();
  });
});
