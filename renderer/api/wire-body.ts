// Runs in: renderer (browser mode). The body of a request to the loopback host. Chromium's fetch()
// turns a string body into bytes in one piece on the main thread: for a long article's autosave
// (~1.5 MB of JSON) that held the keys back for tens of milliseconds once a second. A long body is
// made into a Blob a slice at a time instead, ending the task between slices so typed keys go first;
// fetch then hands the Blob over without copying it again.
import { yieldToInput } from '../kit/yield-to-input';

/** Characters per slice: a slice is turned into bytes in a couple of milliseconds. */
export const WIRE_SLICE_CHARS = 128 * 1024;

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** `text` as a fetch body: as it is when short, else a Blob made slice by slice with `yieldBetween` between slices. */
export async function wireBody(text: string, yieldBetween: () => Promise<void> = yieldToInput): Promise<string | Blob> {
  if (text.length <= WIRE_SLICE_CHARS) return text;
  const parts: Blob[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(start + WIRE_SLICE_CHARS, text.length);
    // Both halves of a surrogate pair (an emoji, a rare CJK character) stay in one slice.
    if (end < text.length && isHighSurrogate(text.charCodeAt(end - 1))) end--;
    parts.push(new Blob([text.slice(start, end)]));
    start = end;
    if (start < text.length) await yieldBetween();
  }
  return new Blob(parts, { type: 'application/json' });
}
