// Runs in: vitest (node), against a real WordPress whose PHP accepts small uploads
// (upload_max_filesize 1M, post_max_size 2M). A photo above either limit fails the publish at once
// as remote-too-large, naming the photo and the limit; it is not retried, and nothing is left on the site.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePng } from '../support/test-photos';
import { seededRandom } from './support/seeded-random';
import { startWordPress, type WordPressSite } from './support/wordpress-fixture';
import { figureNode, newArticleId, paragraphNode, startHarness, type Harness } from './publishing-harness';

const MB = 1_048_576;

/** A greyscale PNG of noise (it does not compress) of about `bytes` bytes. */
function noisePhoto(bytes: number, seed: number): Uint8Array {
  const side = Math.ceil(Math.sqrt(bytes));
  const random = seededRandom(seed);
  return makePng(side, side, () => Math.floor(random() * 256));
}

describe('a WordPress whose PHP limits uploads to 1 MB per file and 2 MB per request', () => {
  let site: WordPressSite;
  let h: Harness;

  beforeAll(async () => {
    site = await startWordPress({ phpIni: { upload_max_filesize: '1M', post_max_size: '2M' } });
    h = await startHarness();
    await h.addWordPress('small-wp', site.url, site.users.editor);
  }, 180_000);

  afterAll(async () => {
    await h?.close();
    await site?.stop();
  }, 60_000);

  const publishWith = async (fileName: string, bytes: Uint8Array, caption: string) => {
    const photo = await h.media.import(fileName, bytes);
    const article = h.save({
      id: newArticleId(),
      headline: `Harbour story with ${fileName}`,
      meta: { section: 'City', tags: ['harbour'] },
      body: { type: 'doc', content: [figureNode(photo.id, { alt: 'Cranes', credit: 'AP', caption, lead: true }), paragraphNode('Ships move again.')] },
    });
    return h.publishAndWait(article.id, 'small-wp');
  };

  it('a 1.5 MB photo (above upload_max_filesize) fails once as too large, naming the photo and the limit', async () => {
    const job = await publishWith('harbour-wide.png', noisePhoto(1.5 * MB, 1), 'Cranes at dawn');
    expect(job.state).toBe('failed');
    expect(job.attempts).toBe(1);
    expect(job.lastError?.code).toBe('remote-too-large');
    const message = job.lastError?.message ?? '';
    expect(message).toContain('"harbour-wide.png"');
    expect(message).toContain('Cranes at dawn');
    expect(message).toContain('upload_max_filesize');
    expect(message).toContain('at most 1 MB per file');
    expect(message).not.toContain('WordPress at The WordPress site');
    expect(message).not.toMatch(/role|capabilit/i);
    expect(await site.countPosts()).toBe(0);
    expect(await site.countPosts({ type: 'attachment', statuses: ['inherit', 'private'] })).toBe(0);
  });

  it('a 3 MB photo (above post_max_size) fails once as too large, not as a missing role', async () => {
    const job = await publishWith('crowd-panorama.png', noisePhoto(3 * MB, 2), 'The crowd on the pier');
    expect(job.state).toBe('failed');
    expect(job.attempts).toBe(1);
    expect(job.lastError?.code).toBe('remote-too-large');
    const message = job.lastError?.message ?? '';
    expect(message).toContain('"crowd-panorama.png"');
    expect(message).toContain('The crowd on the pier');
    expect(message).toContain('post_max_size');
    expect(message).toContain('at most 1 MB per file');
    expect(message).not.toMatch(/role|capabilit/i);
    expect(await site.countPosts()).toBe(0);
    expect(await site.countPosts({ type: 'attachment', statuses: ['inherit', 'private'] })).toBe(0);
  });

  it('a photo within the limits still goes through', async () => {
    const job = await publishWith('small.png', noisePhoto(0.5 * MB, 3), 'A small photo');
    expect(job.lastError).toBeNull();
    expect(job.state).toBe('done');
  });
});
