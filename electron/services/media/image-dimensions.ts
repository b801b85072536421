// Runs in: services. Pixel size from the file header of each supported format; null when the
// header is missing or truncated (the photo is then treated as corrupt).
import { ascii, type ImageType } from './sniff-image-type';

export interface Dimensions {
  width: number;
  height: number;
}

export function imageDimensions(type: ImageType, bytes: Uint8Array): Dimensions | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dims = PARSERS[type](bytes, view);
  return dims && dims.width > 0 && dims.height > 0 ? dims : null;
}

const PARSERS: Record<ImageType, (bytes: Uint8Array, view: DataView) => Dimensions | null> = {
  jpg: jpegDimensions,
  png: (bytes, view) => (bytes.length >= 24 && ascii(bytes, 12, 4) === 'IHDR' ? { width: view.getUint32(16), height: view.getUint32(20) } : null),
  gif: (bytes, view) => (bytes.length >= 10 ? { width: view.getUint16(6, true), height: view.getUint16(8, true) } : null),
  webp: webpDimensions,
  avif: avifDimensions,
};

/** Markers SOF0-SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size. */
function isStartOfFrame(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

function jpegDimensions(bytes: Uint8Array, view: DataView): Dimensions | null {
  let offset = 2;
  while (offset + 4 <= bytes.length) {
    if (bytes[offset] !== 0xff) return null;
    const marker = bytes[offset + 1] as number;
    if (marker === 0xff) {
      offset++; // fill byte
      continue;
    }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      offset += 2;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return null; // image data before any frame header
    const length = view.getUint16(offset + 2);
    if (length < 2) return null;
    if (isStartOfFrame(marker)) {
      if (offset + 9 > bytes.length) return null;
      return { height: view.getUint16(offset + 5), width: view.getUint16(offset + 7) };
    }
    offset += 2 + length;
  }
  return null;
}

function webpDimensions(bytes: Uint8Array, view: DataView): Dimensions | null {
  const chunk = ascii(bytes, 12, 4);
  if (chunk === 'VP8 ' && bytes.length >= 30) {
    if (bytes[23] !== 0x9d || bytes[24] !== 0x01 || bytes[25] !== 0x2a) return null;
    return { width: view.getUint16(26, true) & 0x3fff, height: view.getUint16(28, true) & 0x3fff };
  }
  if (chunk === 'VP8L' && bytes.length >= 25) {
    if (bytes[20] !== 0x2f) return null;
    const bits = view.getUint32(21, true);
    return { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8X' && bytes.length >= 30) {
    const width = ((bytes[24] as number) | ((bytes[25] as number) << 8) | ((bytes[26] as number) << 16)) + 1;
    const height = ((bytes[27] as number) | ((bytes[28] as number) << 8) | ((bytes[29] as number) << 16)) + 1;
    return { width, height };
  }
  return null;
}

/** Walks meta > iprp > ipco for 'ispe' boxes; the largest is the primary image (others are thumbnails or alpha). */
function avifDimensions(bytes: Uint8Array, view: DataView): Dimensions | null {
  let best: Dimensions | null = null;
  const walk = (start: number, end: number, depth: number): void => {
    let offset = start;
    while (offset + 8 <= end && depth < 6) {
      let size = view.getUint32(offset);
      const type = ascii(bytes, offset + 4, 4);
      let header = 8;
      if (size === 1) {
        if (offset + 16 > end) return;
        size = Number(view.getBigUint64(offset + 8));
        header = 16;
      } else if (size === 0) {
        size = end - offset;
      }
      if (size < header || offset + size > end) return;
      if (type === 'meta') walk(offset + header + 4, offset + size, depth + 1);
      else if (type === 'iprp' || type === 'ipco') walk(offset + header, offset + size, depth + 1);
      else if (type === 'ispe' && size >= header + 12) {
        const dims = { width: view.getUint32(offset + header + 4), height: view.getUint32(offset + header + 8) };
        if (!best || dims.width * dims.height > best.width * best.height) best = dims;
      }
      offset += size;
    }
  };
  walk(0, bytes.length, 0);
  return best;
}
