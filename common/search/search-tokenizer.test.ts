// Runs in: tests (node). The tokenizer makes Chinese and English text searchable the same way.
import { describe, expect, it } from 'vitest';
import { isCjkToken, tokenize } from './search-tokenizer';

describe('tokenize', () => {
  it('splits Latin text into lowercase words and folds full-width characters', () => {
    expect(tokenize('Mayor OPENS the Bridge, don’t miss it')).toEqual(['mayor', 'opens', 'the', 'bridge', 'don’t', 'miss', 'it']);
    expect(tokenize('ＡＢＣ　２０２６')).toEqual(['abc', '2026']);
  });

  it('turns an unspaced Chinese sentence into overlapping bigrams', () => {
    const tokens = tokenize('用户身份认证失败');
    for (const bigram of ['用户', '户身', '身份', '份认', '认证', '证失', '失败']) expect(tokens).toContain(bigram);
    expect(tokens).toContain('认证');
  });

  it('finds the query bigram in the document tokens for a dateline', () => {
    const doc = new Set(tokenize('新华社北京11月25日电'));
    for (const token of tokenize('北京')) expect(doc.has(token)).toBe(true);
    expect(doc.has('11')).toBe(true);
    for (const bigram of ['新华', '华社']) expect(doc.has(bigram)).toBe(true);
  });

  it('keeps every character of a run as a token too, so a lone character is one exact term wherever it stands', () => {
    expect(tokenize('中国人')).toEqual(['中国', '国人', '中', '国', '人']);
  });

  it('keeps a lone CJK character and handles mixed scripts', () => {
    expect(tokenize('A 京 B')).toEqual(['a', '京', 'b']);
    expect(tokenize('iPhone发布会')).toEqual(expect.arrayContaining(['iphone', '发布', '布会']));
    expect(isCjkToken('发布')).toBe(true);
    expect(isCjkToken('iphone')).toBe(false);
  });

  it('ignores punctuation and whitespace only text', () => {
    expect(tokenize(' ，。!? ')).toEqual([]);
  });
});

describe('tokenize on long articles', () => {
  it('gives the same words for a long text as for its pieces, and cuts no word at a chunk edge', () => {
    const words = Array.from({ length: 3000 }, (_, i) => `word${i}`);
    const tokens = tokenize(words.join(' '));
    expect(tokens).toEqual(words);
  });

  it('still makes every bigram of a long unpunctuated Chinese run', () => {
    const run = '市议会通过预算'.repeat(700);
    const tokens = tokenize(run);
    const chars = [...run];
    for (let i = 0; i + 1 < chars.length; i += 97) expect(tokens).toContain(chars[i]! + chars[i + 1]!);
  });
});
