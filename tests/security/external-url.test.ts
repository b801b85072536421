// Runs in: vitest (Node). A link in an article opens in the browser; a file or script link never leaves the app.
import { describe, expect, it } from 'vitest';
import { externalUrlToOpen, localFileToReveal } from '../../electron/main/external-url';

describe('externalUrlToOpen', () => {
  it('opens web and mail links', () => {
    expect(externalUrlToOpen('https://example.com/story?id=1')).toBe('https://example.com/story?id=1');
    expect(externalUrlToOpen('http://example.com')).toBe('http://example.com/');
    expect(externalUrlToOpen('mailto:desk@example.com')).toBe('mailto:desk@example.com');
  });

  it.each([
    'file:///etc/passwd',
    'javascript:alert(1)',
    'smb://server/share',
    'ms-msdt:/id PCWDiagnostic',
    'dateline://app/index.html',
    'https://user:pw@example.com/',
    'not a url',
    `https://example.com/${'a'.repeat(5000)}`,
  ])('refuses %s', (url) => {
    expect(externalUrlToOpen(url)).toBeNull();
  });
});

describe('localFileToReveal', () => {
  it('reveals a published page in the file manager by its path', () => {
    expect(localFileToReveal('file:///home/ana/Documents/Published/%E5%B8%82%E8%AE%AE%E4%BC%9A/index.html')).toBe('/home/ana/Documents/Published/市议会/index.html');
    expect(localFileToReveal('file:///C:/Users/ana/Published/x/index.html')).toBe('C:/Users/ana/Published/x/index.html');
  });

  it('refuses anything that is not a local file URL', () => {
    expect(localFileToReveal('https://example.org/')).toBeNull();
    expect(localFileToReveal('file://evil.example.org/share/x.html')).toBeNull();
    expect(localFileToReveal('javascript:alert(1)')).toBeNull();
  });
});
