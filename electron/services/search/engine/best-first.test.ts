// Runs in: tests (node). A query's matches come out best first, ties in document order, as a
// comparator sort would give them, at any size.
import { describe, expect, it } from 'vitest';
import { bestFirst } from './best-first';

const bySort = (docs: number[], scores: Float64Array) => [...docs].sort((a, b) => scores[b]! - scores[a]! || a - b);

describe('bestFirst', () => {
  it('orders thousands of matches as a comparator sort does, ties included', () => {
    const scores = new Float64Array(30_000);
    // Few distinct values: many ties, as BM25 gives for short fields with one occurrence.
    for (let i = 0; i < scores.length; i++) scores[i] = 0.5 + ((i * 7919) % 37) / 3;
    const docs = Array.from({ length: 12_000 }, (_, i) => (i * 13) % 30_000);
    expect(bestFirst(docs, scores)).toEqual(bySort(docs, scores));
  });

  it('keeps apart scores that differ in their last digits, and handles few matches and large numbers', () => {
    const scores = new Float64Array(2_000_000);
    const docs = Array.from({ length: 500 }, (_, i) => i * 3);
    docs.forEach((doc, i) => (scores[doc] = 1 + i * 1e-9));
    expect(bestFirst(docs, scores)).toEqual(bySort(docs, scores));
    expect(bestFirst([5, 2, 9], Float64Array.from({ length: 10 }, (_, i) => i))).toEqual([9, 5, 2]);
    const far = [...docs, 1_500_000];
    scores[1_500_000] = 0.25;
    expect(bestFirst(far, scores)).toEqual(bySort(far, scores));
  });

  it('orders near-equal scores the same way whether there are few matches or many', () => {
    const few = Array.from({ length: 63 }, (_, i) => i);
    const many = Array.from({ length: 64 }, (_, i) => i);
    const scores = new Float64Array(64).fill(1);
    scores[5] = 1 + 2 ** -40;
    expect(bestFirst(few, scores)[0]).toBe(bestFirst(many, scores)[0]);
  });
});
