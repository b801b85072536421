// Runs in: renderer. The status bar's counts: "1,234 words", "1,234 字" / "1,234 characters", "5 min read".
import type { TextStats } from '../../../common/text/text-stats';
import { translate, type Locale } from '../../i18n/i18n-store';

export function countLabels(stats: TextStats, locale: Locale): string[] {
  const number = new Intl.NumberFormat(locale);
  const labels: string[] = [];
  if (stats.words > 0 || stats.cjkChars === 0) {
    labels.push(translate(locale, stats.words === 1 ? 'article.count.word' : 'article.count.words', { n: number.format(stats.words) }));
  }
  if (stats.cjkChars > 0) {
    labels.push(translate(locale, stats.cjkChars === 1 ? 'article.count.char' : 'article.count.chars', { n: number.format(stats.cjkChars) }));
  }
  if (stats.readingMinutes > 0) labels.push(translate(locale, 'article.count.minutes', { n: number.format(stats.readingMinutes) }));
  return labels;
}
