// Runs in: services and renderer. The slug an article is published under: the one the person
// typed, or else the one made from the headline.
import type { Article } from '../article';
import { slugify } from '../text/slugify';

export function effectiveSlug(article: Pick<Article, 'headline' | 'meta'>): string {
  const typed = article.meta.slug.trim();
  return typed.length > 0 ? typed : slugify(article.headline);
}
