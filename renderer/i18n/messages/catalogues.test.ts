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
});
