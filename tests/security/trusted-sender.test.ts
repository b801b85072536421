// Runs in: vitest (Node). Only the app's own top-level page may reach the services; iframes and other sites may not.
import { describe, expect, it } from 'vitest';
import { isAppUrl, isTrustedSender } from '../../electron/main/trusted-sender';

describe('isTrustedSender', () => {
  it('trusts the main frame of the app page', () => {
    expect(isTrustedSender('dateline://app/index.html', true)).toBe(true);
    expect(isTrustedSender('dateline://app/index.html#/article/abc', true)).toBe(true);
  });

  it('refuses subframes, even when they are app pages', () => {
    expect(isTrustedSender('dateline://app/index.html', false)).toBe(false);
  });

  it.each([
    'https://evil.example/',
    'http://127.0.0.1:5173/',
    'file:///app/dist/renderer/index.html',
    'dateline://evil/index.html',
    'dateline://app.evil.example/index.html',
    'dateline://user:pass@app/index.html',
    'dateline://app:8080/index.html',
    'about:blank',
    'data:text/html,<script>1</script>',
    '',
    'not a url',
  ])('refuses a page at %s', (url) => {
    expect(isTrustedSender(url, true)).toBe(false);
  });

  it('refuses a missing frame URL', () => {
    expect(isTrustedSender(null, true)).toBe(false);
    expect(isTrustedSender(undefined, true)).toBe(false);
  });

  it('treats only the app origin as in-app navigation', () => {
    expect(isAppUrl('dateline://app/media/abc.jpg')).toBe(true);
    expect(isAppUrl('https://app/')).toBe(false);
  });

  it('keeps deep links, which share the scheme, out of the window and away from the services', () => {
    expect(isAppUrl('dateline://article/abc123def456')).toBe(false);
    expect(isAppUrl('dateline://review/folder/abc123def456')).toBe(false);
    expect(isTrustedSender('dateline://article/abc123def456', true)).toBe(false);
    expect(isAppUrl('dateline://app/index.html?recovered=1')).toBe(true);
  });
});
