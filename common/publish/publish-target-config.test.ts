// Runs in: vitest (node). A WordPress target may list the other origins its photos come from (a
// CDN): origins only, http or https, and none for targets saved before the field existed.
import { describe, expect, it } from 'vitest';
import { targetConfigSchema, wordpressTargetSchema } from './publish-target-config';

const target = { kind: 'wordpress', id: 'wp-news', name: 'News', siteUrl: 'https://news.example.com', username: 'editor' };

describe('a WordPress target’s media origins', () => {
  it('are none for a target saved before they existed', () => {
    expect(targetConfigSchema.parse(target)).not.toHaveProperty('mediaOrigins');
  });

  it('accept http and https origins, with a port or a trailing slash', () => {
    const origins = ['https://cdn.example.com', 'http://media.example.net:8080', 'https://img.example.org/', 'https://CDN.Example.com'];
    expect(wordpressTargetSchema.parse({ ...target, mediaOrigins: origins }).mediaOrigins).toEqual(origins);
  });

  it('refuse anything that is not just an origin', () => {
    for (const bad of ['cdn.example.com', 'https://cdn.example.com/uploads', 'https://cdn.example.com/?a=1', 'ftp://cdn.example.com', 'https://user:secret@cdn.example.com', 'javascript:alert(1)', '']) {
      const parsed = wordpressTargetSchema.safeParse({ ...target, mediaOrigins: [bad] });
      expect([bad, parsed.success]).toEqual([bad, false]);
      expect(parsed.error?.issues[0]?.path).toEqual(['mediaOrigins', 0]);
    }
    expect(wordpressTargetSchema.safeParse({ ...target, mediaOrigins: Array.from({ length: 21 }, (_, i) => `https://cdn${i}.example.com`) }).success).toBe(false);
  });
});
