// Runs in: services and renderer (no DOM needed). A WordPress post's content — block-editor markup
// or classic-editor HTML — as an article body of the editor schema only: paragraphs, headings 2/3,
// lists, quotes, rules, hard breaks, figures (photos the caller resolves to library media ids) and
// the marks bold/italic/underline/strike/link (links only where the link policy allows). Block
// comments are read by WordPress's own block parser and taken out; the HTML is parsed by parse5 (the
// HTML standard's parser: entities decoded with `entities`, no script run, nothing fetched) into
// html-dom.ts's tree, which wordpress-html-prepared.ts readies for what only WordPress means (wpautop,
// photos, credits, tables). The editor schema's own parse rules then read it (html-to-body.ts):
// everything the schema cannot hold becomes its plain text or is dropped.
import { parse as parseBlocks } from '@wordpress/block-serialization-default-parser';
import { AppError } from '../app-error';
import type { DocNode } from '../article';
import { DOC_LIMITS } from '../doc-bounds';
import { DomElement, DomText, MAX_DOM_DEPTH, parseHtmlDom, type DomNode } from '../editor/html-dom';
import { domToBody } from '../editor/html-to-body';
import { prepareWordPressHtml, tidyBody, type GutenbergImage, type GutenbergParseOptions } from './wordpress-html-prepared';

export type { GutenbergImage, GutenbergImageResolution, GutenbergParseOptions } from './wordpress-html-prepared';

/** The article body of a post's raw content. */
export function gutenbergToArticleBody(html: string, options: GutenbergParseOptions = {}): DocNode {
  const tree = prepareWordPressHtml(parseHtml(expandCaptionShortcodes(withoutBlockComments(html))), options);
  return tidyBody(domToBody(tree));
}

/** Every image the content shows, in document order (the same ones `image` is asked about). */
export function gutenbergImages(html: string): GutenbergImage[] {
  const found: GutenbergImage[] = [];
  gutenbergToArticleBody(html, {
    image: (image) => {
      found.push(image);
      return null;
    },
  });
  return found;
}

/** Plain text of a short HTML string (a post title or excerpt): tags dropped, entities decoded, whitespace collapsed. */
export function htmlToPlainText(html: string): string {
  const parts: string[] = [];
  const stack: DomNode[] = [parseHtml(html)];
  while (stack.length > 0) {
    const node = stack.pop() as DomNode;
    if (node instanceof DomText) {
      parts.push(node.nodeValue);
      continue;
    }
    if (node.localName === 'br' || CLOSES_P.has(node.localName)) parts.push(' ');
    for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push(node.childNodes[i] as DomNode);
  }
  return parts
    .join('')
    .replace(/[ \t\n\r\f]+/g, ' ')
    .trim();
}

// ---------------------------------------------------------------------------------------------
// The parsed tree: html-dom.ts (parse5, entities decoded with `entities`, bounded in depth, scripts
// and other opaque elements kept empty).


// Text breaks around these in a title or excerpt.
const CLOSES_P = new Set([
  'address', 'article', 'aside', 'blockquote', 'details', 'div', 'dl', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'header', 'hr', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'ul',
]);
/** HTML longer than this (UTF-16 code units) is refused before it is parsed: the body limit of doc-bounds.ts. */
export const MAX_HTML_CHARS = DOC_LIMITS.maxTextChars;

/** The fragment's tree, refused when the HTML is longer than Dateline reads. */
function parseHtml(html: string): DomElement {
  if (html.length > MAX_HTML_CHARS) {
    throw new AppError('invalid-input', `The HTML is ${html.length.toLocaleString('en')} characters long, more than the ${MAX_HTML_CHARS.toLocaleString('en')} Dateline reads`);
  }
  return parseHtmlDom(html);
}

/** The post's markup with its block comments taken out by WordPress's own block parser (a classic post has none). */
function withoutBlockComments(html: string): string {
  if (!html.includes('<!-- wp:')) return html;
  return parseBlocks(html)
    .map((block) => blockHtml(block, 0))
    .join('');
}

type ParsedBlock = ReturnType<typeof parseBlocks>[number];

function blockHtml(block: ParsedBlock, depth: number): string {
  let inner = 0;
  return block.innerContent
    .map((part) => {
      if (part !== null) return part;
      const child = block.innerBlocks[inner++];
      return child && depth < MAX_DOM_DEPTH ? blockHtml(child, depth + 1) : '';
    })
    .join('');
}

/** The classic editor's [caption]<img …> text[/caption] as the <figure> the block editor would write. */
function expandCaptionShortcodes(html: string): string {
  if (!html.includes('[caption')) return html;
  return html.replace(/\[caption\b[^\]]*\]([\s\S]*?)\[\/caption\]/g, (whole, inner: string) => {
    const match = /^\s*((?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*<\/a>)?)([\s\S]*)$/i.exec(inner);
    if (!match) return whole;
    return `<figure>${match[1] ?? ''}<figcaption>${(match[2] ?? '').trim()}</figcaption></figure>`;
  });
}
