// Runs in: vitest (node). Refused hub writes are offered again less and less often; unreachable hubs every run.
import { describe, expect, it } from 'vitest';
import { isSyncDue, MAX_RETRY_MS, retryDelayMs } from './sync-due';

const at = (iso: string) => new Date(iso);

describe('when waiting review work is offered again', () => {
  it('doubles the wait after each refusal, from 30 s up to 30 min', () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(retryDelayMs(40)).toBe(MAX_RETRY_MS);
  });

  it('a refused write waits its turn; an unreachable hub and a first try never wait', () => {
    const refused = { refusals: 3, refused: true, lastTriedAt: '2026-11-25T10:00:00.000Z' };
    expect(isSyncDue(refused, at('2026-11-25T10:01:59.000Z'))).toBe(false);
    expect(isSyncDue(refused, at('2026-11-25T10:02:00.000Z'))).toBe(true);
    expect(isSyncDue({ ...refused, refused: false }, at('2026-11-25T10:00:01.000Z'))).toBe(true);
    expect(isSyncDue({ ...refused, lastTriedAt: null }, at('2026-11-25T10:00:01.000Z'))).toBe(true);
  });
});
