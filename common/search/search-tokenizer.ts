// Runs in: services and renderer. One tokenizer for indexing and querying: Latin words, plus
// overlapping character bigrams for CJK runs (with Intl.Segmenter words as extra recall).

/** Bump when tokenization changes: persisted search indexes with another version are rebuilt. */
export const TOKENIZER_VERSION = 1;

/** Scripts written without spaces between words (Hangul is spaced, but bigrams do no harm there). */
export const CJK_CLASS = '[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}]';
const CJK_RUN = new RegExp(`${CJK_CLASS}+`, 'gu');
const CJK_CHAR = new RegExp(CJK_CLASS, 'u');

const latinWords = new Intl.Segmenter('en', { granularity: 'word' });
const chineseWords = new Intl.Segmenter('zh', { granularity: 'word' });

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
  for (const segment of latinWords.segment(text)) if (segment.isWordLike) tokens.push(segment.segment);
}

function pushCjk(run: string, tokens: string[]): void {
  const chars = [...run];
  if (chars.length === 1) {
    tokens.push(run);
    return;
  }
  for (let i = 0; i + 1 < chars.length; i++) tokens.push(chars[i]! + chars[i + 1]!);
  // Two-character words are already bigrams; longer words and single-character words add recall.
  for (const segment of chineseWords.segment(run)) {
    if (segment.isWordLike && [...segment.segment].length !== 2) tokens.push(segment.segment);
  }
}
