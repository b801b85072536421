// Runs in: services and renderer. A host name as a person reads it: an internationalized label
// sent as Punycode (xn--fiqs8s) shown in its own letters (中国), as browsers do. Only a label that
// cannot pass for another one is decoded: letters of one script (Chinese, Japanese and Korean may
// mix with Latin), no control, format or space characters, in normal form, and not a Cyrillic or
// Greek word made only of letters that look Latin (аррӏе.com stays xn--80ak6aa92e.com).
import punycode from 'punycode/';

/** Longer host names are shown as they are. */
const MAX_HOST_CHARS = 253;
const MAX_LABEL_CHARS = 63;

const UNSAFE = /[\p{Cc}\p{Cf}\p{Z}\p{Co}\p{Cs}\p{Cn}]/u;

const SCRIPTS: [string, RegExp][] = [
  ['Latin', /\p{Script=Latin}/u],
  ['Han', /\p{Script=Han}/u],
  ['Hiragana', /\p{Script=Hiragana}/u],
  ['Katakana', /\p{Script=Katakana}/u],
  ['Hangul', /\p{Script=Hangul}/u],
  ['Bopomofo', /\p{Script=Bopomofo}/u],
  ['Cyrillic', /\p{Script=Cyrillic}/u],
  ['Greek', /\p{Script=Greek}/u],
];

/** Scripts that may share a label: the CJK writing systems with each other and with Latin. */
const MIXES: string[][] = [
  ['Latin', 'Han', 'Hiragana', 'Katakana'],
  ['Latin', 'Han', 'Hangul'],
  ['Latin', 'Han', 'Bopomofo'],
];

/** Cyrillic and Greek letters that look like Latin ones. */
const LATIN_LOOKALIKES = new Set([...'аеорсухіјѕԁһӏԛԝьвкмнтпгүѵԍοαειкνρτυχβζηθμωκ'.normalize('NFC')]);

/** The script of a letter; null for anything else (digits, hyphens, combining marks follow their letter). */
function scriptOf(char: string): string | null {
  if (!/\p{L}/u.test(char)) return null;
  for (const [name, pattern] of SCRIPTS) if (pattern.test(char)) return name;
  return 'Other';
}

/** Whether a decoded label may be shown in its letters. */
function isSafeLabel(label: string): boolean {
  if (label.length === 0 || UNSAFE.test(label) || label.normalize('NFC') !== label) return false;
  const chars = [...label];
  const scripts = new Set(chars.map(scriptOf).filter((s): s is string => s !== null));
  if (scripts.size > 1 && !MIXES.some((mix) => [...scripts].every((s) => mix.includes(s)))) return false;
  if (scripts.has('Cyrillic') || scripts.has('Greek')) {
    const letters = chars.filter((c) => /\p{L}/u.test(c));
    if (letters.every((c) => LATIN_LOOKALIKES.has(c.toLowerCase()))) return false;
  }
  return true;
}

function readableLabel(label: string): string {
  if (!/^xn--/i.test(label) || label.length > MAX_LABEL_CHARS) return label;
  try {
    const decoded = punycode.decode(label.slice(4).toLowerCase());
    return isSafeLabel(decoded) ? decoded : label;
  } catch {
    return label;
  }
}

/** `host` (a name, with or without a port) as a person should read it; never throws. */
export function readableHost(host: string): string {
  if (host.length > MAX_HOST_CHARS + 6 || !/xn--/i.test(host)) return host;
  const port = /:\d{1,5}$/.exec(host)?.[0] ?? '';
  const name = host.slice(0, host.length - port.length);
  return name.split('.').map(readableLabel).join('.') + port;
}
