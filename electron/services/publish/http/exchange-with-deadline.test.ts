// Runs in: tests (node). Every backend client's exchange fails the same way: the caller's own
// cancellation as it came, the deadline as the timeout row, a network failure classified, an
// AppError of the exchange itself as it was.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../common/app-error';
import { exchangeWithDeadline } from './exchange-with-deadline';

const context = { url: 'https://news.example.com/ghost/api/admin/posts/', targetLabel: 'The Ghost site news.example.com', timeoutMs: 30, afterTimeout: 'Dateline will try again' };
const never = () => new Promise<string>(() => undefined);

describe('exchangeWithDeadline', () => {
  it('passes the result through', async () => {
    await expect(exchangeWithDeadline(context, async () => 'ok')).resolves.toBe('ok');
  });

  it('an exchange that never answers is the timeout row, saying what comes next', async () => {
    const error = await exchangeWithDeadline(context, never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'remote-timeout', details: { kind: 'timeout', host: 'news.example.com', retryable: true, timeoutMs: 30 } });
    expect((error as AppError).message).toMatch(/did not answer within 0 s \(https:\/\/news\.example\.com\/ghost\/api\/admin\/posts\/\); Dateline will try again$/);
  });

  it('the caller\'s cancellation comes back as the caller gave it, not as a failure of the site', async () => {
    const caller = new AbortController();
    const pending = exchangeWithDeadline({ ...context, timeoutMs: 60_000, signal: caller.signal }, never).catch((e: unknown) => e);
    const reason = new Error('the person cancelled');
    caller.abort(reason);
    expect(await pending).toBe(reason);
  });

  it('a refused connection is classified; an AppError the exchange threw stays as it was', async () => {
    const refused = Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) });
    await expect(exchangeWithDeadline(context, () => Promise.reject(refused))).rejects.toMatchObject({ code: 'remote-unreachable', details: { host: 'news.example.com' } });
    const own = new AppError('remote-not-found', 'no such post', { kind: 'post-gone', site: 'news.example.com' });
    await expect(exchangeWithDeadline(context, () => Promise.reject(own))).rejects.toBe(own);
  });
});
