// Runs in: vitest (node). The review side retries exactly what the failure table says to retry.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../common/app-error';
import { REMOTE_FAILURE_KINDS, REMOTE_FAILURE_TABLE, remoteFailure } from '../publish/http/remote-failure-table';
import { isHubUnreachable } from './hub-unreachable';

describe('isHubUnreachable', () => {
  it.each(REMOTE_FAILURE_KINDS)('follows the failure table for %s', (kind) => {
    expect(isHubUnreachable(remoteFailure(kind, 'failed', { url: 'https://news.example.com/wp-json/' }))).toBe(REMOTE_FAILURE_TABLE[kind].retry);
  });

  it('takes a table decision over the error code', () => {
    // Same code as a dropped connection, but the table row says trying again cannot help.
    expect(isHubUnreachable(new AppError('remote-server-error', 'quota', { kind: 'http-5xx', host: 'news.example.com', retryable: false, mayHaveArrived: false }))).toBe(false);
    expect(isHubUnreachable(new AppError('remote-bad-response', 'busy proxy', { kind: 'answer-mixed-up', retryable: true, mayHaveArrived: false }))).toBe(true);
  });

  it('retries a folder hub that says it cannot be reached, and nothing else', () => {
    expect(isHubUnreachable(new AppError('not-found', 'share gone', { unreachable: true }))).toBe(true);
    expect(isHubUnreachable(new AppError('not-found', 'no such article'))).toBe(false);
    expect(isHubUnreachable(new Error('plain'))).toBe(false);
  });
});
