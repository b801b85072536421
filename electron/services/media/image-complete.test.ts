// Runs in: tests (node). A photo cut off part-way (an interrupted copy or download) is told apart
// from a whole one in every format Dateline takes, made by a real encoder.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { isCompleteImage } from './image-complete';
import { sniffImageType, type ImageType } from './sniff-image-type';

async function photo(format: 'jpeg' | 'png' | 'gif' | 'webp' | 'avif'): Promise<Uint8Array> {
  const noise = Buffer.alloc(96 * 64 * 3);
  for (let i = 0; i < noise.length; i++) noise[i] = (i * 7919) % 251;
  return new Uint8Array(await sharp(noise, { raw: { width: 96, height: 64, channels: 3 } }).toFormat(format).toBuffer());
}

describe('isCompleteImage', () => {
  for (const format of ['jpeg', 'png', 'gif', 'webp', 'avif'] as const) {
    it(`takes a whole ${format} and refuses one cut off at any of several points`, async () => {
      const bytes = await photo(format);
      const type = sniffImageType(bytes) as ImageType;
      expect(type).not.toBeNull();
      expect(isCompleteImage(type, bytes)).toBe(true);
      for (const keep of [0.3, 0.6, 0.9]) {
        const cut = bytes.slice(0, Math.floor(bytes.length * keep));
        expect(isCompleteImage(type, cut), `${format} cut to ${keep}`).toBe(false);
      }
    });
  }

  it('refuses a camera JPEG cut off in its picture even though the preview in its EXIF block is whole', async () => {
    const preview = await photo('jpeg');
    const main = await photo('jpeg');
    // APP1 "Exif" segment holding a whole preview JPEG (its own scan and end marker), then the picture.
    const payload = new Uint8Array([...new TextEncoder().encode('Exif'), 0, 0, ...preview]);
    const app1 = new Uint8Array([0xff, 0xe1, (payload.length + 2) >> 8, (payload.length + 2) & 0xff, ...payload]);
    const camera = new Uint8Array([0xff, 0xd8, ...app1, ...main.slice(2)]);
    expect(isCompleteImage('jpg', camera)).toBe(true);
    expect(isCompleteImage('jpg', camera.slice(0, app1.length + 2 + Math.floor((main.length - 2) / 2)))).toBe(false);
  });

  it('allows a few bytes after a GIF trailer or an AVIF last box (padding)', async () => {
    const gif = await photo('gif');
    expect(isCompleteImage('gif', new Uint8Array([...gif, 0, 0, 0, 0]))).toBe(true);
    const avif = await photo('avif');
    expect(isCompleteImage('avif', new Uint8Array([...avif, 0, 0, 0]))).toBe(true);
  });

  it('allows bytes a camera appends after a JPEG ends', async () => {
    const bytes = await photo('jpeg');
    const withTrailer = new Uint8Array([...bytes, 0x00, 0x11, 0x22, 0x33]);
    expect(isCompleteImage('jpg', withTrailer)).toBe(true);
  });
});
