// Runs in: services. The order of equally relevant search results: the newest version first.

/** Orders two `updatedAt` stamps (ISO 8601, so their text orders as their time) newest first; unknown last. */
export function newestFirst(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  return a < b ? 1 : -1;
}

/** Up to this many results keep their own order among equal seconds (the low bits of each key). */
const INDEX_BITS = 20;
const INDEX_LIMIT = 2 ** INDEX_BITS;

const digit = (text: string, at: number): number => text.charCodeAt(at) - 48;
const number = (text: string, at: number, length: number): number => {
  let value = 0;
  for (let i = at; i < at + length; i++) value = value * 10 + digit(text, i);
  return value;
};
const ISO_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;
const MAX_KEY = 2 ** 32 - 1;

/**
 * A whole number below 2^32 that orders as the stamp's time to the second, read straight from the
 * digits of an ISO 8601 UTC stamp as the app writes them (a fifth of Date.parse's time, which counts
 * when a tag matches a whole shard); other stamps through Date.parse; 0 for none.
 */
function secondsKey(stamp: string | undefined): number {
  if (stamp === undefined) return 0;
  if (stamp.length >= 20 && stamp.length <= 30 && ISO_UTC.test(stamp)) {
    const year = number(stamp, 0, 4) - 2000;
    if (year < 0) return 0;
    // Months as 31 days and years as 12 such months: not seconds since an epoch, but in time order.
    const key = ((((year * 12 + number(stamp, 5, 2)) * 31 + number(stamp, 8, 2)) * 24 + number(stamp, 11, 2)) * 60 + number(stamp, 14, 2)) * 60 + number(stamp, 17, 2);
    return Math.min(key, MAX_KEY);
  }
  const ms = Date.parse(stamp);
  return Number.isFinite(ms) && ms > Date.UTC(2000, 0, 1) ? secondsKey(new Date(ms).toISOString()) : 0;
}

/**
 * The positions of `stamps`, newest first to the second, equal seconds (and unknown stamps, last)
 * in their given order. Keys are whole numbers below 2^53 (the stamp's time to the second in the high bits,
 * the inverted position in the low ones), so a typed-array sort orders them exactly, without a comparator.
 */
export function newestFirstOrder(stamps: readonly (string | undefined)[]): number[] {
  const n = stamps.length;
  if (n >= INDEX_LIMIT) return [...stamps.keys()].sort((a, b) => newestFirst(stamps[a], stamps[b]) || a - b);
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    keys[i] = secondsKey(stamps[i]) * INDEX_LIMIT + (INDEX_LIMIT - 1 - i);
  }
  keys.sort();
  const order = new Array<number>(n);
  for (let i = 0; i < n; i++) order[i] = INDEX_LIMIT - 1 - (keys[n - 1 - i]! % INDEX_LIMIT);
  return order;
}
