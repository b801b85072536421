// Runs in: services. How long a job that could not reach its backend waits before the next try:
// doubling from 2 s up to 5 min, with jitter so many queued jobs do not retry in lockstep.
export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
  /** 0..1; injectable so tests are exact. */
  random: () => number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 2_000, maxMs: 5 * 60_000, random: Math.random };

/** Delay before attempt `attempts + 1`, after `attempts` (≥ 1) failed tries: 75–125 % of base·2^(attempts−1), capped. */
export function backoffDelay(attempts: number, policy: BackoffPolicy): number {
  const exponential = policy.baseMs * 2 ** Math.max(0, Math.min(attempts - 1, 30));
  const jittered = Math.min(exponential, policy.maxMs) * (0.75 + policy.random() * 0.5);
  return Math.round(Math.min(jittered, policy.maxMs));
}
