// Runs in: renderer, only for a story shared through a newsroom server. The headline, subheadline,
// summary and metadata bound to the story document's `fields` and `meta` maps while it is open:
// what one person types there is written into the document, and what arrives from the others is put
// into the open article (and so saved in this machine's library copy). Each field is one value, so
// two people changing the same field at once end with the later one, as a form does.
import type * as Y from 'yjs';
import { articleMetaSchema, type Article, type ArticleMeta } from '../../../common/article';
import { STORY_ARTICLE_META, STORY_TEXT_FIELDS, type StoryTextField } from '../../../common/collab/story-article';
import { storyDocParts } from '../../../common/collab/story-doc';

/** The article store as the binding uses it (renderer/stores/article-store.ts). */
export interface BoundArticleStore {
  getState(): { article: Article | null; updateFields(patch: Partial<Pick<Article, StoryTextField>>): void; updateMeta(patch: Partial<ArticleMeta>): void };
  subscribe(listener: (state: { article: Article | null }, previous: { article: Article | null }) => void): () => void;
}

/** The longest value taken from the document per field (the inputs' own limits). */
const FIELD_LIMITS: Record<StoryTextField, number> = { headline: 1000, subheadline: 1000, summary: 5000 };

/** The origin of this binding's writes, so its own changes are not read back. */
const FROM_FIELDS = Symbol('story-fields');

export function bindStoryFields(doc: Y.Doc, articleId: string, store: BoundArticleStore): () => void {
  const { fields, meta } = storyDocParts(doc);
  /** The meta object last taken from the document: not written back. */
  let metaFromDoc: ArticleMeta | null = null;
  /** True while the document's values are put into the article: those changes are not sent back. */
  let taking = false;

  const readFields = (): Partial<Pick<Article, StoryTextField>> => {
    const patch: Partial<Pick<Article, StoryTextField>> = {};
    for (const field of STORY_TEXT_FIELDS) {
      const value = fields.get(field);
      if (typeof value === 'string') patch[field] = value.slice(0, FIELD_LIMITS[field]);
    }
    return patch;
  };

  const takeFromDoc = (): void => {
    const article = store.getState().article;
    if (article?.id !== articleId) return;
    taking = true;
    try {
      takeValues(article);
    } finally {
      taking = false;
    }
    // Whatever meta the article holds now came from the document (or equals it): nothing to send back.
    metaFromDoc = store.getState().article?.meta ?? null;
  };

  const takeValues = (article: Article): void => {
    const patch = readFields();
    const changed = STORY_TEXT_FIELDS.filter((field) => patch[field] !== undefined && patch[field] !== article[field]);
    if (changed.length > 0) store.getState().updateFields(Object.fromEntries(changed.map((field) => [field, patch[field]])));
    const parsed = articleMetaSchema.safeParse(meta.get(STORY_ARTICLE_META));
    if (parsed.success && JSON.stringify(parsed.data) !== JSON.stringify(store.getState().article?.meta)) {
      store.getState().updateMeta(parsed.data);
    }
  };

  const sendToDoc = (article: Article, previous: Article | null): void => {
    doc.transact(() => {
      for (const field of STORY_TEXT_FIELDS) {
        if (article[field] !== previous?.[field] && fields.get(field) !== article[field]) fields.set(field, article[field]);
      }
      if (article.meta !== metaFromDoc && article.meta !== previous?.meta) {
        meta.set(STORY_ARTICLE_META, JSON.parse(JSON.stringify(article.meta)) as unknown);
        metaFromDoc = article.meta;
      }
    }, FROM_FIELDS);
  };

  takeFromDoc();
  const observer = (_events: unknown, transaction: Y.Transaction): void => {
    if (transaction.origin !== FROM_FIELDS) takeFromDoc();
  };
  fields.observeDeep(observer);
  meta.observeDeep(observer);
  const unsubscribe = store.subscribe((state, previous) => {
    const article = state.article;
    if (taking || article?.id !== articleId || article === previous.article) return;
    sendToDoc(article, previous.article?.id === articleId ? previous.article : null);
  });
  return () => {
    unsubscribe();
    fields.unobserveDeep(observer);
    meta.unobserveDeep(observer);
  };
}
