// Runs in: services and renderer. An address as a person reads it (an IRI): percent-encoded
// UTF-8 letters shown as themselves, e.g. /%E8%93%84%E6%B0%B4 → /蓄水. The encoded form stays
// the one to link to; this is for display only. A Punycode host is shown in its own letters where
// that is safe (readable-host.ts): https://xn--fiqs8s.example/ → https://中国.example/.
import { readableHost } from './readable-host';

/** Longer addresses are shown as they are: decoding is bounded. */
const MAX_CHARS = 8192;

/**
 * What must never be shown raw: controls, format characters (bidi overrides and marks, zero-width
 * joiners), separators and spaces, private use, surrogates and unassigned code points. They stay
 * (or become) percent-encoded, so a crafted address cannot reorder or hide what the reader sees.
 */
const UNSAFE = /[\p{Cc}\p{Cf}\p{Z}\p{Co}\p{Cs}\p{Cn}]/u;
const UNSAFE_GLOBAL = /[\p{Cc}\p{Cf}\p{Z}\p{Co}\p{Cs}\p{Cn}]/gu;

const decoder = new TextDecoder('utf-8', { fatal: true });
const encoder = new TextEncoder();

function percentEncode(text: string): string {
  return [...encoder.encode(text)].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join('');
}

/** How many bytes a UTF-8 sequence starting with `lead` has; 0 when `lead` cannot start one. */
function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/** The letter these bytes encode, or null when they are not valid UTF-8. */
function decodeSequence(bytes: number[]): string | null {
  try {
    return decoder.decode(Uint8Array.from(bytes));
  } catch {
    return null;
  }
}

/** One run of %XX escapes: valid multi-byte UTF-8 letters decoded, everything else as it came. */
function decodeRun(run: string): string {
  const bytes = run.slice(1).split('%').map((hex) => Number.parseInt(hex, 16));
  const escapes = run.slice(1).split('%').map((hex) => `%${hex}`);
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const length = sequenceLength(bytes[i] ?? 0);
    if (length > 0 && i + length <= bytes.length) {
      const char = decodeSequence(bytes.slice(i, i + length));
      if (char !== null && !UNSAFE.test(char)) {
        out += char;
        i += length;
        continue;
      }
    }
    // ASCII stays encoded (%2F, %3F and %20 mean something different from / ? and a space), as
    // does an invalid or unsafe sequence.
    out += escapes[i] ?? '';
    i += 1;
  }
  return out;
}

/** `url` as a person should read it; never throws, and never shows a bidi or control character raw. */
export function readableUrl(url: string): string {
  if (url.length > MAX_CHARS) return url.replace(UNSAFE_GLOBAL, percentEncode);
  const decoded = url.replace(UNSAFE_GLOBAL, percentEncode).replace(/(?:%[0-9A-Fa-f]{2})+/g, decodeRun);
  // The host: after the scheme and any user@, before the path; or the whole text when it is a bare host.
  const authority = /^([a-z][a-z0-9+.-]*:\/\/(?:[^/?#@]*@)?)([^/?#@[\]]+)/i.exec(decoded);
  if (authority) return authority[1] + readableHost(authority[2] ?? '') + decoded.slice(authority[0].length);
  return /^[a-z0-9.-]+(?::\d{1,5})?$/i.test(decoded) ? readableHost(decoded) : decoded;
}
