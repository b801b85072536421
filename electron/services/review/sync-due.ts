// Runs in: services. When work waiting for the review hub is offered again by the periodic sync.
// A hub that cannot be reached, or fails for a while (5xx), is tried every run (a share can come
// back at any moment, and a failed try costs little). A hub that answered and refused (a damaged
// package, a permission) is tried less and less often — 30 s, 1 min, 2 min … up to every 30 min,
// counted over the refusals in a row — so a refusal nobody has fixed yet does not rewrite a
// WordPress post twice a minute all day. "Send now" and the network coming back try at once.

export const FIRST_RETRY_MS = 30_000;
export const MAX_RETRY_MS = 30 * 60_000;

export interface WaitingWork {
  /** Refusals in a row (an unreachable hub in between starts the count again). */
  refusals: number;
  refused: boolean;
  /** When the last try was made (ISO 8601); null before the first. */
  lastTriedAt: string | null;
}

export function retryDelayMs(refusals: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, refusals - 1), MAX_RETRY_MS);
}

export function isSyncDue(work: WaitingWork, now: Date): boolean {
  if (!work.refused || work.lastTriedAt === null) return true;
  return now.getTime() - Date.parse(work.lastTriedAt) >= retryDelayMs(work.refusals);
}
