// Runs in: the newsroom server. A token bucket: `perSecond` messages on average, `burst` at once.
export interface RateLimiter {
  /** Takes one token; false when the bucket is empty. */
  take(now?: number): boolean;
}

export function createRateLimiter(perSecond: number, burst: number): RateLimiter {
  let tokens = burst;
  let last = Date.now();
  return {
    take(now = Date.now()) {
      tokens = Math.min(burst, tokens + ((now - last) / 1000) * perSecond);
      last = now;
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
  };
}
