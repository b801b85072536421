// Runs in: services. Whether a photo's bytes run to the end its format says they do: a file cut
// off by an interrupted copy or download has a valid header (and size), so it would be accepted and
// then show, and publish, as an empty box. A check of the structure only: nothing is decoded.
import type { ImageType } from './sniff-image-type';

export function isCompleteImage(type: ImageType, bytes: Uint8Array): boolean {
  switch (type) {
    case 'jpg':
      return jpegHasEnd(bytes);
    case 'png':
      return pngHasEnd(bytes);
    case 'gif':
      return gifHasEnd(bytes);
    case 'webp':
      return riffIsWhole(bytes);
    case 'avif':
      return boxesAreWhole(bytes);
  }
}

/**
 * An end-of-image marker after the first start-of-scan. Inside the compressed scan every 0xFF is
 * followed by 0x00 or a restart marker, so FF D9 there is the real end; thumbnails in the EXIF block
 * come before the scan. Bytes some cameras append after the end are allowed.
 */
function jpegHasEnd(bytes: Uint8Array): boolean {
  const scan = indexOfPair(bytes, 0xff, 0xda, 2);
  if (scan < 0) return false;
  for (let i = bytes.length - 2; i > scan; i--) if (bytes[i] === 0xff && bytes[i + 1] === 0xd9) return true;
  return false;
}

/** A whole IEND chunk (zero length, type, CRC) after the signature; trailing bytes are allowed. */
function pngHasEnd(bytes: Uint8Array): boolean {
  for (let i = bytes.length - 8; i >= 12; i--) {
    const iend = bytes[i] === 0x49 && bytes[i + 1] === 0x45 && bytes[i + 2] === 0x4e && bytes[i + 3] === 0x44;
    if (iend && bytes[i - 1] === 0 && bytes[i - 2] === 0 && bytes[i - 3] === 0 && bytes[i - 4] === 0) return true;
  }
  return false;
}

/** The trailer byte (0x3B) ends a GIF. */
function gifHasEnd(bytes: Uint8Array): boolean {
  return bytes.length > 13 && bytes[bytes.length - 1] === 0x3b;
}

/** RIFF (WebP) says its own length after the first eight bytes. */
function riffIsWhole(bytes: Uint8Array): boolean {
  if (bytes.length < 12) return false;
  const size = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(4, true);
  return size + 8 <= bytes.length;
}

/** ISO-BMFF (AVIF): the top-level boxes, each with its size, cover the file without running past it. */
function boxesAreWhole(bytes: Uint8Array): boolean {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 0;
  let boxes = 0;
  while (offset < bytes.length) {
    if (offset + 8 > bytes.length || ++boxes > 10_000) return false;
    let size = view.getUint32(offset);
    if (size === 1) {
      if (offset + 16 > bytes.length) return false;
      size = Number(view.getBigUint64(offset + 8));
    } else if (size === 0) {
      return true; // the last box runs to the end of the file
    }
    if (size < 8 || offset + size > bytes.length) return false;
    offset += size;
  }
  return boxes > 0;
}

function indexOfPair(bytes: Uint8Array, first: number, second: number, from: number): number {
  for (let i = from; i + 1 < bytes.length; i++) if (bytes[i] === first && bytes[i + 1] === second) return i;
  return -1;
}
