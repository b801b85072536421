import { describe, expect, it } from 'vitest';
import { instantFromZonedInput, isKnownTimeZone, zonedInputValue } from './zoned-time';

describe('a planned time in the newsroom zone', () => {
  it('keeps the seconds: 12:01:52 in UTC+8 is 04:01:52 UTC, not 12:01:00 UTC', () => {
    const instant = instantFromZonedInput('2026-11-25T12:01:52', 'Asia/Shanghai');
    expect(instant).toBe('2026-11-25T04:01:52.000Z');
    expect(zonedInputValue(instant, 'Asia/Shanghai')).toBe('2026-11-25T12:01:52');
  });

  it('shows an instant stored with any offset in the newsroom zone, whatever the computer zone', () => {
    expect(zonedInputValue('2026-11-25T09:30:00+08:00', 'Asia/Shanghai')).toBe('2026-11-25T09:30:00');
    expect(zonedInputValue('2026-11-25T09:30:00+08:00', 'Europe/London')).toBe('2026-11-25T01:30:00');
    expect(zonedInputValue('2026-07-01T12:00:00Z', 'America/New_York')).toBe('2026-07-01T08:00:00');
  });

  it('reads a time without seconds, across summer time, and refuses what is not a time', () => {
    expect(instantFromZonedInput('2026-07-01T08:00', 'America/New_York')).toBe('2026-07-01T12:00:00.000Z');
    expect(instantFromZonedInput('2026-01-01T08:00', 'America/New_York')).toBe('2026-01-01T13:00:00.000Z');
    // 02:30 on the night the clocks go forward does not exist: read with the offset before.
    expect(instantFromZonedInput('2026-03-08T02:30', 'America/New_York')).toBe('2026-03-08T07:30:00.000Z');
    expect(instantFromZonedInput('', 'Asia/Shanghai')).toBeNull();
    expect(instantFromZonedInput('tomorrow', 'Asia/Shanghai')).toBeNull();
    expect(zonedInputValue(null, 'Asia/Shanghai')).toBe('');
  });

  it('knows the zones Intl knows, and no others', () => {
    expect(isKnownTimeZone('Asia/Shanghai')).toBe(true);
    expect(isKnownTimeZone('UTC')).toBe(true);
    expect(isKnownTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isKnownTimeZone('')).toBe(false);
  });
});
