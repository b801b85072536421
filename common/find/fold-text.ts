// Runs in: services and renderer. Folds text for searching (full-width to half-width by NFKC, and
// case), one code point at a time, keeping where each folded unit came from in the original.
export interface FoldOptions {
  /** Fold case (lower-case both sides). */
  caseless: boolean;
  /** NFKC-fold each character: ，→ ,  （→ (  ０→0  Ａ→A, the ideographic space → space. */
  width: boolean;
}

export interface FoldedText {
  text: string;
  /** For each UTF-16 unit of `text`, the original offset where its source character starts; null: identity. */
  starts: Int32Array | null;
  /** For each UTF-16 unit of `text`, the original offset where its source character ends; null: identity. */
  ends: Int32Array | null;
}

const ASCII_ONLY = /^[\x00-\x7f]*$/;

/** CJK ideographs, kana and Hangul syllables: no case, and NFKC leaves them as they are. */
function isFoldInvariant(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0x3041 && code <= 0x3096) || (code >= 0x30a1 && code <= 0x30fa) || (code >= 0xac00 && code <= 0xd7a3);
}

/** One cache per option pair (index: width * 2 + caseless). */
const caches = [new Map<string, string>(), new Map<string, string>(), new Map<string, string>(), new Map<string, string>()];
const CACHE_LIMIT = 4096;

function foldChar(ch: string, options: FoldOptions): string {
  const cache = caches[(options.width ? 2 : 0) + (options.caseless ? 1 : 0)] ?? new Map<string, string>();
  const known = cache.get(ch);
  if (known !== undefined) return known;
  let out = options.width ? ch.normalize('NFKC') : ch;
  if (options.caseless) out = out.toLowerCase();
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(ch, out);
  return out;
}

/** `text` folded, with the offset maps (null when every unit maps to itself); ASCII takes the fast path. */
export function foldText(text: string, options: FoldOptions): FoldedText {
  if (!options.caseless && !options.width) return { text, starts: null, ends: null };
  // Plain ASCII (most English text) folds as a whole: width folding leaves it, case keeps lengths.
  if (ASCII_ONLY.test(text)) return { text: options.caseless ? text.toLowerCase() : text, starts: null, ends: null };
  let out = '';
  let starts: number[] | null = null;
  let ends: number[] | null = null;
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    let width = 1;
    let folded: string;
    if (code < 0x80) {
      folded = options.caseless && code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : (text[i] ?? '');
    } else if (isFoldInvariant(code)) {
      folded = text[i] ?? '';
    } else {
      width = code >= 0xd800 && code <= 0xdbff && i + 1 < text.length ? 2 : 1;
      folded = foldChar(text.slice(i, i + width), options);
    }
    if (starts === null && folded.length !== width) {
      // The first unit that does not map to itself: the maps start here, identity before.
      starts = Array.from({ length: out.length }, (_, k) => k);
      ends = starts.map((k) => k + 1);
    }
    if (starts !== null && ends !== null) {
      for (let k = 0; k < folded.length; k += 1) {
        starts.push(i);
        ends.push(i + width);
      }
    }
    out += folded;
    i += width;
  }
  return starts && ends ? { text: out, starts: Int32Array.from(starts), ends: Int32Array.from(ends) } : { text: out, starts: null, ends: null };
}

/** The original range of the folded range [from, to) (to > from). */
export function originalRange(folded: FoldedText, from: number, to: number): { from: number; to: number } {
  if (!folded.starts || !folded.ends) return { from, to };
  return { from: folded.starts[from] ?? 0, to: folded.ends[to - 1] ?? 0 };
}
