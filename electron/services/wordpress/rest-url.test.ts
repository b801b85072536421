// Runs in: vitest (node). Request URLs come out right in both shapes WordPress serves.
import { describe, expect, it } from 'vitest';
import { rebaseOnto, restRootFromLinkHeader, restUrl, siteBase } from './rest-url';

describe('REST URLs', () => {
  it('builds pretty-permalink URLs with query parameters', () => {
    expect(restUrl('https://news.example.com/wp-json/', 'wp/v2/posts', { slug: 'a b', per_page: 5 })).toBe(
      'https://news.example.com/wp-json/wp/v2/posts?slug=a+b&per_page=5',
    );
  });

  it('puts the route into rest_route and appends the other parameters after it on plain-permalink sites', () => {
    const url = new URL(restUrl('http://127.0.0.1:8080/?rest_route=/', 'wp/v2/posts/12', { context: 'edit', status: 'draft,pending' }));
    expect(url.pathname).toBe('/');
    expect(url.searchParams.get('rest_route')).toBe('/wp/v2/posts/12');
    expect(url.searchParams.get('context')).toBe('edit');
    expect(url.searchParams.get('status')).toBe('draft,pending');
  });

  it('keeps a sub-folder install path', () => {
    expect(restUrl('https://example.com/blog/wp-json/', 'wp/v2/users/me')).toBe('https://example.com/blog/wp-json/wp/v2/users/me');
    expect(siteBase('https://example.com/blog/')).toBe('https://example.com/blog');
  });

  it('rebases a root announced on another origin onto the configured one', () => {
    expect(rebaseOnto('http://internal:8080/wp-json/', 'https://news.example.com')).toBe('https://news.example.com/wp-json/');
    expect(rebaseOnto('https://news.example.com/?rest_route=/', 'https://news.example.com/')).toBe('https://news.example.com/?rest_route=/');
  });

  it('reads the api.w.org link among several links', () => {
    const header = '<https://x.test/wp-json/wp/v2/pages/2>; rel="alternate"; type="application/json", <https://x.test/wp-json/>; rel="https://api.w.org/"';
    expect(restRootFromLinkHeader(header)).toBe('https://x.test/wp-json/');
    expect(restRootFromLinkHeader('<https://x.test/feed>; rel="alternate"')).toBeNull();
  });
});
