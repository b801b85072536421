// Runs in: tests (node). Every supported format reports its size from the header.
import { describe, expect, it } from 'vitest';
import { imageDimensions } from './image-dimensions';
import { sniffImageType } from './sniff-image-type';
import { makeJpeg, makePng } from '../../../tests/support/test-photos';

const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));
const u32be = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
const u32le = (n: number) => [n & 255, (n >>> 8) & 255, (n >>> 16) & 255, (n >>> 24) & 255];
const box = (type: string, body: number[]) => [...u32be(body.length + 8), ...ascii(type), ...body];

function sizeOf(bytes: Uint8Array) {
  const type = sniffImageType(bytes);
  return type ? { type, ...imageDimensions(type, bytes) } : null;
}

describe('image headers', () => {
  it('reads JPEG and PNG sizes', () => {
    expect(sizeOf(makeJpeg(640, 480))).toEqual({ type: 'jpg', width: 640, height: 480 });
    expect(sizeOf(makePng(3, 5))).toEqual({ type: 'png', width: 3, height: 5 });
  });

  it('reads a GIF size', () => {
    const gif = Uint8Array.from(Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64'));
    expect(sizeOf(gif)).toEqual({ type: 'gif', width: 1, height: 1 });
  });

  it('reads lossy, lossless and extended WebP sizes', () => {
    const riff = (chunk: string, body: number[]) => Uint8Array.from([...ascii('RIFF'), ...u32le(body.length + 12), ...ascii('WEBP'), ...ascii(chunk), ...u32le(body.length), ...body]);
    const vp8 = riff('VP8 ', [0, 0, 0, 0x9d, 0x01, 0x2a, 300 & 255, 300 >> 8, 200 & 255, 200 >> 8]);
    expect(sizeOf(vp8)).toEqual({ type: 'webp', width: 300, height: 200 });
    const bits = (99 & 0x3fff) | ((49 & 0x3fff) << 14);
    expect(sizeOf(riff('VP8L', [0x2f, ...u32le(bits)]))).toEqual({ type: 'webp', width: 100, height: 50 });
    const w = 4000 - 1;
    const h = 3000 - 1;
    expect(sizeOf(riff('VP8X', [0, 0, 0, 0, w & 255, (w >> 8) & 255, w >> 16, h & 255, (h >> 8) & 255, h >> 16]))).toEqual({
      type: 'webp',
      width: 4000,
      height: 3000,
    });
  });

  it('reads the primary AVIF size, not the thumbnail', () => {
    const ispe = (w: number, h: number) => box('ispe', [0, 0, 0, 0, ...u32be(w), ...u32be(h)]);
    const avif = Uint8Array.from([
      ...box('ftyp', [...ascii('avif'), 0, 0, 0, 0, ...ascii('mif1'), ...ascii('miaf')]),
      ...box('meta', [0, 0, 0, 0, ...box('hdlr', [0, 0, 0, 0]), ...box('iprp', box('ipco', [...ispe(160, 120), ...ispe(1920, 1080)]))]),
    ]);
    expect(sizeOf(avif)).toEqual({ type: 'avif', width: 1920, height: 1080 });
  });

  it('does not take a PDF or an HEIC for a supported photo', () => {
    expect(sniffImageType(new TextEncoder().encode('%PDF-1.4'))).toBeNull();
    expect(sniffImageType(Uint8Array.from(box('ftyp', [...ascii('heic'), 0, 0, 0, 0, ...ascii('mif1')])))).toBeNull();
  });
});
