// Runs in: services and renderer. Word count, CJK character count (字数) and reading time of plain text.

export interface TextStats {
  /** Words of space-separated scripts (Latin, Cyrillic, Greek, ...), numbers included. */
  words: number;
  /** Han, kana and hangul characters, one each; punctuation, spaces and symbols excluded. */
  cjkChars: number;
  /** Whole minutes at 230 words and 400 CJK characters a minute; 0 only when nothing counts. */
  readingMinutes: number;
}

export const WORDS_PER_MINUTE = 230;
export const CJK_CHARS_PER_MINUTE = 400;

// The prolonged sound mark ー (and its halfwidth form) is script Common but is a kana letter in use.
const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u30FC\uFF70]/gu;

// A word: letters/digits, joined by inner apostrophes or hyphens, or by . and , between digits (3.5, 1,000).
const WORD =
  /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:(?:['\u2019\u2010\u2011-](?=[\p{L}\p{N}])|(?<=\p{N})[.,](?=\p{N}))[\p{L}\p{N}\p{M}]*)*/gu;

export function textStats(text: string): TextStats {
  const cjkChars = countMatches(text, CJK_CHAR);
  // CJK characters end a word on both sides: "11月25日" holds the numbers 11 and 25.
  const words = cjkChars === 0 ? countMatches(text, WORD) : countMatches(text.replace(CJK_CHAR, ' '), WORD);
  return { words, cjkChars, readingMinutes: readingMinutes(words, cjkChars) };
}

/** ceil(words/230 + cjkChars/400) in integer arithmetic, at least 1 when anything counts. */
export function readingMinutes(words: number, cjkChars: number): number {
  if (words <= 0 && cjkChars <= 0) return 0;
  const numerator = words * CJK_CHARS_PER_MINUTE + cjkChars * WORDS_PER_MINUTE;
  return Math.max(1, Math.ceil(numerator / (WORDS_PER_MINUTE * CJK_CHARS_PER_MINUTE)));
}

function countMatches(text: string, pattern: RegExp): number {
  let count = 0;
  for (const _match of text.matchAll(pattern)) count++;
  return count;
}
