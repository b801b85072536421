// Runs in: the benchmark script (Node). Median, p95, max and the count of slow samples of a set of
// timings (nearest-rank percentiles).
export interface Stats {
  n: number;
  median: number;
  p95: number;
  max: number;
  /** Samples over SLOW_MS: the keys a reader feels, which a p95 hides when they are rare. */
  slow: number;
}

/** A key that takes longer than this is felt (RAIL's 50 ms budget for handling input). */
export const SLOW_MS = 50;

export function stats(samples: readonly number[]): Stats {
  if (samples.length === 0) return { n: 0, median: Number.NaN, p95: Number.NaN, max: Number.NaN, slow: 0 };
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] as number;
  return { n: sorted.length, median: rank(0.5), p95: rank(0.95), max: sorted[sorted.length - 1] as number, slow: countOver(sorted, SLOW_MS) };
}

/** How many samples are strictly over `limitMs`. */
export function countOver(samples: readonly number[], limitMs: number): number {
  let count = 0;
  for (const value of samples) if (value > limitMs) count += 1;
  return count;
}
