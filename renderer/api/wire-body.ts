// Runs in: renderer (browser mode). The body of a request to the loopback host. Chromium's fetch()
// turns a string body into bytes in one piece on the main thread, and copies a byte array in one
// piece too: for a long article's autosave (~1.5 MB of JSON) either held the keys back for up to
// tens of milliseconds once a second. A long body is made into a Blob a slice at a time instead,
// ending the task between slices so typed keys go first; fetch then hands the Blob over without
// copying it again.
import { yieldToInput } from '../kit/yield-to-input';

/** Characters per slice of text: a slice is turned into bytes in a couple of milliseconds. */
export const WIRE_SLICE_CHARS = 128 * 1024;
/** Bytes per slice of a body already encoded (a prepared autosave). */
export const WIRE_SLICE_BYTES = 256 * 1024;

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** `data` as a fetch body: as it is when short, else a Blob made slice by slice with `yieldBetween` between slices. */
export async function wireBody<T extends string | Uint8Array<ArrayBuffer>>(data: T, yieldBetween: () => Promise<void> = yieldToInput): Promise<T | Blob> {
  const length = typeof data === 'string' ? data.length : data.byteLength;
  const slice = typeof data === 'string' ? WIRE_SLICE_CHARS : WIRE_SLICE_BYTES;
  if (length <= slice) return data;
  const parts: Blob[] = [];
  let start = 0;
  while (start < length) {
    let end = Math.min(start + slice, length);
    if (typeof data === 'string') {
      // Both halves of a surrogate pair (an emoji, a rare CJK character) stay in one slice.
      if (end < length && isHighSurrogate(data.charCodeAt(end - 1))) end--;
      parts.push(new Blob([data.slice(start, end)]));
    } else {
      // Bytes are joined back as they were: a character split at a slice edge is whole again.
      parts.push(new Blob([data.subarray(start, end)]));
    }
    start = end;
    if (start < length) await yieldBetween();
  }
  return new Blob(parts, { type: 'application/json' });
}
