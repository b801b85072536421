// Runs in: vitest (Node). The benchmark's statistics: nearest-rank median and p95, the max, and the
// count of keys over 50 ms that a p95 alone would hide.
import { describe, expect, it } from 'vitest';
import { countOver, SLOW_MS, stats } from '../bench/stats';

describe('stats', () => {
  it('takes the nearest-rank median and p95 of unsorted samples', () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i); // 100 … 1
    const s = stats(samples);
    expect(s.n).toBe(100);
    expect(s.median).toBe(50);
    expect(s.p95).toBe(95);
    expect(s.max).toBe(100);
  });

  it('counts the samples over 50 ms, which the p95 does not show when they are few', () => {
    const samples = [...Array.from({ length: 97 }, () => 4), 51, 300, 50];
    const s = stats(samples);
    expect(s.p95).toBe(4);
    expect(s.slow).toBe(2);
    expect(s.max).toBe(300);
  });

  it('keeps the threshold strict and at 50 ms', () => {
    expect(SLOW_MS).toBe(50);
    expect(countOver([49.9, 50, 50.1], SLOW_MS)).toBe(1);
  });

  it('says NaN for no samples rather than a number', () => {
    const s = stats([]);
    expect(s.n).toBe(0);
    expect(Number.isNaN(s.p95)).toBe(true);
    expect(s.slow).toBe(0);
  });

  it('handles a single sample', () => {
    expect(stats([7])).toEqual({ n: 1, median: 7, p95: 7, max: 7, slow: 0 });
  });
});
