// Runs in: vitest (Node). The WebSocket origin the renderer's policy lets out, derived from the saved server address.
import { describe, expect, it } from 'vitest';
import { newsroomSocketSource, newsroomSocketSourceOf } from './newsroom-socket-source';

describe('newsroomSocketSource', () => {
  it('turns an http address into its ws: origin and an https address into its wss: origin', () => {
    expect(newsroomSocketSource('http://127.0.0.1:4455')).toBe('ws://127.0.0.1:4455');
    expect(newsroomSocketSource('https://Newsroom.Example.org:4455/some/path?x=1#y')).toBe('wss://newsroom.example.org:4455');
    expect(newsroomSocketSource('  https://newsroom.example.org  ')).toBe('wss://newsroom.example.org');
    expect(newsroomSocketSource('wss://newsroom.example.org:8443/collab')).toBe('wss://newsroom.example.org:8443');
    expect(newsroomSocketSource('http://[::1]:4455')).toBe('ws://[::1]:4455');
    expect(newsroomSocketSource('https://münchen.example')).toBe('wss://xn--mnchen-3ya.example');
  });

  it('refuses addresses that are not plain http(s) servers', () => {
    for (const address of ['', 'newsroom.example.org', 'ftp://newsroom.example.org', 'javascript:alert(1)', 'https://user:pw@newsroom.example.org', 'file:///etc/passwd', `https://${'a'.repeat(3000)}.org`]) {
      expect(newsroomSocketSource(address), address).toBeNull();
    }
  });

  it('lets no quote, space, semicolon or comma through, so a hostile address cannot add a source or a directive', () => {
    const hostile = [
      "https://evil.example;script-src 'unsafe-inline'",
      'https://evil.example; connect-src *',
      "https://a'unsafe-eval'.example",
      'https://a"b.example',
      'https://a,b.example',
      'https://evil.example%3B%20connect-src%20*',
      'https://evil.example\t;connect-src *',
      'https://*.example.org',
    ];
    for (const address of hostile) {
      const source = newsroomSocketSource(address);
      if (source !== null) expect(source, address).toMatch(/^wss?:\/\/[a-z0-9.[\]:-]+$/);
    }
    expect(newsroomSocketSource("https://evil.example;script-src 'unsafe-inline'")).toBeNull();
    expect(newsroomSocketSource('https://*.example.org')).toBeNull();
  });

  it('names no socket origin unless the review hub is a newsroom server', () => {
    expect(newsroomSocketSourceOf({ kind: 'folder', path: '' })).toBeNull();
    expect(newsroomSocketSourceOf({ kind: 'wordpress', targetId: 'site' })).toBeNull();
    expect(newsroomSocketSourceOf({ kind: 'newsroom', serverUrl: 'https://newsroom.example.org:4455' })).toBe('wss://newsroom.example.org:4455');
  });
});
