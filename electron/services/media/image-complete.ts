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
 * An end-of-image marker after the picture's own start of scan, found by walking the marker
 * segments from the start: a camera's EXIF block carries a whole preview JPEG (its own scan and end
 * marker) before the picture, so searching the bytes for the first scan would find the preview's.
 * Inside the compressed scan every 0xFF is followed by 0x00 or a restart marker, so FF D9 there is
 * the real end. Bytes some cameras append after the end (a motion photo's video) are allowed.
 */
function jpegHasEnd(bytes: Uint8Array): boolean {
  const scan = startOfScan(bytes);
  if (scan < 0) return false;
  for (let i = bytes.length - 2; i > scan; i--) if (bytes[i] === 0xff && bytes[i + 1] === 0xd9) return true;
  return false;
}

/** The offset of the first SOS marker reached by following the segments' lengths; -1 when there is none. */
function startOfScan(bytes: Uint8Array): number {
  let offset = 2;
  while (offset + 4 <= bytes.length) {
    if (bytes[offset] !== 0xff) return -1;
    const marker = bytes[offset + 1] as number;
    if (marker === 0xff) {
      offset++; // fill byte
      continue;
    }
    if (marker === 0xda) return offset;
    // Markers without a length: SOI, RSTn, TEM.
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      offset += 2;
      continue;
    }
    const length = ((bytes[offset + 2] as number) << 8) | (bytes[offset + 3] as number);
    if (length < 2) return -1;
    offset += 2 + length;
  }
  return -1;
}

/** A whole IEND chunk (zero length, type, CRC) after the signature; trailing bytes are allowed. */
function pngHasEnd(bytes: Uint8Array): boolean {
  for (let i = bytes.length - 8; i >= 12; i--) {
    const iend = bytes[i] === 0x49 && bytes[i + 1] === 0x45 && bytes[i + 2] === 0x4e && bytes[i + 3] === 0x44;
    if (iend && bytes[i - 1] === 0 && bytes[i - 2] === 0 && bytes[i - 3] === 0 && bytes[i - 4] === 0) return true;
  }
  return false;
}

/**
 * The GIF's blocks, walked from the header, reach the trailer (0x3B): extensions and images, each
 * as a chain of length-prefixed sub-blocks. Bytes after the trailer (padding) are allowed.
 */
function gifHasEnd(bytes: Uint8Array): boolean {
  if (bytes.length < 13) return false;
  let offset = 13 + colorTableBytes(bytes[10] as number);
  while (offset < bytes.length) {
    const block = bytes[offset];
    if (block === 0x3b) return true;
    if (block === 0x21) {
      offset = skipSubBlocks(bytes, offset + 2);
    } else if (block === 0x2c) {
      if (offset + 10 > bytes.length) return false;
      offset = skipSubBlocks(bytes, offset + 10 + colorTableBytes(bytes[offset + 9] as number) + 1);
    } else {
      return false;
    }
    if (offset < 0) return false;
  }
  return false;
}

/** The size of a colour table a packed-fields byte announces (flag 0x80, size in the low 3 bits). */
function colorTableBytes(packed: number): number {
  return packed & 0x80 ? 3 * 2 ** ((packed & 0x07) + 1) : 0;
}

/** The offset after a chain of sub-blocks ending with a zero-length one; -1 when the bytes end first. */
function skipSubBlocks(bytes: Uint8Array, from: number): number {
  let offset = from;
  while (offset < bytes.length) {
    const size = bytes[offset] as number;
    if (size === 0) return offset + 1;
    offset += 1 + size;
  }
  return -1;
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
    // Fewer bytes than a box header after the last box: padding, not a cut-off box.
    if (offset + 8 > bytes.length) return boxes > 0;
    if (++boxes > 10_000) return false;
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
