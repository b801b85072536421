// Runs in: services and renderer. The article body as WordPress block markup, serialized the way
// the block editor itself does (comment delimiters, "\n\n" between blocks), so a published post
// opens in Gutenberg as editable blocks: paragraph, heading, list/list-item, quote, separator, image.
import type { Article, DocNode } from '../article';
import { docText } from '../doc-text';
import { visitNode, type BodyVisitor } from '../editor/body-visitor';
import { bylineLine } from './byline-line';
import { creditLine } from './credit-line';
import { rejectPendingSuggestions } from '../editor/pending-suggestions';
import { escapeAttr, escapeHtml } from './escape-html';
import { figureAttrsOf } from './figure-attrs';
import { inlineToHtml } from './inline-to-html';
import { isSafeImageSrc } from './is-safe-image-src';

export interface GutenbergMedia {
  /** The attachment id in the WordPress media library. */
  id: number;
  url: string;
}

export interface BodyToGutenbergOptions {
  /** The uploaded attachment for a library photo, or null to leave that figure out. */
  media: (mediaId: string) => GutenbergMedia | null;
  /** Leave the lead photo out of the body (when it is the post's featured image and the theme shows it). */
  omitLead?: boolean;
  /** The article's language: credits are printed as its newsroom writes them (摄影：…, Photo: …). Omitted: the credit as typed. */
  language?: string;
}

type BlockAttrs = Record<string, string | number | boolean>;

// Deeper nesting than any editor produces is dropped rather than recursed into.
const MAX_DEPTH = 100;

/**
 * The byline (names with roles) and dateline as the first block of a post, in the article's
 * language: WordPress's own author is the account that published, not the reporters.
 */
export function bylineBlock(article: Pick<Article, 'meta'>): string {
  const line = bylineLine(article);
  return line === null ? '' : classedParagraphBlock('dateline-byline', line);
}

/** A paragraph block of plain text with a class of its own (the subheadline, the source line...). */
export function classedParagraphBlock(className: string, text: string): string {
  return block('paragraph', { className }, `<p class="${escapeAttr(className)}">${escapeHtml(text)}</p>`);
}

export function bodyToGutenberg(body: DocNode, opts: BodyToGutenbergOptions): string {
  // Pending suggestions are never written out: the text stands as if they were all rejected.
  const doc = rejectPendingSuggestions(body);
  const blocks = doc.type === 'doc' ? (doc.content ?? []) : [doc];
  return renderBlocks(blocks, opts, 0);
}

/**
 * Block comment attributes as WordPress writes them: JSON in which `--`, `<`, `>`, `&` and `"`
 * inside strings are \u escapes, so no value can close the comment or open a tag. Tokenized
 * rather than replaced blindly so a value ending in a backslash stays valid JSON.
 */
export function serializeBlockAttributes(attrs: BlockAttrs): string {
  return JSON.stringify(attrs).replace(/\\u[0-9a-fA-F]{4}|\\.|--|[<>&]/g, (token) => ATTRIBUTE_ESCAPES[token] ?? token);
}

const ATTRIBUTE_ESCAPES: Record<string, string> = {
  '--': '\\u002d\\u002d',
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\\"': '\\u0022',
};

function block(name: string, attrs: BlockAttrs, html: string): string {
  const json = Object.keys(attrs).length > 0 ? ` ${serializeBlockAttributes(attrs)}` : '';
  return `<!-- wp:${name}${json} -->\n${html}\n<!-- /wp:${name} -->`;
}

function renderBlocks(nodes: DocNode[], opts: BodyToGutenbergOptions, depth: number): string {
  return nodes
    .map((node) => renderBlock(node, opts, depth + 1))
    .filter((markup) => markup.length > 0)
    .join('\n\n');
}

function renderBlock(node: DocNode, opts: BodyToGutenbergOptions, depth: number): string {
  return depth > MAX_DEPTH ? '' : visitNode(node, GUTENBERG_BLOCK, opts, depth);
}

/** A node the block switch does not place (a stray list item, text or unknown node) as a paragraph block of its text. */
function asTextParagraph(node: DocNode): string {
  const text = docText(node);
  return text.length > 0 ? block('paragraph', {}, `<p>${escapeHtml(text)}</p>`) : '';
}

