// Runs in: vitest (node). A tag or category WordPress already has is found again by its name, which
// WordPress sends HTML-escaped: every entity a browser knows is decoded, not a hand-picked few.
import { describe, expect, it } from 'vitest';
import type { WordPressClient } from './wordpress-client';
import { resolveTerm } from './wordpress-terms';

function clientListing(names: string[]): { client: WordPressClient; created: string[] } {
  const created: string[] = [];
  const fake = {
    role: 'editor',
    request: async (method: string, _path: string, options: { json?: { name: string } }) => {
      if (method === 'GET') return names.map((name, i) => ({ id: i + 1, name, slug: `term-${i + 1}` }));
      created.push(options.json?.name ?? '');
      return { id: 99, name: options.json?.name ?? '', slug: 'new' };
    },
  };
  return { client: fake as unknown as WordPressClient, created };
}

describe('resolveTerm', () => {
  it.each([
    ['Arrows &rarr; signs', 'Arrows → signs'],
    ['&alpha; particles', 'α particles'],
    ['It&#146;s here', 'It’s here'],
    ['Q&AMP;A', 'Q&A'],
    ['Q&amp;A', 'Q&A'],
  ])('reuses the term WordPress names %s for %s', async (escaped, name) => {
    const { client, created } = clientListing(['Other', escaped]);
    expect(await resolveTerm(client, 'tags', name, new AbortController().signal)).toBe(2);
    expect(created).toEqual([]);
  });
});
