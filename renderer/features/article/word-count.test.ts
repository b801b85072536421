// Runs in: tests (node). The status bar counts the way each newsroom counts: words, or 字.
import { describe, expect, it, vi } from 'vitest';
import { countLabels } from './word-count';

describe('status bar counts', () => {
  it('an English story shows words and reading time with thousands separators', () => {
    expect(countLabels({ words: 1234, cjkChars: 0, readingMinutes: 6 }, 'en')).toEqual(['1,234 words', '6 min read']);
  });

  it('a Chinese story in the Chinese UI counts 字', () => {
    expect(countLabels({ words: 0, cjkChars: 1234, readingMinutes: 4 }, 'zh-CN', 'zh-CN')).toEqual(['1,234 字', '阅读约 4 分钟']);
  });

  it('a mixed story shows both counts; the English UI says characters', () => {
    expect(countLabels({ words: 12, cjkChars: 300, readingMinutes: 1 }, 'en')).toEqual(['12 words', '300 characters', '1 min read']);
  });

  it('an empty story says 0 words and no reading time', () => {
    expect(countLabels({ words: 0, cjkChars: 0, readingMinutes: 0 }, 'en')).toEqual(['0 words']);
  });

  it('an empty Chinese story says 0 字, not 0 个单词', () => {
    expect(countLabels({ words: 0, cjkChars: 0, readingMinutes: 0 }, 'zh-CN', 'zh-CN')).toEqual(['0 字']);
  });

  it('a Chinese story with a few Latin words shows 字 first, then the words', () => {
    expect(countLabels({ words: 3, cjkChars: 120, readingMinutes: 1 }, 'zh-CN', 'zh-CN')).toEqual(['120 字', '3 个单词', '阅读约 1 分钟']);
  });

  it('a Chinese story without Latin text shows no word count, in either UI', () => {
    expect(countLabels({ words: 0, cjkChars: 120, readingMinutes: 1 }, 'en', 'zh-CN')).toEqual(['120 characters', '1 min read']);
  });

  it('counting on every key builds no new number formatter: one per interface language', () => {
    countLabels({ words: 1, cjkChars: 0, readingMinutes: 0 }, 'en');
    countLabels({ words: 1, cjkChars: 0, readingMinutes: 0 }, 'zh-CN');
    const built = vi.spyOn(Intl, 'NumberFormat');
    try {
      for (let words = 0; words < 20; words++) {
        countLabels({ words, cjkChars: words, readingMinutes: 1 }, 'en');
        countLabels({ words, cjkChars: words, readingMinutes: 1 }, 'zh-CN', 'zh-CN');
      }
      expect(countLabels({ words: 1234, cjkChars: 0, readingMinutes: 6 }, 'en')).toEqual(['1,234 words', '6 min read']);
      expect(built).not.toHaveBeenCalled();
    } finally {
      built.mockRestore();
    }
  });
});
