// Runs in: vitest (node). How the word and 字数 counters read English, Chinese and mixed copy.
import { describe, expect, it } from 'vitest';
import { readingMinutes, textStats } from './text-stats';

describe('textStats', () => {
  it('counts an English sentence with contractions, hyphenated words and decimals as one word each', () => {
    const stats = textStats("Don't panic: the state-run firm grew 3.5% in 2024, officials said.");
    // Don't, panic, the, state-run, firm, grew, 3.5, in, 2024, officials, said
    expect(stats).toEqual({ words: 11, cjkChars: 0, readingMinutes: 1 });
  });

  it('counts a Xinhua-style Chinese lead the way the newsroom counts 字数', () => {
    const stats = textStats('新华社北京11月25日电（记者张三）今天，国务院新闻办公室举行发布会。');
    // 新华社北京 5 + 月 1 + 日电 2 + 记者张三 4 + 今天 2 + 国务院新闻办公室举行发布会 13 = 27; the numbers 11 and 25 are words.
    expect(stats).toEqual({ words: 2, cjkChars: 27, readingMinutes: 1 });
  });

  it('counts the short dateline from the brief by hand', () => {
    expect(textStats('新华社北京11月25日电（记者张三）今天，……')).toEqual({ words: 2, cjkChars: 14, readingMinutes: 1 });
  });

  it('separates Latin words glued to Chinese characters in mixed copy', () => {
    const stats = textStats('苹果公司CEO库克（Tim Cook）表示，iPhone 16销量增长。');
    // CJK: 苹果公司 4 + 库克 2 + 表示 2 + 销量增长 4 = 12; words: CEO, Tim, Cook, iPhone, 16
    expect(stats).toEqual({ words: 5, cjkChars: 12, readingMinutes: 1 });
  });

  it('counts kana (with the prolonged sound mark) and hangul one character each', () => {
    expect(textStats('東京タワーは、ロンドンより高い。').cjkChars).toBe(14);
    expect(textStats('서울 특별시').cjkChars).toBe(5);
  });

  it('counts Cyrillic words and ignores the dash between them', () => {
    expect(textStats('Москва — столица России').words).toBe(3);
  });

  it('counts nothing in punctuation-only text, ASCII or fullwidth', () => {
    expect(textStats('，。、；：？！“”‘’（）《》【】…—·「」!?.,-\'"  ')).toEqual({ words: 0, cjkChars: 0, readingMinutes: 0 });
  });

  it('counts nothing for empty text', () => {
    expect(textStats('')).toEqual({ words: 0, cjkChars: 0, readingMinutes: 0 });
  });

  it('does not count emoji, even with skin tones or ZWJ sequences', () => {
    expect(textStats('🎉🎉 Great news 👍🏽 👨‍👩‍👧')).toEqual({ words: 2, cjkChars: 0, readingMinutes: 1 });
    expect(textStats('👍 🎉').readingMinutes).toBe(0);
  });

  it('does not join words across sentence punctuation', () => {
    expect(textStats('end.Next one-- two --three').words).toBe(5);
  });
});

describe('readingMinutes', () => {
  it('rounds up to whole minutes at 230 words and 400 CJK characters a minute', () => {
    expect(readingMinutes(230, 0)).toBe(1);
    expect(readingMinutes(231, 0)).toBe(2);
    expect(readingMinutes(0, 400)).toBe(1);
    expect(readingMinutes(0, 401)).toBe(2);
    expect(readingMinutes(115, 200)).toBe(1);
    expect(readingMinutes(1, 0)).toBe(1);
    expect(readingMinutes(2300, 4000)).toBe(20);
  });
});
