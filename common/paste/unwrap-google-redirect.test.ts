// Runs in: tests (node). Only Google's exact redirect form is unwrapped, and only to a safe target.
import { describe, expect, it } from 'vitest';
import { unwrapGoogleRedirect } from './unwrap-google-redirect';

describe('unwrapGoogleRedirect', () => {
  it('unwraps the Google Docs redirect to its target', () => {
    expect(unwrapGoogleRedirect('https://www.google.com/url?q=https://example.com/a?b%3D1&sa=D&source=editors&ust=1700000000000000&usg=AOvVaw0')).toBe('https://example.com/a?b=1');
    expect(unwrapGoogleRedirect('https://google.com/url?q=http://news.example.cn/%25E6%2596%25B0%25E9%2597%25BB&sa=D')).toBe('http://news.example.cn/%E6%96%B0%E9%97%BB');
  });

  it('drops a redirect whose target the link policy refuses', () => {
    expect(unwrapGoogleRedirect('https://www.google.com/url?q=javascript:alert(1)&sa=D')).toBeNull();
    expect(unwrapGoogleRedirect('https://www.google.com/url?q=/relative&sa=D')).toBeNull();
  });

  it('leaves every other address alone', () => {
    for (const href of [
      'https://www.google.com/search?q=https://example.com',
      'https://www.google.com.evil.example/url?q=https://example.com',
      'https://evil.example/url?q=https://example.com',
      'https://www.google.com/url?sa=D',
      'https://www.google.com:8443/url?q=https://example.com',
      'https://user@www.google.com/url?q=https://example.com',
      'https://www.google.com/url/x?q=https://example.com',
      'mailto:desk@example.com',
    ]) {
      expect(unwrapGoogleRedirect(href), href).toBe(href);
    }
  });
});
