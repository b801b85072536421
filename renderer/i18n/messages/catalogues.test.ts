// Runs in: tests (node). A Chinese-speaking editor never meets an English fallback or an empty string.
import { describe, expect, it } from 'vitest';
import { catalogues } from './catalogues';

describe('message catalogues', () => {
  const english = Object.keys(catalogues.en).sort();

  it('zh-CN names every key English has, and no others', () => {
    expect(Object.keys(catalogues['zh-CN']).sort()).toEqual(english);
  });

  it('no app message is empty in either language', () => {
    for (const locale of ['en', 'zh-CN'] as const) {
      const empty = Object.entries(catalogues[locale]).filter(([key, text]) => !key.startsWith('editor.') && text.trim() === '');
      expect(empty, locale).toEqual([]);
    }
  });

  it('each translation keeps the same {placeholders} as English', () => {
    const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
    const mismatched = english.filter((key) => {
      const k = key as keyof typeof catalogues.en;
      return placeholders(catalogues.en[k]).join() !== placeholders(catalogues['zh-CN'][k]).join();
    });
    expect(mismatched).toEqual([]);
  });

  it('names the lead photo with one term per language: 头图 in zh-CN, "lead photo" in English', () => {
    const chinese = Object.values(catalogues['zh-CN']).join('\n');
    expect(chinese).toContain('头图');
    for (const synonym of ['题图', '首图', '主图', '封面图']) expect(chinese, synonym).not.toContain(synonym);
    const english = Object.values(catalogues.en).join('\n');
    expect(english).toMatch(/lead photo/i);
    for (const synonym of ['featured image', 'lead image', 'main photo', 'top photo', 'cover photo']) expect(english.toLowerCase(), synonym).not.toContain(synonym);
  });
});
