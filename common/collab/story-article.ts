// Runs in: main, services, renderer and the newsroom server. An Article in and out of its story
// document (story-doc.ts): the text fields in `fields`, the metadata as one value in `meta`, the
// body in `body` in the shape TipTap's Collaboration binding (y-tiptap) reads and writes: an
// XmlElement per node named by its type with its non-null attrs, an XmlText per run of text with
// each mark as a formatting attribute holding the mark's attrs.
import * as Y from 'yjs';
import { articleMetaSchema, boundedDocSchema, EMPTY_DOC, type Article, type DocNode } from '../article';
import { storyDocParts } from './story-doc';

export const STORY_TEXT_FIELDS = ['headline', 'subheadline', 'summary'] as const;
export type StoryTextField = (typeof STORY_TEXT_FIELDS)[number];
/** The key in `meta` holding the article's metadata. */
export const STORY_ARTICLE_META = 'article';

/** Whether the story document holds nothing yet (a story just made on the server). */
export function isStoryEmpty(doc: Y.Doc): boolean {
  const { body, fields, meta } = storyDocParts(doc);
  return body.length === 0 && fields.size === 0 && meta.size === 0;
}

/** Writes the article into the document in one transaction, replacing what it held. */
export function writeArticleToStory(doc: Y.Doc, article: Article, origin: unknown = null): void {
  const { body, fields, meta } = storyDocParts(doc);
  doc.transact(() => {
    for (const field of STORY_TEXT_FIELDS) if (fields.get(field) !== article[field]) fields.set(field, article[field]);
    meta.set(STORY_ARTICLE_META, JSON.parse(JSON.stringify(article.meta)) as unknown);
    if (body.length > 0) body.delete(0, body.length);
    body.insert(0, (article.body.content ?? []).map(toYNode).filter((n): n is Y.XmlElement => n instanceof Y.XmlElement));
  }, origin);
}

/** The article as the document has it now; what the document does not hold comes from `base`. */
export function readArticleFromStory(doc: Y.Doc, base: Article): Article {
  const { body, fields, meta } = storyDocParts(doc);
  const text = (field: StoryTextField): string => {
    const value = fields.get(field);
    return typeof value === 'string' ? value : base[field];
  };
  const parsedMeta = articleMetaSchema.safeParse(meta.get(STORY_ARTICLE_META));
  const content = body.toArray().flatMap(fromYNode);
  const parsedBody = boundedDocSchema.safeParse({ type: 'doc', content });
  return {
    ...base,
    headline: text('headline'),
    subheadline: text('subheadline'),
    summary: text('summary'),
    meta: parsedMeta.success ? parsedMeta.data : base.meta,
    body: content.length === 0 ? EMPTY_DOC : parsedBody.success ? parsedBody.data : base.body,
  };
}

function toYNode(node: DocNode): Y.XmlElement | Y.XmlText {
  if (node.type === 'text') return textOf([node]);
  const element = new Y.XmlElement(node.type);
  for (const [key, value] of Object.entries(node.attrs ?? {})) {
    if (value !== null && value !== undefined) element.setAttribute(key, value as string);
  }
  // Runs of text nodes share one XmlText, as the binding writes them.
  const children: (Y.XmlElement | Y.XmlText)[] = [];
  let run: DocNode[] = [];
  for (const child of node.content ?? []) {
    if (child.type === 'text') {
      run.push(child);
      continue;
    }
    if (run.length > 0) children.push(textOf(run));
    run = [];
    children.push(toYNode(child));
  }
  if (run.length > 0) children.push(textOf(run));
  element.insert(0, children);
  return element;
}

/** One XmlText for a run of text nodes (built in one delta: a text not yet in a document has no length). */
function textOf(run: readonly DocNode[]): Y.XmlText {
  const text = new Y.XmlText();
  text.applyDelta(run.filter((n) => (n.text ?? '').length > 0).map((n) => ({ insert: n.text ?? '', attributes: marksOf(n) })));
  return text;
}

function marksOf(node: DocNode): Record<string, Record<string, unknown>> {
  const attributes: Record<string, Record<string, unknown>> = {};
  for (const mark of node.marks ?? []) attributes[mark.type] = { ...(mark.attrs ?? {}) };
  return attributes;
}

function fromYNode(item: unknown): DocNode[] {
  if (item instanceof Y.XmlText) {
    return (item.toDelta() as { insert?: unknown; attributes?: Record<string, Record<string, unknown>> }[])
      .filter((d): d is { insert: string; attributes?: Record<string, Record<string, unknown>> } => typeof d.insert === 'string' && d.insert.length > 0)
      .map((d) => {
        const marks = Object.entries(d.attributes ?? {}).map(([type, attrs]) => (attrs && Object.keys(attrs).length > 0 ? { type, attrs } : { type }));
        return marks.length > 0 ? { type: 'text', text: d.insert, marks } : { type: 'text', text: d.insert };
      });
  }
  if (item instanceof Y.XmlElement) {
    const node: DocNode = { type: item.nodeName };
    const attrs = item.getAttributes() as Record<string, unknown>;
    if (Object.keys(attrs).length > 0) node.attrs = attrs;
    const content = item.toArray().flatMap(fromYNode);
    if (content.length > 0) node.content = content;
    return [node];
  }
  return [];
}
