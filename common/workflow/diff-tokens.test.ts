// Runs in: vitest (node). Words keep their trailing space, Chinese splits per character,
// punctuation stands alone, and the tokens always join back into the text.
import { describe, expect, it } from 'vitest';
import { diffTokens } from './diff-tokens';

describe('diffTokens', () => {
  it('splits English into words with their trailing spaces and punctuation on its own', () => {
    expect(diffTokens('Hello, world! It’s 3 pm.')).toEqual(['Hello', ', ', 'world', '! ', 'It’s ', '3 ', 'pm', '.']);
    expect(diffTokens("  don't stop")).toEqual(['  ', "don't ", 'stop']);
  });

  it('gives every Chinese character and full-width punctuation mark its own token', () => {
    expect(diffTokens('北京今天下雨。')).toEqual(['北', '京', '今', '天', '下', '雨', '。']);
    expect(diffTokens('新华社北京电（记者）')).toEqual(['新', '华', '社', '北', '京', '电', '（', '记', '者', '）']);
  });

  it('separates mixed scripts and keeps line breaks as tokens', () => {
    expect(diffTokens('GDP增长5.2%\nok')).toEqual(['GDP', '增', '长', '5', '.', '2', '%', '\n', 'ok']);
    expect(diffTokens('ひらがなカタカナ')).toHaveLength(8);
  });

  it('keeps emoji and accented letters whole', () => {
    expect(diffTokens('café 👍🏽 naïve 👩\u200d💻!')).toEqual(['café ', '👍🏽 ', 'naïve ', '👩\u200d💻', '!']);
  });

  it('always joins back to the original text', () => {
    for (const sample of ['', ' ', 'a  b\n\n c', '「引号」 and — dashes…', 'x\u0301y', '𠀀𠀁 rare Han']) {
      expect(diffTokens(sample).join('')).toBe(sample);
    }
  });
});
