// Runs in: tests (node). Equally relevant search results come newest first, to the second; equal
// seconds and unknown stamps keep their order, unknown ones last.
import { describe, expect, it } from 'vitest';
import { newestFirst, newestFirstOrder } from './newest-first';

describe('newestFirstOrder', () => {
  it('orders ISO stamps newest first across seconds, minutes, days, months and years', () => {
    const stamps = ['2026-11-20T08:00:00.000Z', '2025-12-31T23:59:59.999Z', '2026-11-20T08:00:01.000Z', '2026-01-31T00:00:00.000Z', '2026-02-01T00:00:00.000Z', '2026-11-19T23:59:59.000Z'];
    expect(newestFirstOrder(stamps).map((i) => stamps[i])).toEqual([
      '2026-11-20T08:00:01.000Z',
      '2026-11-20T08:00:00.000Z',
      '2026-11-19T23:59:59.000Z',
      '2026-02-01T00:00:00.000Z',
      '2026-01-31T00:00:00.000Z',
      '2025-12-31T23:59:59.999Z',
    ]);
  });

  it('keeps the given order within one second, and puts unknown or unreadable stamps last', () => {
    const stamps = [undefined, '2026-11-20T08:00:00.100Z', 'not a date', '2026-11-20T08:00:00.900Z', '1999-01-01T00:00:00.000Z'];
    expect(newestFirstOrder(stamps)).toEqual([1, 3, 0, 2, 4]);
  });

  it('reads stamps in other forms through Date.parse', () => {
    const stamps = ['2026-11-20T10:00:00+02:00', '2026-11-20T09:00:00Z'];
    // 10:00 at +02:00 is 08:00 UTC, older than 09:00 UTC.
    expect(newestFirstOrder(stamps)).toEqual([1, 0]);
  });

  it('agrees with a comparator sort on many random stamps', () => {
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const stamps = Array.from({ length: 5_000 }, () => new Date(Date.UTC(2020, 0, 1) + Math.floor(random() * 8e8) * 1000).toISOString());
    const expected = [...stamps.keys()].sort((a, b) => newestFirst(stamps[a], stamps[b]) || a - b);
    expect(newestFirstOrder(stamps)).toEqual(expected);
  });
});
