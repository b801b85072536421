// Runs in: services and renderer. The byline (names with roles) and dateline as one line of plain
// text in the article's language, e.g. "作者 李娜（首席记者） · 温江": what a CMS post shows on top,
// since the CMS's own author is the account that published, not the reporters.
import type { Article } from '../article';
import { pageLabelsFor } from './page-labels';

/** The line, or null when the article has neither bylines nor a dateline. */
export function bylineLine(article: Pick<Article, 'meta'>): string | null {
  const labels = pageLabelsFor(article.meta.language);
  const names = article.meta.bylines.filter((b) => b.name.trim().length > 0).map((b) => b.name.trim() + (b.role.trim() ? labels.roleOpen + b.role.trim() + labels.roleClose : ''));
  const parts = names.length > 0 ? [`${labels.by} ${names.join(labels.listSeparator)}`] : [];
  if (article.meta.dateline.trim()) parts.push(article.meta.dateline.trim());
  return parts.length > 0 ? parts.join(' · ') : null;
}
