// Runs in: vitest (node). Slugs an editor would accept for English, Chinese and accented headlines.
import { describe, expect, it } from 'vitest';
import { isAppError } from '../app-error';
import { isUsableSlug, slugify } from './slugify';

describe('slugify', () => {
  it('lowercases an English headline and joins words with single hyphens', () => {
    expect(slugify('  Fed Raises Rates -- Again!  ')).toBe('fed-raises-rates-again');
  });

  it("drops apostrophes inside words instead of splitting them", () => {
    expect(slugify("Don't Panic: It’s Fine")).toBe('dont-panic-its-fine');
  });

  it('keeps Chinese characters and turns fullwidth punctuation into hyphens', () => {
    expect(slugify('国务院：今年GDP增长5.2%，好于预期！')).toBe('国务院-今年gdp增长5-2-好于预期');
    expect(slugify('《人民日报》评论员文章')).toBe('人民日报-评论员文章');
  });

  it('keeps kana and hangul, and folds halfwidth kana to fullwidth', () => {
    expect(slugify('東京タワー・ｶﾞｲﾄﾞ')).toBe('東京タワー-ガイド');
    expect(slugify('서울 특별시')).toBe('서울-특별시');
  });

  it('strips diacritics and folds fullwidth Latin', () => {
    expect(slugify('Café Société à Zürich')).toBe('cafe-societe-a-zurich');
    expect(slugify('ＡＢＣ　Ｎｅｗｓ')).toBe('abc-news');
    expect(slugify('Straße in Łódź')).toBe('strasse-in-lodz');
  });

  it('transliterates Russian', () => {
    expect(slugify('Москва — столица')).toBe('moskva-stolitsa');
  });

  it('returns an empty slug when nothing usable is left', () => {
    expect(slugify('!!! ？？？ 🎉')).toBe('');
    expect(slugify('')).toBe('');
  });

  it('cuts at the limit without leaving a trailing hyphen', () => {
    expect(slugify('alpha beta gamma', 11)).toBe('alpha-beta');
    expect(slugify('alpha beta gamma', 6)).toBe('alpha');
    expect(slugify('a'.repeat(100)).length).toBe(80);
  });

  it('never splits a surrogate pair when cutting (CJK extension B)', () => {
    const slug = slugify('𠀀𠀁𠀂', 5);
    expect(slug).toBe('𠀀𠀁');
    expect(slug.length).toBe(4);
    expect(/[\uD800-\uDBFF]$/.test(slug)).toBe(false);
  });

  it('refuses a non-positive length with a clear error', () => {
    let caught: unknown;
    try {
      slugify('x', 0);
    } catch (error) {
      caught = error;
    }
    expect(isAppError(caught) && caught.code === 'invalid-input').toBe(true);
  });

  it('always produces usable slugs', () => {
    for (const headline of ['Fed Raises Rates', '国务院：今年GDP增长5.2%', 'Café -- Zürich', '--x--', '《》中文']) {
      expect(isUsableSlug(slugify(headline))).toBe(true);
    }
  });
});

describe('isUsableSlug', () => {
  it('accepts lowercase ASCII and CJK runs separated by single hyphens', () => {
    expect(isUsableSlug('fed-raises-rates')).toBe(true);
    expect(isUsableSlug('国务院-今年gdp增长')).toBe(true);
    expect(isUsableSlug('東京タワー')).toBe(true);
  });

  it('refuses empty, uppercase, spaced, doubled or edge hyphens, and over-long slugs', () => {
    for (const bad of ['', 'Fed', 'fed rates', 'fed--rates', '-fed', 'fed-', 'fed_rates', 'café', '国务院，', 'x'.repeat(201)]) {
      expect(isUsableSlug(bad), bad).toBe(false);
    }
    expect(isUsableSlug('x'.repeat(200))).toBe(true);
  });
});
