// Runs in: main (pure, no electron import). The File → Open Recent list: newest first, bounded, one entry per article.
import { join, relative, sep } from 'node:path';
import { z } from 'zod';
import { articleIdSchema } from '../../common/article';

export const MAX_RECENT_ARTICLES = 10;
const MAX_TITLE_LENGTH = 120;

export interface RecentArticle {
  id: string;
  title: string;
}

const recentListSchema = z.array(z.object({ id: articleIdSchema, title: z.string().max(10_000) }).strip()).max(1000);

/** Puts the article first (moving it up if listed), with its latest title, and keeps the newest ten. */
export function addRecentArticle(list: readonly RecentArticle[], entry: RecentArticle): RecentArticle[] {
  if (!articleIdSchema.safeParse(entry.id).success) return [...list];
  const title = entry.title.trim().slice(0, MAX_TITLE_LENGTH);
  return [{ id: entry.id, title }, ...list.filter((item) => item.id !== entry.id)].slice(0, MAX_RECENT_ARTICLES);
}

/** Drops articles that were trashed or purged. */
export function removeRecentArticles(list: readonly RecentArticle[], ids: readonly string[]): RecentArticle[] {
  const gone = new Set(ids);
  return list.filter((item) => !gone.has(item.id));
}

/** The list as read back from disk: anything malformed gives an empty list, duplicates and extras are dropped. */
export function parseRecentArticles(value: unknown): RecentArticle[] {
  const parsed = recentListSchema.safeParse(value);
  if (!parsed.success) return [];
  return parsed.data.reduceRight<RecentArticle[]>((list, item) => addRecentArticle(list, item), []);
}

/** The file the OS lists among recent documents for an article. */
export function recentDocumentPath(libraryRoot: string, articleId: string): string {
  return join(libraryRoot, 'articles', articleIdSchema.parse(articleId), 'article.json');
}

/** The article a recent document names (macOS open-file), only for `articles/<id>/article.json` inside the library. */
export function articleIdFromRecentPath(libraryRoot: string, filePath: string): string | null {
  const parts = relative(libraryRoot, filePath).split(sep);
  if (parts.length !== 3 || parts[0] !== 'articles' || parts[2] !== 'article.json') return null;
  const id = articleIdSchema.safeParse(parts[1]);
  return id.success ? id.data : null;
}
