// Runs in: services and renderer. How long a headline is, in the unit its desk counts: 字 for a
// Chinese story, characters for any other.
import { textStats } from './text-stats';

export type HeadlineUnit = 'zi' | 'characters';

export interface HeadlineGuide {
  /** The desk's guide for Chinese headlines, in 字. */
  zi: number;
  /** The desk's guide for other headlines, in characters. */
  characters: number;
}

export const DEFAULT_HEADLINE_GUIDE: HeadlineGuide = { zi: 30, characters: 70 };

export interface HeadlineLength {
  unit: HeadlineUnit;
  count: number;
  guide: number;
  /** How far past the guide; 0 within it. */
  over: number;
}

/** True for a story written in Chinese (its language tag). */
export function isChineseLanguage(language: string): boolean {
  return /^zh(-|$)/i.test(language);
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * A Chinese headline counts its Han characters with the word counter's rules, and each Latin word
 * or number (GDP, 2026) as one 字; any other counts what the reader sees as characters (graphemes).
 * Leading and trailing spaces do not count.
 */
export function headlineLength(headline: string, language: string, guide: HeadlineGuide = DEFAULT_HEADLINE_GUIDE): HeadlineLength {
  const text = headline.trim();
  if (isChineseLanguage(language)) {
    const stats = textStats(text);
    const count = stats.cjkChars + stats.words;
    return { unit: 'zi', count, guide: guide.zi, over: Math.max(0, count - guide.zi) };
  }
  let count = 0;
  for (const _segment of graphemes.segment(text)) count++;
  return { unit: 'characters', count, guide: guide.characters, over: Math.max(0, count - guide.characters) };
}
