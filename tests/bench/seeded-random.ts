// Runs in: the benchmark script (Node). A small deterministic PRNG (mulberry32) so every run
// generates the same text, plus Zipf-weighted picks for word frequencies that look like language.
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** Picks with weight 1/rank: the first items are common, the last ones rare. */
  zipf<T>(items: readonly T[]): T;
}

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const cumulative = new WeakMap<readonly unknown[], number[]>();
  const weightsOf = (items: readonly unknown[]) => {
    let sums = cumulative.get(items);
    if (!sums) {
      let total = 0;
      sums = items.map((_, i) => (total += 1 / (i + 1)));
      cumulative.set(items, sums);
    }
    return sums;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)] as (typeof items)[number],
    zipf: (items) => {
      const sums = weightsOf(items);
      const target = next() * (sums[sums.length - 1] as number);
      let lo = 0;
      let hi = sums.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((sums[mid] as number) < target) lo = mid + 1;
        else hi = mid;
      }
      return items[lo] as (typeof items)[number];
    },
  };
}
