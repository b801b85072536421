import { describe, expect, it } from 'vitest';
import { headlineSlug } from './headline-slug';

describe('a slug in the newsroom slug style', () => {
  it.each([
    ['重庆银行行长', 'pinyin', 'chong-qing-yin-hang-hang-zhang'],
    ['长江大桥今日通车', 'pinyin', 'chang-jiang-da-qiao-jin-ri-tong-che'],
    ['绿色出行', 'pinyin', 'lv-se-chu-xing'],
    ['iPhone 17发布会在重庆举行', 'pinyin', 'iphone-17-fa-bu-hui-zai-chong-qing-ju-xing'],
    ['Harbour reopens', 'pinyin', 'harbour-reopens'],
    ['重庆银行行长', 'chinese', '重庆银行行长'],
    ['市长：今冬供暖提前', 'chinese', '市长-今冬供暖提前'],
  ] as const)('%s (%s) → %s', (headline, style, slug) => {
    expect(headlineSlug(headline, style)).toBe(slug);
  });

  it('stays within the length asked for', () => {
    expect(headlineSlug('重庆银行行长'.repeat(50), 'pinyin', 40).length).toBeLessThanOrEqual(40);
  });
});
