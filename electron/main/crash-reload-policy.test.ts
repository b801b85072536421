// Runs in: vitest (Node). A crashed page is reloaded to reopen its story; a crash loop ends on an error page.
import { describe, expect, it } from 'vitest';
import { CRASH_WINDOW_MS, CrashReloadPolicy, crashErrorPage, MAX_CRASH_RELOADS, RECOVERED_PAGE_URL } from './crash-reload-policy';

describe('crash reload policy', () => {
  it('reloads the page into recovery after a crash', () => {
    const policy = new CrashReloadPolicy(() => 0);
    expect(policy.onProcessGone('crashed', 'en')).toEqual({ action: 'reload', url: RECOVERED_PAGE_URL });
    expect(RECOVERED_PAGE_URL).toBe('dateline://app/index.html?recovered=1');
  });

  it('stops after three reloads in a minute and shows the error page, then reloads again once a minute has passed', () => {
    let now = 1_000_000;
    const policy = new CrashReloadPolicy(() => now);
    for (let n = 0; n < MAX_CRASH_RELOADS; n += 1) {
      expect(policy.onProcessGone(n % 2 === 0 ? 'crashed' : 'oom', 'en').action).toBe('reload');
      now += 1000;
    }
    const fourth = policy.onProcessGone('crashed', 'zh-CN');
    expect(fourth).toMatchObject({ action: 'error-page' });
    expect(fourth.action === 'error-page' && fourth.html).toContain('重新加载');
    now += CRASH_WINDOW_MS;
    expect(policy.onProcessGone('crashed', 'en').action).toBe('reload');
  });

  it('counts afresh after the person presses Reload', () => {
    const policy = new CrashReloadPolicy(() => 5);
    for (let n = 0; n < MAX_CRASH_RELOADS; n += 1) policy.onProcessGone('crashed', 'en');
    expect(policy.onProcessGone('crashed', 'en').action).toBe('error-page');
    policy.reset();
    expect(policy.onProcessGone('crashed', 'en').action).toBe('reload');
  });

  it('ignores a clean exit', () => {
    expect(new CrashReloadPolicy(() => 0).onProcessGone('clean-exit', 'en')).toEqual({ action: 'ignore' });
  });

  it('builds an error page without script whose only link is back to the app', () => {
    const html = crashErrorPage('en');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain("default-src 'none'");
    expect([...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1])).toEqual([RECOVERED_PAGE_URL]);
    expect(html).toContain('Reload');
  });
});
