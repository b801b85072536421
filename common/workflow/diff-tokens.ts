// Runs in: main, services, host and renderer. Splits text into the units a word-level diff
// compares: a Latin (or any spaced-script) word with its trailing spaces, each Chinese or Japanese
// character on its own (those scripts have no spaces: 北京 → 北, 京), each punctuation mark,
// symbol or emoji with its trailing spaces, a run of leading spaces, and each line break.

const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Bopomofo}';
const WORD_CHAR = `(?![${CJK}])[\\p{L}\\p{N}\\p{M}]`;
const SPACES = '[^\\S\\n]*';

const TOKEN = new RegExp(
  [
    '\\n',
    `[${CJK}]\\p{M}*${SPACES}`,
    // Apostrophes inside a word keep it whole: don't, l’homme.
    `(?:${WORD_CHAR})+(?:['’](?:${WORD_CHAR})+)*${SPACES}`,
    // An emoji with its skin tone, variation selector and zero-width-joined parts: 👍🏽, 👩‍💻.
    `\\p{Extended_Pictographic}(?:\\p{Emoji_Modifier}|\\uFE0F|\\u200D\\p{Extended_Pictographic})*${SPACES}`,
    '[^\\S\\n]+',
    `[^]${SPACES}`,
  ].join('|'),
  'gu',
);

/** The tokens of `text`, in order; joined they give `text` back exactly. */
export function diffTokens(text: string): string[] {
  return text.match(TOKEN) ?? [];
}
