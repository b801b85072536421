// Runs in: services and renderer. The slug a headline gets under the newsroom's slug style:
// Chinese words as they are (/重庆银行行长), or their pinyin read in context, so polyphones come
// out right (/chong-qing-yin-hang-hang-zhang, not chong-qing-yin-xing-xing-chang).
import { pinyin } from 'pinyin-pro';
import type { SlugStyle } from '../contract';
import { slugify } from './slugify';

/** Headlines are short; anything beyond this is not read for pinyin (bounded work). */
const MAX_HEADLINE_CHARS = 1000;

export function headlineSlug(headline: string, style: SlugStyle, maxLength = 80): string {
  if (style === 'chinese') return slugify(headline, maxLength);
  const text = headline.slice(0, MAX_HEADLINE_CHARS);
  // One syllable per Han character (ü written v, as in lv-se), other text passed through whole.
  const syllables = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true });
  return slugify(syllables.join(' '), maxLength);
}
