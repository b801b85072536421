// Runs in: vitest (node). What a failed hub write means: an unreachable hub is retried later, a hub
// that answered and refused is retried less often, a package gone from the hub is submitted again,
// and after a rebased write the old token is kept where the hub keeps comments.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../common/app-error';
import { remoteFailure } from '../publish/http/remote-failure-table';
import { deferred, packageGone, tokenAfter } from './hub-write';
import { isHubUnreachable as isUnreachable } from './hub-unreachable';

const AT = '2026-12-06T09:00:00.000Z';

describe('hub write outcomes', () => {
  it('treats an offline site, a timeout, a 5xx and an unmounted share as unreachable, and nothing else', () => {
    expect(isUnreachable(new AppError('remote-unreachable', 'offline'))).toBe(true);
    expect(isUnreachable(new AppError('remote-timeout', 'slow'))).toBe(true);
    expect(isUnreachable(new AppError('remote-server-error', '502'))).toBe(true);
    expect(isUnreachable(new AppError('not-found', 'share gone', { unreachable: true }))).toBe(true);
    expect(isUnreachable(new AppError('conflict', 'someone else wrote'))).toBe(false);
    expect(isUnreachable(new Error('bug'))).toBe(false);
  });

  it('records waiting work: untried, unreachable (tried every run) or refused (counted toward the backoff)', () => {
    expect(deferred('update', 'desk', AT, null)).toMatchObject({ attempts: 0, refused: false, refusals: 0, lastTriedAt: null, lastError: null });
    expect(deferred('submit', 'desk', AT, new AppError('remote-timeout', 'The site took too long'))).toMatchObject({ kind: 'submit', attempts: 1, refused: false, refusals: 0, lastTriedAt: AT, lastError: { code: 'remote-timeout', message: 'The site took too long' } });
    const timedOut = remoteFailure('timeout', 'The site took too long', { url: 'https://news.example.com/wp-json' });
    expect(deferred('submit', 'desk', AT, timedOut).lastError).toEqual({ code: 'remote-timeout', message: 'The site took too long', details: expect.objectContaining({ kind: 'timeout', host: 'news.example.com' }) });
    expect(deferred('submit', 'desk', AT, new Error('bug')).lastError).toEqual({ code: 'internal', message: 'bug', details: { kind: 'unexpected' } });
    expect(deferred('update', 'Sam', AT, new AppError('permission-denied', 'No rights'), true)).toMatchObject({ to: 'Sam', refused: true, refusals: 1, rebase: true });
  });

  it('knows a package removed from the hub', () => {
    expect(packageGone(new AppError('not-found', 'gone'))).toBe(true);
    expect(packageGone(new AppError('conflict', 'gone', { hubRevision: null }))).toBe(true);
    expect(packageGone(new AppError('conflict', 'moved', { hubRevision: 4 }))).toBe(false);
  });

  it('keeps the old token after a write rebased over comments this machine has not seen', () => {
    const written = (hubRevision: number, keepsComments: boolean) => ({ hubRevision, keepsComments, contentHash: 'hash', updatedAt: AT });
    expect(tokenAfter(3, true, written(5, true))).toBe(3);
    expect(tokenAfter(3, true, written(5, false))).toBe(5);
    expect(tokenAfter(3, false, written(4, true))).toBe(4);
  });
});
