// Runs in: vitest (node). The per-connection message rate limit.
import { expect, it } from 'vitest';
import { createRateLimiter } from './rate-limiter';

it('allows a burst, then the average rate, and refuses the rest', () => {
  const limiter = createRateLimiter(10, 5);
  const start = Date.now();
  const burst = Array.from({ length: 8 }, () => limiter.take(start));
  expect(burst.filter(Boolean)).toHaveLength(5);
  expect(limiter.take(start + 100)).toBe(true);
  expect(limiter.take(start + 100)).toBe(false);
  expect(limiter.take(start + 10_000)).toBe(true);
});
