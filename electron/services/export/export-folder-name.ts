// Runs in: services (plain Node). The folder (and Markdown file) name of an export: the article's
// slug, else one made from its headline, else its id; always a safe name on Windows, macOS and Linux.
import type { Article } from '../../../common/article';
import { isUsableSlug, slugify } from '../../../common/text/slugify';
import { isReservedFileName } from '../store/is-reserved-file-name';

// 80 UTF-16 units of CJK is 240 UTF-8 bytes: with a "-99" suffix still under the 255-byte name limit.
const MAX_NAME_LENGTH = 80;

export function exportFolderName(article: Article): string {
  const fromSlug = isUsableSlug(article.meta.slug) ? slugify(article.meta.slug, MAX_NAME_LENGTH) : '';
  const name = fromSlug || slugify(article.headline, MAX_NAME_LENGTH);
  return name.length > 0 && !isReservedFileName(name) ? name : article.id;
}
