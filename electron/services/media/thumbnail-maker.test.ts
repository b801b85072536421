// Runs in: tests (node). A reporter opens a story full of big photos: the editor gets small thumbnails,
// made once per photo, and a damaged or oversized photo is refused with a clear error.
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../common/app-error';
import { libraryThumbnailPath } from './library-thumbnail-path';
import { THUMBNAIL_WIDTH, ThumbnailMaker } from './thumbnail-maker';

let root: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'dateline-thumbs-'));
  await mkdir(join(root, 'media'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** A 24-megapixel JPEG (6000 × 4000) with some detail, made in code. */
async function bigJpeg(seed: number, width = 6000, height = 4000): Promise<Uint8Array> {
  const noise = await sharp({ create: { width: 600, height: 400, channels: 3, background: '#000000', noise: { type: 'gaussian', mean: 128 + seed, sigma: 40 } } })
    .png()
    .toBuffer();
  return new Uint8Array(await sharp(noise).resize(width, height).jpeg({ quality: 85 }).toBuffer());
}

/** Puts a photo in the library as media.import does: media/<sha256>.<ext>. */
async function stored(bytes: Uint8Array, ext = 'jpg'): Promise<{ id: string }> {
  const id = `${createHash('sha256').update(bytes).digest('hex')}.${ext}`;
  await writeFile(join(root, 'media', id), bytes);
  return { id };
}

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('ThumbnailMaker', () => {
  it('makes an 800-pixel WebP of a 24-megapixel photo beside it, and leaves the original untouched', async () => {
    const original = await bigJpeg(1);
    const info = await stored(original);
    const result = await new ThumbnailMaker(root).thumbnail(info.id);
    expect(result.made).toBe(true);
    expect(result.thumbnailId).toBe(`${info.id.slice(0, 64)}.thumb.webp`);
    const path = libraryThumbnailPath(root, result.thumbnailId);
    expect(path).toBe(join(root, 'media', result.thumbnailId));
    const meta = await sharp(path!).metadata();
    expect(meta.format).toBe('webp');
    expect(meta.width).toBe(THUMBNAIL_WIDTH);
    expect(meta.height).toBe(Math.round((THUMBNAIL_WIDTH * 4000) / 6000));
    expect((await stat(path!)).size).toBeLessThan(original.byteLength / 10);
    expect(Buffer.from(original).equals(await readFile(join(root, 'media', info.id)))).toBe(true);
  });

  it('makes each thumbnail once: a second open, or a new process, reuses the file', async () => {
    const info = await stored(await bigJpeg(2, 3000, 2000));
    const first = new ThumbnailMaker(root);
    const [a, b] = await Promise.all([first.thumbnail(info.id), first.thumbnail(info.id)]);
    expect([a.made, b.made]).toEqual([true, true]);
    const path = join(root, 'media', a.thumbnailId);
    const before = await stat(path);
    const again = await first.thumbnail(info.id);
    const restarted = await new ThumbnailMaker(root).thumbnail(info.id);
    expect(again.made).toBe(false);
    expect(restarted.made).toBe(false);
    expect((await stat(path)).mtimeMs).toBe(before.mtimeMs);
  });

  it('does not enlarge a small photo', async () => {
    const small = new Uint8Array(await sharp({ create: { width: 320, height: 200, channels: 3, background: '#336699' } }).png().toBuffer());
    const info = await stored(small, 'png');
    const result = await new ThumbnailMaker(root).thumbnail(info.id);
    expect((await sharp(join(root, 'media', result.thumbnailId)).metadata()).width).toBe(320);
  });

  it('refuses a photo with more pixels than the limit before decoding it', async () => {
    const info = await stored(await bigJpeg(3, 3000, 2000));
    const error = await errorOf(new ThumbnailMaker(root, { maxInputPixels: 5_000_000 }).thumbnail(info.id));
    expect(error.code).toBe('media-too-large');
    expect(error.message).toContain('5000000 pixels');
    expect(libraryThumbnailPath(root, `${info.id.slice(0, 64)}.thumb.webp`)).toBeNull();
  });

  it('refuses an input file larger than the byte limit', async () => {
    const info = await stored(await bigJpeg(4, 1200, 800));
    const error = await errorOf(new ThumbnailMaker(root, { maxInputBytes: 1000 }).thumbnail(info.id));
    expect(error.code).toBe('media-too-large');
  });

  it('says clearly that a damaged photo has no thumbnail', async () => {
    const info = await stored(await bigJpeg(5, 1200, 800));
    // The library file is damaged after import (a bad disk, a truncated copy): header intact, body garbage.
    const path = join(root, 'media', info.id);
    const bytes = await readFile(path);
    bytes.fill(0x55, 200);
    await writeFile(path, bytes);
    const error = await errorOf(new ThumbnailMaker(root).thumbnail(info.id));
    expect(error.code).toBe('media-corrupt');
    expect(error.message).toBe(`The photo ${info.id} is damaged: no thumbnail could be made`);
  });

  it('refuses malformed ids and photos not in the library', async () => {
    expect((await errorOf(new ThumbnailMaker(root).thumbnail('../../etc/passwd'))).code).toBe('not-found');
    expect((await errorOf(new ThumbnailMaker(root).thumbnail(`${'a'.repeat(64)}.jpg`))).code).toBe('not-found');
    expect(libraryThumbnailPath(root, '../x.thumb.webp')).toBeNull();
  });
});
