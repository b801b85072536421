// Runs in: tests (node). A newsroom server failure is told by what went wrong on the server (its
// kind, newsroom-*), in the user's language, under the headline of its code; the English message is
// never shown.
import { afterEach, describe, expect, it } from 'vitest';
import { useI18nStore } from '../i18n/i18n-store';
import { ApiError } from './api-error';
import { formatError } from './format-error';

afterEach(() => useI18nStore.getState().setLocale('en'));

describe('formatError', () => {
  it.each([
    ['remote-unreachable', 'unreachable', 'newsroom server could not be reached', '无法连接编辑部服务器'],
    ['remote-auth', 'auth', 'did not accept your account token', '不接受您的账户令牌'],
    ['permission-denied', 'forbidden', 'does not let your account do that', '不允许您的账户'],
    ['conflict', 'conflict', 'changed this story on the newsroom server', '已被他人修改'],
  ] as const)('tells a newsroom %s (%s) in both languages', (code, newsroom, en, zh) => {
    const error = new ApiError(code, 'The newsroom server http://127.0.0.1:4455 said no.', { kind: `newsroom-${newsroom}`, newsroom });
    useI18nStore.getState().setLocale('en');
    expect(formatError(error).detail).toContain(en);
    expect(formatError(error).detail).not.toContain('said no');
    useI18nStore.getState().setLocale('zh-CN');
    expect(formatError(error).detail).toContain(zh);
  });

  it('names a site by its readable address: a Punycode host in its own letters, in both languages', () => {
    const error = new ApiError('remote-timeout', 'xn--vnuwm96f1z9d.xn--fiqs8s did not answer.', { kind: 'timeout', host: 'xn--vnuwm96f1z9d.xn--fiqs8s', retryable: true, mayHaveArrived: true });
    useI18nStore.getState().setLocale('en');
    expect(formatError(error).detail).toContain('成都日报.中国');
    expect(formatError(error).detail).not.toContain('xn--');
    useI18nStore.getState().setLocale('zh-CN');
    expect(formatError(error).detail).toContain('成都日报.中国 未能及时回应');
    const ghost = new ApiError('remote-auth', 'No key.', { kind: 'ghost-key-missing', site: 'https://xn--fiqs8s.example/%E6%96%B0%E9%97%BB/' });
    expect(formatError(ghost).detail).toContain('https://中国.example/新闻/');
  });

  it('drops details that are not one of the code\'s kinds', () => {
    expect(formatError(new ApiError('remote-auth', 'WordPress said no.', { kind: 'toString', newsroom: 'toString' })).detail).toBe('');
  });
});
