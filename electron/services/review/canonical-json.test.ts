// Runs in: tests (node). The content hash is the same on both machines for the same article.
import { describe, expect, it } from 'vitest';
import { canonicalJson, contentHash } from './canonical-json';

describe('canonical JSON', () => {
  it('gives the same text whatever order the keys were written in', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: 'x' } })).toBe('{"a":{"c":"x","d":[2,{"y":2,"z":1}]},"b":1}');
    expect(contentHash({ b: 1, a: 2 })).toBe(contentHash({ a: 2, b: 1 }));
  });

  it('changes the hash when any value changes, and ignores undefined members', () => {
    expect(contentHash({ headline: 'Flood' })).not.toBe(contentHash({ headline: 'Floods' }));
    expect(contentHash({ a: 1, b: undefined })).toBe(contentHash({ a: 1 }));
    expect(contentHash({ a: 1 })).toMatch(/^[0-9a-f]{64}$/);
  });
});
