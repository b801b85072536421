// Runs in: tests (node). Headline length in 字 or characters against the desk's guide.
import { describe, expect, it } from 'vitest';
import { headlineLength } from './headline-length';

describe('headline length', () => {
  it('counts a Chinese headline in 字, punctuation aside, a Latin word as one', () => {
    expect(headlineLength('市议会通过预算，GDP增长2%', 'zh-CN')).toEqual({ unit: 'zi', count: 11, guide: 30, over: 0 });
  });

  it('counts an English headline in characters, spaces between words included', () => {
    expect(headlineLength('  Council passes budget  ', 'en')).toEqual({ unit: 'characters', count: 21, guide: 70, over: 0 });
  });

  it('counts an accented letter or an emoji as one character', () => {
    expect(headlineLength('Café 👩‍💻', 'fr').count).toBe(6);
  });

  it('says how far past the desk guide a headline runs', () => {
    expect(headlineLength('一二三四五六七', 'zh', { zi: 5, characters: 70 })).toMatchObject({ count: 7, guide: 5, over: 2 });
    expect(headlineLength('x'.repeat(75), 'en-GB', { zi: 30, characters: 70 })).toMatchObject({ count: 75, over: 5 });
  });
});
