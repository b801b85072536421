// Runs in: renderer. Whether an article is still exactly what "New article" made: never saved,
// no text, no photo, no metadata. Only such a draft may be removed when the reporter leaves it.
import { articleMetaSchema, type Article, type DocNode } from '../../../common/article';

function isEmptyBody(body: DocNode): boolean {
  const blocks = body.content ?? [];
  if (blocks.length > 1) return false;
  const only = blocks[0];
  return only === undefined || (only.type === 'paragraph' && (only.content ?? []).length === 0 && !only.attrs);
}

function hasDefaultMeta(meta: Article['meta']): boolean {
  const defaults: Record<string, unknown> = articleMetaSchema.parse({ language: meta.language });
  const actual: Record<string, unknown> = meta;
  const keys = new Set([...Object.keys(defaults), ...Object.keys(actual)]);
  return [...keys].every((key) => JSON.stringify(actual[key]) === JSON.stringify(defaults[key]));
}

export function isUntouchedDraft(article: Article): boolean {
  return (
    article.revision === 0 &&
    article.status === 'draft' &&
    article.headline === '' &&
    article.subheadline === '' &&
    article.summary === '' &&
    isEmptyBody(article.body) &&
    hasDefaultMeta(article.meta)
  );
}
