// Runs in: services and renderer. One tokenizer for indexing and querying: Latin words, plus
// overlapping character bigrams for CJK runs. No Intl.Segmenter: a query only ever asks for bigrams
// (and a lone character as a prefix), so segmenter words added nothing a search could find, and
// segmenting Chinese was twenty times the cost of the rest of tokenizing.

/** Bump when tokenization changes: persisted search indexes with another version are rebuilt. */
export const TOKENIZER_VERSION = 3;

/** Scripts written without spaces between words (Hangul is spaced, but bigrams do no harm there). */
export const CJK_CLASS = '[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}]';
const CJK_RUN = new RegExp(`${CJK_CLASS}+`, 'gu');
const CJK_CHAR = new RegExp(CJK_CLASS, 'u');

/**
 * A word of a spaced script: letters, marks, digits and underscores, with apostrophes, periods and
 * colons inside it (don’t, u.s, 3.5). A regular expression, not Intl.Segmenter: V8's segmenter
 * costs several times as much per word, and a full rebuild tokenizes millions of words.
 */
const LATIN_WORD = /[\p{L}\p{M}\p{N}_]+(?:['’.:·][\p{L}\p{M}\p{N}_]+)*/gu;

/** True when a token came from a CJK run (a bigram or a lone character). */
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
  for (const match of text.matchAll(LATIN_WORD)) tokens.push(match[0]);
}

function pushCjk(run: string, tokens: string[]): void {
  const chars = [...run];
  if (chars.length === 1) {
    tokens.push(run);
    return;
  }
  for (let i = 0; i + 1 < chars.length; i++) tokens.push(chars[i]! + chars[i + 1]!);
  // Every character is a token of its own too, so a lone character (the first one typed into the
  // search box) is one exact term. As a prefix of every bigram it starts, a common character
  // expanded to hundreds of terms and took ~100 ms per shard to score.
  for (const char of chars) tokens.push(char);
}
