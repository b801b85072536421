// Runs in: vitest (node). Automatic snapshots thin out with age, as backup tools do, and the
// versions someone meant to keep never go.
import { describe, expect, it } from 'vitest';
import { DEFAULT_THINNING, versionsToThin, type ThinnableVersion } from './thin-versions';

const MIN = 60 * 1000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
/** Monday 7 December 2026, 12:00 UTC. */
const NOW = Date.parse('2026-12-07T12:00:00.000Z');

let serial = 0;
function snap(msAgo: number, kept = false): ThinnableVersion {
  serial += 1;
  return { id: `v${String(serial).padStart(6, '0')}`, at: new Date(NOW - msAgo).toISOString(), kept };
}
const survivors = (versions: ThinnableVersion[], now = NOW): string[] => {
  const gone = new Set(versionsToThin(versions, now));
  return versions.filter((v) => !gone.has(v.id)).map((v) => v.id);
};

describe('thinning snapshots with age', () => {
  it('keeps every snapshot of the last hour', () => {
    const versions = Array.from({ length: 60 }, (_, i) => snap(i * MIN));
    expect(versionsToThin(versions, NOW)).toEqual([]);
  });

  it('keeps the newest of each hour for the last day', () => {
    // Four snapshots in the hour that starts at 09:00 UTC (2h15m to 3h ago).
    const inOneHour = [snap(2 * HOUR + 15 * MIN), snap(2 * HOUR + 30 * MIN), snap(2 * HOUR + 45 * MIN), snap(3 * HOUR)];
    expect(survivors(inOneHour)).toEqual([inOneHour[0]!.id]);
  });

  it('keeps the newest of each day for a month, and of each week after that', () => {
    const dayAgo = [snap(2 * DAY + HOUR), snap(2 * DAY + 2 * HOUR), snap(2 * DAY + 3 * HOUR)];
    // 40 days ago (a Friday) and the days around it in the same Monday-to-Sunday week.
    const monthsAgo = [snap(39 * DAY), snap(40 * DAY), snap(41 * DAY)];
    const left = survivors([...dayAgo, ...monthsAgo]);
    expect(left).toEqual([dayAgo[0]!.id, monthsAgo[0]!.id]);
  });

  it('never thins named, pre-publish or pre-workflow versions, however old or crowded', () => {
    const kept = Array.from({ length: 30 }, (_, i) => snap(90 * DAY + i * MIN, true));
    const auto = Array.from({ length: 30 }, (_, i) => snap(90 * DAY + i * MIN + 30 * 1000));
    const left = new Set(survivors([...kept, ...auto]));
    for (const v of kept) expect(left.has(v.id)).toBe(true);
    // The automatic ones share one week: one of them stays, beside the kept ones.
    expect(auto.filter((v) => left.has(v.id))).toHaveLength(1);
  });

  it('draws the tier boundaries at exactly one hour, one day and thirty days', () => {
    const atHour = [snap(HOUR - 1), snap(HOUR - 2)];
    expect(versionsToThin(atHour, NOW)).toEqual([]);
    // At exactly one hour old a snapshot joins its hour: the newer one of the same UTC hour stays.
    const sameHour = [{ id: 'a', at: '2026-12-07T11:00:00.000Z', kept: false }, { id: 'b', at: '2026-12-07T10:59:59.999Z', kept: false }];
    expect(versionsToThin(sameHour, NOW)).toEqual([]); // a is under an hour old; b is alone in the 10:00 hour
    const oneHourOld = [{ id: 'a', at: '2026-12-07T11:00:00.000Z', kept: false }, { id: 'b', at: '2026-12-07T11:00:00.000Z', kept: false }];
    expect(versionsToThin(oneHourOld, NOW)).toEqual(['a']);
    const dayEdge = [{ id: 'a', at: new Date(NOW - DAY).toISOString(), kept: false }, { id: 'b', at: new Date(NOW - DAY - HOUR).toISOString(), kept: false }];
    // Exactly a day old: both are in the daily tier and the same UTC day (6 December), so the newer stays.
    expect(versionsToThin(dayEdge, NOW)).toEqual(['b']);
    const justUnderADay = [{ id: 'a', at: new Date(NOW - DAY + 1).toISOString(), kept: false }, { id: 'b', at: new Date(NOW - DAY - HOUR).toISOString(), kept: false }];
    expect(versionsToThin(justUnderADay, NOW)).toEqual([]);
    const monthEdge = [
      { id: 'a', at: new Date(NOW - DEFAULT_THINNING.dailyMs).toISOString(), kept: false },
      { id: 'b', at: new Date(NOW - DEFAULT_THINNING.dailyMs - DAY).toISOString(), kept: false },
    ];
    // Thirty days ago was Saturday 7 November and the day before a Friday: one week, the newer stays.
    expect(versionsToThin(monthEdge, NOW)).toEqual(['b']);
  });

  it('weeks run Monday to Sunday in UTC', () => {
    const sunday = { id: 'sun', at: '2026-10-04T23:59:59.999Z', kept: false };
    const monday = { id: 'mon', at: '2026-10-05T00:00:00.000Z', kept: false };
    const tuesday = { id: 'tue', at: '2026-10-06T00:00:00.000Z', kept: false };
    expect(versionsToThin([sunday, monday, tuesday], NOW)).toEqual(['mon']);
  });

  it('treats snapshots dated in the future (clock skew) or with unreadable dates as new', () => {
    const future = [snap(-2 * DAY), snap(-2 * DAY + MIN), snap(-HOUR)];
    const broken = [{ id: 'x1', at: 'not a date', kept: false }, { id: 'x2', at: '', kept: false }];
    expect(versionsToThin([...future, ...broken], NOW)).toEqual([]);
  });

  it('a clock set back does not delete what a later clock kept', () => {
    // Taken at what this computer thought was noon; then the clock moves back ten days.
    const versions = Array.from({ length: 10 }, (_, i) => snap(i * MIN));
    expect(versionsToThin(versions, NOW - 10 * DAY)).toEqual([]);
  });

  it('gives the same answer whatever the order, and ties on time keep the later id', () => {
    const at = new Date(NOW - 5 * HOUR).toISOString();
    const versions: ThinnableVersion[] = [{ id: 'b', at, kept: false }, { id: 'a', at, kept: false }, { id: 'c', at, kept: false }];
    expect(versionsToThin(versions, NOW).sort()).toEqual(['a', 'b']);
    expect(versionsToThin([...versions].reverse(), NOW).sort()).toEqual(['a', 'b']);
  });

  it('thins a year of snapshots every five minutes to a bounded set', () => {
    const versions: ThinnableVersion[] = [];
    for (let ago = 0; ago < 365 * DAY; ago += 5 * MIN) versions.push(snap(ago));
    const left = survivors(versions);
    // 12 in the last hour, 23 hourly, 29 daily, and about 48 weekly.
    expect(left.length).toBeGreaterThanOrEqual(12 + 23 + 29 + 45);
    expect(left.length).toBeLessThanOrEqual(12 + 24 + 31 + 50);
    // Thinning what is left again at the same time changes nothing.
    const kept = new Set(left);
    const again = versions.filter((v) => kept.has(v.id));
    expect(versionsToThin(again, NOW)).toEqual([]);
  });

  it('thinning later never brings back a deleted snapshot and never empties a bucket', () => {
    const versions: ThinnableVersion[] = [];
    for (let ago = 0; ago < 3 * DAY; ago += 10 * MIN) versions.push(snap(ago));
    const first = new Set(survivors(versions));
    let left = versions.filter((v) => first.has(v.id));
    const gone = new Set(versionsToThin(left, NOW + 2 * DAY));
    left = left.filter((v) => !gone.has(v.id));
    // Every day from the oldest snapshot to now still has one.
    const days = new Set(left.map((v) => v.at.slice(0, 10)));
    for (let t = NOW - 3 * DAY + 10 * MIN; t <= NOW; t += DAY) expect(days.has(new Date(t).toISOString().slice(0, 10))).toBe(true);
  });
});
