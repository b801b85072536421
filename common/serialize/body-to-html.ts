// Runs in: services and renderer. The article body (ProseMirror JSON) as HTML, by allow-list:
// known nodes and marks become fixed tags, every text and attribute is escaped, anything else
// is reduced to its escaped text.
import type { DocNode } from '../article';
import { docText } from '../doc-text';
import { visitNode, type BodyVisitor } from '../editor/body-visitor';
import { creditLine } from './credit-line';
import { rejectPendingSuggestions } from '../editor/pending-suggestions';
import { escapeAttr, escapeHtml } from './escape-html';
import { figureAttrsOf } from './figure-attrs';
import { inlineToHtml } from './inline-to-html';
import { isSafeImageSrc } from './is-safe-image-src';

export interface BodyToHtmlOptions {
  /** URL for a library photo's <img src>: a data: URI, a relative path or http(s). */
  mediaSrc: (mediaId: string) => string;
  /** The article's language: credits are printed as its newsroom writes them (摄影：…, Photo: …). Omitted: the credit as typed. */
  language?: string;
}

// Deeper nesting than any editor produces is dropped rather than recursed into.
const MAX_DEPTH = 100;

export function bodyToHtml(body: DocNode, opts: BodyToHtmlOptions): string {
  // Pending suggestions are never written out: the text stands as if they were all rejected.
  const doc = rejectPendingSuggestions(body);
  const blocks = doc.type === 'doc' ? (doc.content ?? []) : [doc];
  return renderBlocks(blocks, opts, 0);
}

function renderBlocks(nodes: DocNode[], opts: BodyToHtmlOptions, depth: number): string {
  return nodes
    .map((node) => renderBlock(node, opts, depth + 1))
    .filter((html) => html.length > 0)
    .join('\n');
}

function renderBlock(node: DocNode, opts: BodyToHtmlOptions, depth: number): string {
  return depth > MAX_DEPTH ? '' : visitNode(node, BLOCK_HTML, opts, depth);
}

/** A node the block switch does not place (a stray list item, text or unknown node) as a paragraph of its text. */
function asTextParagraph(node: DocNode): string {
  const text = docText(node);
  return text.length > 0 ? `<p>${escapeHtml(text)}</p>` : '';
}

function renderList(node: DocNode, opts: BodyToHtmlOptions, depth: number): string {
  const items = (node.content ?? []).map((item) => renderListItem(item, opts, depth + 1)).filter((html) => html.length > 0);
  if (items.length === 0) return '';
  if (node.type === 'bulletList') return `<ul>\n${items.join('\n')}\n</ul>`;
  const start = node.attrs?.start;
  const startAttr = typeof start === 'number' && Number.isSafeInteger(start) && start !== 1 ? ` start="${start}"` : '';
  return `<ol${startAttr}>\n${items.join('\n')}\n</ol>`;
}

const BLOCK_HTML: BodyVisitor<string, [BodyToHtmlOptions, number]> = {
  paragraph: (node, _opts, depth) => {
    const inline = renderInline(node.content ?? [], depth);
    return inline.length > 0 ? `<p>${inline}</p>` : '';
  },
  heading: (node, _opts, depth) => {
    const inline = renderInline(node.content ?? [], depth);
    const level = typeof node.attrs?.level === 'number' && node.attrs.level >= 3 ? 3 : 2;
    return inline.length > 0 ? `<h${level}>${inline}</h${level}>` : '';
  },
  blockquote: (node, opts, depth) => {
    const inner = renderBlocks(node.content ?? [], opts, depth);
    return inner.length > 0 ? `<blockquote>\n${inner}\n</blockquote>` : '';
  },
  bulletList: renderList,
  orderedList: renderList,
  horizontalRule: () => '<hr>',
  figure: renderFigure,
  doc: asTextParagraph,
  listItem: asTextParagraph,
  hardBreak: asTextParagraph,
  text: asTextParagraph,
  unknown: asTextParagraph,
};

function renderListItem(node: DocNode, opts: BodyToHtmlOptions, depth: number): string {
  if (depth > MAX_DEPTH) return '';
  const inner = node.type === 'listItem' ? renderBlocks(node.content ?? [], opts, depth) : renderBlock(node, opts, depth);
  return inner.length > 0 ? `<li>${inner}</li>` : '';
}

function renderFigure(node: DocNode, opts: BodyToHtmlOptions, depth: number): string {
  const figure = figureAttrsOf(node);
  if (!figure) return '';
  const src = opts.mediaSrc(figure.mediaId);
  if (!isSafeImageSrc(src)) return '';
  const caption = renderInline(figure.caption, depth);
  const credit = opts.language === undefined ? figure.credit.trim() : creditLine(figure.credit, opts.language);
  const creditHtml = credit.length > 0 ? `<span class="dl-credit">${escapeHtml(credit)}</span>` : '';
  const captionHtml =
    caption.length > 0 || creditHtml.length > 0
      ? `<figcaption>${[caption, creditHtml].filter((part) => part.length > 0).join(' ')}</figcaption>`
      : '';
  const className = figure.lead ? 'dl-figure dl-lead' : 'dl-figure';
  return `<figure class="${className}"><img src="${escapeAttr(src)}" alt="${escapeAttr(figure.alt)}">${captionHtml}</figure>`;
}

function renderInline(nodes: DocNode[], depth: number): string {
  return depth > MAX_DEPTH ? '' : inlineToHtml(nodes);
}
