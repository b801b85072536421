// Runs in: main, services, host and renderer. Which automatic snapshots to let go as they age, the
// way backup tools thin their history: every one of the last hour, then the newest of each hour
// for a day, the newest of each day for a month, and the newest of each week after that.
// Kept versions (named, before a publish or a workflow action) are never thinned.

export interface ThinnableVersion {
  id: string;
  /** When it was taken, ISO 8601. */
  at: string;
  /** Named, before a publish, before a workflow action: never thinned. */
  kept: boolean;
}

export interface ThinningPolicy {
  /** Younger than this, every snapshot stays. */
  keepAllMs: number;
  /** Younger than this, one per hour. */
  hourlyMs: number;
  /** Younger than this, one per day; older, one per week. */
  dailyMs: number;
}

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
/** 1970-01-05 was a Monday: weeks run Monday to Sunday (UTC). */
const FIRST_MONDAY = 4 * DAY;

export const DEFAULT_THINNING: ThinningPolicy = { keepAllMs: HOUR, hourlyMs: DAY, dailyMs: 30 * DAY };

/**
 * The ids to delete, given every snapshot of one article and the time now. A snapshot dated in
 * the future (another computer's clock, or this one set back) or with an unreadable date counts
 * as new: thinning never deletes what it cannot place. In each hour, day or week the newest stays.
 */
export function versionsToThin(versions: readonly ThinnableVersion[], now: number, policy: ThinningPolicy = DEFAULT_THINNING): string[] {
  const newestInBucket = new Map<string, { id: string; at: number }>();
  const inBuckets: { id: string; bucket: string }[] = [];
  for (const version of versions) {
    if (version.kept) continue;
    const at = Date.parse(version.at);
    if (!Number.isFinite(at)) continue;
    const bucket = bucketOf(at, now - at, policy);
    if (bucket === null) continue;
    inBuckets.push({ id: version.id, bucket });
    const held = newestInBucket.get(bucket);
    // Ties on time keep the larger id (ids sort by creation), so the answer does not depend on order.
    if (!held || at > held.at || (at === held.at && version.id > held.id)) newestInBucket.set(bucket, { id: version.id, at });
  }
  return inBuckets.filter(({ id, bucket }) => newestInBucket.get(bucket)?.id !== id).map(({ id }) => id);
}

function bucketOf(at: number, age: number, policy: ThinningPolicy): string | null {
  if (age < policy.keepAllMs) return null;
  if (age < policy.hourlyMs) return `h${Math.floor(at / HOUR)}`;
  if (age < policy.dailyMs) return `d${Math.floor(at / DAY)}`;
  return `w${Math.floor((at - FIRST_MONDAY) / WEEK)}`;
}
