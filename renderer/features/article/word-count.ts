// Runs in: renderer. The status bar's counts: "1,234 words", "1,234 字" / "1,234 characters", "5 min read".
import type { TextStats } from '../../../common/text/text-stats';
import { translate, type Locale } from '../../i18n/i18n-store';
import { numberFormat } from '../../i18n/number-format';

/** True for a story written in Chinese (its language tag), which is counted in 字. */
function isChineseStory(language: string): boolean {
  return /^zh(-|$)/i.test(language);
}

/**
 * A Chinese story leads with 字 (also when empty) and shows words only when it has Latin text;
 * any other story leads with words and shows characters only when it has CJK text.
 */
export function countLabels(stats: TextStats, locale: Locale, storyLanguage = 'en'): string[] {
  const number = numberFormat(locale);
  const words = translate(locale, stats.words === 1 ? 'article.count.word' : 'article.count.words', { n: number.format(stats.words) });
  const chars = translate(locale, stats.cjkChars === 1 ? 'article.count.char' : 'article.count.chars', { n: number.format(stats.cjkChars) });
  const labels: string[] = [];
  if (isChineseStory(storyLanguage)) {
    labels.push(chars);
    if (stats.words > 0) labels.push(words);
  } else {
    if (stats.words > 0 || stats.cjkChars === 0) labels.push(words);
    if (stats.cjkChars > 0) labels.push(chars);
  }
  if (stats.readingMinutes > 0) labels.push(translate(locale, 'article.count.minutes', { n: number.format(stats.readingMinutes) }));
  return labels;
}