const GUTENBERG_BLOCK: BodyVisitor<string, [BodyToGutenbergOptions, number]> = {
  paragraph: (node) => {
    const inline = inlineToHtml(node.content ?? []);
    return inline.length > 0 ? block('paragraph', {}, `<p>${inline}</p>`) : '';
  },
  heading: (node) => {
    const inline = inlineToHtml(node.content ?? []);
    if (inline.length === 0) return '';
    const level = typeof node.attrs?.level === 'number' && node.attrs.level >= 3 ? 3 : 2;
    return block('heading', level === 2 ? {} : { level }, `<h${level} class="wp-block-heading">${inline}</h${level}>`);
  },
  blockquote: (node, opts, depth) => {
    const inner = renderBlocks(node.content ?? [], opts, depth);
    return inner.length > 0 ? block('quote', {}, `<blockquote class="wp-block-quote">${inner}</blockquote>`) : '';
  },
  bulletList: (node, opts, depth) => renderList(node, opts, depth),
  orderedList: (node, opts, depth) => renderList(node, opts, depth),
  horizontalRule: () => block('separator', {}, '<hr class="wp-block-separator has-alpha-channel-opacity"/>'),
  figure: (node, opts) => renderImage(node, opts),
  doc: asTextParagraph,
  listItem: asTextParagraph,
  hardBreak: asTextParagraph,
  text: asTextParagraph,
  unknown: asTextParagraph,
};

function renderList(node: DocNode, opts: BodyToGutenbergOptions, depth: number): string {
  const items = (node.content ?? []).map((item) => renderListItem(item, opts, depth + 1)).filter((markup) => markup.length > 0);
  if (items.length === 0) return '';
  const inner = items.join('\n\n');
  if (node.type === 'bulletList') return block('list', {}, `<ul class="wp-block-list">${inner}</ul>`);
  const start = node.attrs?.start;
  const hasStart = typeof start === 'number' && Number.isSafeInteger(start) && start !== 1;
  const attrs: BlockAttrs = hasStart ? { ordered: true, start } : { ordered: true };
  return block('list', attrs, `<ol${hasStart ? ` start="${start}"` : ''} class="wp-block-list">${inner}</ol>`);
}

/** A list item's text is its paragraphs joined by line breaks; nested lists become inner list blocks. */
function renderListItem(node: DocNode, opts: BodyToGutenbergOptions, depth: number): string {
  if (depth > MAX_DEPTH) return '';
  const parts = node.type === 'listItem' ? (node.content ?? []) : [node];
  const texts: string[] = [];
  const nested: string[] = [];
  for (const part of parts) {
    if (part.type === 'bulletList' || part.type === 'orderedList') {
      const list = renderList(part, opts, depth + 1);
      if (list.length > 0) nested.push(list);
    } else if (part.type === 'paragraph' || part.type === 'heading') {
      const inline = inlineToHtml(part.content ?? []);
      if (inline.length > 0) texts.push(inline);
    } else {
      const text = docText(part);
      if (text.length > 0) texts.push(escapeHtml(text));
    }
  }
  if (texts.length === 0 && nested.length === 0) return '';
  return block('list-item', {}, `<li>${texts.join('<br>')}${nested.join('\n\n')}</li>`);
}

function renderImage(node: DocNode, opts: BodyToGutenbergOptions): string {
  const figure = figureAttrsOf(node);
  if (!figure || (opts.omitLead && figure.lead)) return '';
  const media = opts.media(figure.mediaId);
  if (!media || !Number.isSafeInteger(media.id) || media.id <= 0 || !isSafeImageSrc(media.url)) return '';
  const caption = inlineToHtml(figure.caption);
  const credit = opts.language === undefined ? figure.credit.trim() : creditLine(figure.credit, opts.language);
  const creditHtml = credit.length > 0 ? `<span class="dateline-credit">${escapeHtml(credit)}</span>` : '';
  const captionParts = [caption, creditHtml].filter((part) => part.length > 0);
  const figcaption = captionParts.length > 0 ? `<figcaption class="wp-element-caption">${captionParts.join(' ')}</figcaption>` : '';
  const img = `<img src="${escapeAttr(media.url)}" alt="${escapeAttr(figure.alt)}" class="wp-image-${media.id}"/>`;
  return block(
    'image',
    { id: media.id, sizeSlug: 'large', linkDestination: 'none' },
    `<figure class="wp-block-image size-large">${img}${figcaption}</figure>`,
  );
}
