// Runs in: test processes. Uploads a picture to the real WordPress as its Author account under a
// slug of the test's choosing — the way a colleague could give any upload Dateline's photo slug.
import { expect } from 'vitest';
import type { WordPressSite, WpMedia } from './wordpress-fixture';

export async function plantMedia(site: WordPressSite, slug: string, png: Uint8Array): Promise<WpMedia> {
  const planted = await site.request<WpMedia>('/wp/v2/media', {
    as: 'author',
    body: png,
    query: { slug },
    headers: { 'content-type': 'image/png', 'content-disposition': `attachment; filename="${slug}.png"` },
  });
  expect(planted.status).toBe(201);
  expect(planted.body.slug).toBe(slug);
  return planted.body;
}
