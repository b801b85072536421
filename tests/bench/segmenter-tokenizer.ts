// Runs in: the benchmark script (Node). The tokenizer before TOKENIZER_VERSION 2 (Latin words by
// Intl.Segmenter), kept as the same-run baseline of the search index bench.

/** Bump when tokenization changes: persisted search indexes with another version are rebuilt. */
export const TOKENIZER_VERSION = 1;

/** Scripts written without spaces between words (Hangul is spaced, but bigrams do no harm there). */
export const CJK_CLASS = '[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}]';
const CJK_RUN = new RegExp(`${CJK_CLASS}+`, 'gu');
const CJK_CHAR = new RegExp(CJK_CLASS, 'u');

const latinWords = new Intl.Segmenter('en', { granularity: 'word' });
const chineseWords = new Intl.Segmenter('zh', { granularity: 'word' });
/** V8's Intl.Segmenter slows down quadratically on long strings: segment in bounded chunks. */
const SEGMENT_CHUNK = 2048;

/** True when a token came from a CJK run (a bigram, a lone character or a segmenter word). */
export function isCjkToken(token: string): boolean {
  return CJK_CHAR.test(token);
}

export function tokenize(text: string): string[] {
  const normalized = text.normalize('NFKC').toLowerCase();
  const tokens: string[] = [];
  let last = 0;
  for (const match of normalized.matchAll(CJK_RUN)) {
    pushLatin(normalized.slice(last, match.index), tokens);
    pushCjk(match[0], tokens);
    last = match.index + match[0].length;
  }
  pushLatin(normalized.slice(last), tokens);
  return tokens;
}

function pushLatin(text: string, tokens: string[]): void {
  if (text.trim().length === 0) return;
  // Chunks end just after a whitespace character, so no word is cut in two.
  const space = /\s/g;
  for (let start = 0; start < text.length; ) {
    space.lastIndex = start + SEGMENT_CHUNK;
    const next = start + SEGMENT_CHUNK < text.length ? space.exec(text) : null;
    const end = next ? next.index + 1 : text.length;
    for (const segment of latinWords.segment(text.slice(start, end))) if (segment.isWordLike) tokens.push(segment.segment);
    start = end;
  }
}

function pushCjk(run: string, tokens: string[]): void {
  const chars = [...run];
  if (chars.length === 1) {
    tokens.push(run);
    return;
  }
  for (let i = 0; i + 1 < chars.length; i++) tokens.push(chars[i]! + chars[i + 1]!);
  // Two-character words are already bigrams; longer words and single-character words add recall.
  // Unpunctuated runs can be long: segment them in bounded chunks (a word cut at a chunk edge is still found by its bigrams).
  for (let start = 0; start < chars.length; start += SEGMENT_CHUNK) {
    for (const segment of chineseWords.segment(chars.slice(start, start + SEGMENT_CHUNK).join(''))) {
      if (segment.isWordLike && [...segment.segment].length !== 2) tokens.push(segment.segment);
    }
  }
}
