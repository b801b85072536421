// Runs in: services and renderer (no DOM needed). A WordPress post's content — block-editor markup
// or classic-editor HTML — as an article body of the editor schema only: paragraphs, headings 2/3,
// lists, quotes, rules, hard breaks, figures (photos the caller resolves to library media ids) and
// the marks bold/italic/underline/strike/link (links only where the link policy allows). Block
// comments are read by WordPress's own block parser and taken out; the HTML is parsed by parse5 (the
// HTML standard's parser: entities decoded with `entities`, no script run, nothing fetched). Loose
// classic-editor text breaks into paragraphs as wpautop does; everything the schema cannot hold
// becomes its plain text or is dropped.
import { parse as parseBlocks } from '@wordpress/block-serialization-default-parser';
import { AppError } from '../app-error';
import type { DocNode } from '../article';
import { DOC_LIMITS } from '../doc-bounds';
import { DomElement, DomText, MAX_DOM_DEPTH, parseHtmlDom, type DomNode } from '../editor/html-dom';
import { isAllowedLinkHref } from '../editor/link-policy';
import { creditFromLine } from './credit-line';

/** A photo found in the post, for the caller to resolve to a library photo. */
export interface GutenbergImage {
  src: string;
  alt: string;
  /** The media library id from `class="wp-image-<id>"`, or null. */
  attachmentId: number | null;
}

/** What stands for an image: a library photo, a note saying why the photo was left out, or null (nothing). */
export type GutenbergImageResolution = { mediaId: string; lead: boolean } | { note: string } | null;

export interface GutenbergParseOptions {
  /** The library photo for an image, a note in its place (a paragraph of that text), or null to leave the figure out. */
  image?: (image: GutenbergImage) => GutenbergImageResolution;
  /** Relative link targets are resolved against this address; without it they lose their link. */
  baseUrl?: string;
}

/** The article body of a post's raw content. */
export function gutenbergToArticleBody(html: string, options: GutenbergParseOptions = {}): DocNode {
  const tree = parseHtml(expandCaptionShortcodes(withoutBlockComments(html)));
  const content = new Converter(options).blocks(tree.childNodes, true, 0);
  return { type: 'doc', content: content.length > 0 ? content : [{ type: 'paragraph' }] };
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
  const stack: TreeNode[] = [parseHtml(html)];
  while (stack.length > 0) {
    const node = stack.pop() as TreeNode;
    if (node instanceof DomText) {
      parts.push(node.nodeValue);
      continue;
    }
    if (node.localName === 'br' || CLOSES_P.has(node.localName)) parts.push(' ');
    for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push(node.childNodes[i] as TreeNode);
  }
  return parts
    .join('')
    .replace(/[ \t\n\r\f]+/g, ' ')
    .trim();
}

// ---------------------------------------------------------------------------------------------
// The parsed tree: html-dom.ts (parse5, entities decoded with `entities`, bounded in depth, scripts
// and other opaque elements kept empty).

type ElementNode = DomElement;
type TreeNode = DomNode;

const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
// Text breaks around these in a title or excerpt.
const CLOSES_P = new Set([
  'address', 'article', 'aside', 'blockquote', 'details', 'div', 'dl', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'header', 'hr', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'ul',
]);
/** HTML longer than this (UTF-16 code units) is refused before it is parsed: the body limit of doc-bounds.ts. */
export const MAX_HTML_CHARS = DOC_LIMITS.maxTextChars;

/** The fragment's tree, refused when the HTML is longer than Dateline reads. */
function parseHtml(html: string): ElementNode {
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

// ---------------------------------------------------------------------------------------------
// Tree to editor nodes

type MarkName = 'link' | 'bold' | 'italic' | 'strike' | 'underline';
interface Mark {
  type: MarkName;
  href?: string;
}
type Item = { k: 'text'; text: string; marks: Mark[] } | { k: 'br' } | { k: 'para' } | { k: 'img'; element: ElementNode };

const MARK_ORDER: MarkName[] = ['link', 'bold', 'italic', 'strike', 'underline'];
const MARK_TAGS: Record<string, MarkName> = { strong: 'bold', b: 'bold', em: 'italic', i: 'italic', u: 'underline', ins: 'underline', s: 'strike', strike: 'strike', del: 'strike' };
const BLOCK_ELEMENTS = new Set([
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote', 'hr', 'figure', 'figcaption', 'div', 'section', 'article', 'main', 'header', 'footer',
  'aside', 'nav', 'address', 'details', 'summary', 'pre', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption', 'dl', 'dt', 'dd', 'center', 'form', 'fieldset',
]);
const CONTAINERS = new Set(['div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'nav', 'address', 'details', 'summary', 'center', 'form', 'fieldset', 'dl', 'dt', 'dd', 'figcaption', 'caption', 'thead', 'tbody', 'tfoot', 'li']);
const MAX_DEPTH = 100;
const PARAGRAPH_BREAK = /\n[ \t\r\f]*\n\s*/;

class Converter {
  constructor(private readonly options: GutenbergParseOptions) {}

  /** Block nodes for a run of children; `loose` text (the classic editor's) breaks into paragraphs the way wpautop does. */
  blocks(children: TreeNode[], loose: boolean, depth: number): DocNode[] {
    if (depth > MAX_DEPTH) return [];
    const out: DocNode[] = [];
    let pending: TreeNode[] = [];
    const flush = () => {
      if (pending.length > 0) out.push(...this.paragraphs(this.items(pending, [], loose, depth)));
      pending = [];
    };
    for (const child of children) {
      if (child instanceof DomElement && BLOCK_ELEMENTS.has(child.localName)) {
        flush();
        out.push(...this.block(child, depth + 1));
      } else {
        pending.push(child);
      }
    }
    flush();
    return out;
  }

  private block(element: ElementNode, depth: number): DocNode[] {
    if (depth > MAX_DEPTH) return [];
    switch (element.localName) {
      case 'p':
        if (hasClass(element, 'dateline-byline')) return [];
        return this.paragraphs(this.items(element.childNodes, [], false, depth));
      case 'h1':
      case 'h2':
      case 'h3':
      case 'h4':
      case 'h5':
      case 'h6':
        return this.heading(element, depth);
      case 'ul':
      case 'ol':
        return this.list(element, depth);
      case 'blockquote': {
        const inner = this.blocks(element.childNodes, false, depth);
        return inner.length > 0 ? [{ type: 'blockquote', content: inner }] : [];
      }
      case 'hr':
        return [{ type: 'horizontalRule' }];
      case 'figure':
        return this.figureElement(element, depth);
      case 'pre':
        return this.paragraphs(this.preItems(element));
      case 'table':
        return this.table(element, depth);
      case 'tr':
      case 'td':
      case 'th':
        return this.table(element, depth, [element]);
      default:
        return CONTAINERS.has(element.localName) ? this.blocks(element.childNodes, false, depth) : [];
    }
  }

  private heading(element: ElementNode, depth: number): DocNode[] {
    const level = element.localName === 'h1' || element.localName === 'h2' ? 2 : 3;
    const items = this.items(element.childNodes, [], false, depth);
    const figures = items.filter((i): i is Extract<Item, { k: 'img' }> => i.k === 'img').flatMap((i) => this.figure(i.element, null));
    const inline = inlineNodes(items.filter((i) => i.k === 'text' || i.k === 'br'));
    const out: DocNode[] = inline.length > 0 ? [{ type: 'heading', attrs: { level }, content: inline }] : [];
    return [...out, ...figures];
  }

  private list(element: ElementNode, depth: number): DocNode[] {
    const items: DocNode[] = [];
    for (const child of element.childNodes) {
      if (!(child instanceof DomElement)) continue;
      if (child.localName === 'li') {
        const item = this.listItem(child, depth + 1);
        if (item) items.push(item);
      } else if (child.localName === 'ul' || child.localName === 'ol') {
        // A list directly inside a list (older editors): it belongs to the item before it.
        const nested = this.list(child, depth + 1);
        const last = items[items.length - 1];
        if (last) last.content = [...(last.content ?? []), ...nested];
        else items.push(...nested.map((list) => ({ type: 'listItem', content: [{ type: 'paragraph' }, list] })));
      }
    }
    if (items.length === 0) return [];
    if (element.localName === 'ul') return [{ type: 'bulletList', content: items }];
    const start = Number.parseInt(element.getAttribute('start') ?? '', 10);
    return [Number.isSafeInteger(start) && start !== 1 ? { type: 'orderedList', attrs: { start }, content: items } : { type: 'orderedList', content: items }];
  }

  /** An item's text: one paragraph per line (Dateline writes an item's paragraphs joined by <br>), then nested lists. */
  private listItem(element: ElementNode, depth: number): DocNode | null {
    const content: DocNode[] = [];
    let pending: TreeNode[] = [];
    const flush = () => {
      if (pending.length === 0) return;
      const items = this.items(pending, [], false, depth).map((i): Item => (i.k === 'br' ? { k: 'para' } : i));
      content.push(...this.paragraphs(items));
      pending = [];
    };
    for (const child of element.childNodes) {
      if (child instanceof DomElement && BLOCK_ELEMENTS.has(child.localName)) {
        flush();
        for (const node of this.block(child, depth + 1)) {
          if (node.type === 'heading') content.push({ type: 'paragraph', content: node.content });
          else if (node.type === 'blockquote') content.push(...(node.content ?? []));
          else if (node.type !== 'horizontalRule') content.push(node);
        }
      } else {
        pending.push(child);
      }
    }
    flush();
    if (content.length === 0) return null;
    if (content[0]?.type !== 'paragraph') content.unshift({ type: 'paragraph' });
    return { type: 'listItem', content };
  }

  private figureElement(element: ElementNode, depth: number): DocNode[] {
    // A gallery holds figures; a pull quote a quote; a table block a table; an embed a link.
    if (element.childNodes.some((c) => c instanceof DomElement && (c.localName === 'figure' || c.localName === 'blockquote' || c.localName === 'table' || c.localName === 'ul'))) {
      return this.blocks(element.childNodes.filter((c) => !(c instanceof DomElement && c.localName === 'figcaption')), false, depth).concat(
        this.blocks(element.childNodes.filter((c) => c instanceof DomElement && c.localName === 'figcaption'), false, depth),
      );
    }
    const img = findElement(element, 'img');
    if (!img) return this.blocks(element.childNodes, false, depth);
    const caption = element.childNodes.find((c): c is ElementNode => c instanceof DomElement && c.localName === 'figcaption') ?? null;
    return this.figure(img, caption);
  }

  /** A photo with its caption: Dateline's credit span becomes the credit, the rest the caption. */
  private figure(img: ElementNode, caption: ElementNode | null): DocNode[] {
    const src = img.getAttribute('src') ?? '';
    const idMatch = /(?:^|\s)wp-image-(\d+)(?:\s|$)/.exec(img.getAttribute('class') ?? '');
    const attachmentId = idMatch ? Number(idMatch[1]) : null;
    const image: GutenbergImage = { src, alt: img.getAttribute('alt') ?? '', attachmentId: attachmentId !== null && Number.isSafeInteger(attachmentId) ? attachmentId : null };
    const resolved = this.options.image?.(image) ?? null;
    if (!resolved) return [];
    if ('note' in resolved) {
      const note = collapse(resolved.note).trim();
      return note ? [{ type: 'paragraph', content: [{ type: 'text', text: note }] }] : [];
    }
    let credit = '';
    let content: DocNode[] = [];
    if (caption) {
      const rest: TreeNode[] = [];
      for (const child of caption.childNodes) {
        if (child instanceof DomElement && child.localName === 'span' && hasClass(child, 'dateline-credit')) credit = creditFromLine(collapse(textOf(child)));
        else rest.push(child);
      }
      content = inlineNodes(this.items(rest, [], false, 0).filter((i) => i.k === 'text' || i.k === 'br'));
    }
    const node: DocNode = { type: 'figure', attrs: { mediaId: resolved.mediaId, alt: image.alt, credit, lead: resolved.lead } };
    if (content.length > 0) node.content = content;
    return [node];
  }

  /** A table as one paragraph per row, cells separated by " | ". */
  private table(element: ElementNode, depth: number, top: TreeNode[] = element.childNodes): DocNode[] {
    const rows: ElementNode[] = [];
    const visit = (children: TreeNode[], d: number) => {
      if (d > MAX_DEPTH) return;
      for (const child of children) {
        if (!(child instanceof DomElement)) continue;
        if (child.localName === 'tr') rows.push(child);
        else if (child.localName !== 'table') visit(child.childNodes, d + 1);
      }
    };
    visit(top, depth);
    const out: DocNode[] = [];
    for (const row of rows) {
      const items: Item[] = [];
      for (const cell of row.childNodes) {
        if (!(cell instanceof DomElement) || (cell.localName !== 'td' && cell.localName !== 'th')) continue;
        const cellItems = this.items(cell.childNodes, [], false, depth).map((i): Item => (i.k === 'para' || i.k === 'br' ? { k: 'text', text: ' ', marks: [] } : i));
        if (items.length > 0 && cellItems.some((i) => i.k === 'text' && i.text.trim().length > 0)) items.push({ k: 'text', text: ' | ', marks: [] });
        items.push(...cellItems);
      }
      out.push(...this.paragraphs(items));
    }
    const caption = findElement(element, 'caption');
    if (caption) out.push(...this.paragraphs(this.items(caption.childNodes, [], false, depth)));
    return out;
  }

  private preItems(element: ElementNode): Item[] {
    const lines = textOf(element).replace(/\r\n?/g, '\n').replace(/^\n/, '').replace(/\n+$/, '').split('\n');
    return lines.flatMap((line, i): Item[] => (i === 0 ? [{ k: 'text', text: line, marks: [] }] : [{ k: 'br' }, { k: 'text', text: line, marks: [] }]));
  }

  /** Inline content flattened to text runs with marks, breaks and images. */
  items(nodes: TreeNode[], marks: Mark[], loose: boolean, depth: number): Item[] {
    const out: Item[] = [];
    if (depth > MAX_DEPTH) return out;
    for (const node of nodes) {
      if (node instanceof DomText) {
        if (!loose) {
          out.push({ k: 'text', text: node.nodeValue, marks });
          continue;
        }
        node.nodeValue.split(PARAGRAPH_BREAK).forEach((part, i) => {
          if (i > 0) out.push({ k: 'para' });
          part.split('\n').forEach((line, j) => {
            // wpautop turns a single newline into a line break.
            if (j > 0 && line.trim().length > 0) out.push({ k: 'br' });
            out.push({ k: 'text', text: line, marks });
          });
        });
        continue;
      }
      const name = node.localName;
      if (name === 'br') out.push({ k: 'br' });
      else if (name === 'img') out.push({ k: 'img', element: node });
      else if (VOID_ELEMENTS.has(name)) continue; // scripts, styles and the like arrive empty (html-dom.ts)
      else if (name === 'a') {
        const href = this.linkHref(node.getAttribute('href') ?? undefined);
        const next = href ? withMark(marks, { type: 'link', href }) : marks;
        out.push(...this.items(node.childNodes, next, loose, depth + 1));
      } else if (MARK_TAGS[name]) {
        out.push(...this.items(node.childNodes, withMark(marks, { type: MARK_TAGS[name] as MarkName }), loose, depth + 1));
      } else if (BLOCK_ELEMENTS.has(name)) {
        // A block inside inline content (e.g. <a><div>…</div></a>): its own paragraph.
        out.push({ k: 'para' }, ...this.items(node.childNodes, marks, false, depth + 1), { k: 'para' });
      } else {
        out.push(...this.items(node.childNodes, marks, loose, depth + 1));
      }
    }
    return out;
  }

  /** Paragraphs (and hoisted figures) from inline items split at paragraph breaks and images. */
  paragraphs(items: Item[]): DocNode[] {
    const out: DocNode[] = [];
    let run: Item[] = [];
    const flush = () => {
      const inline = inlineNodes(run);
      if (inline.length > 0) out.push({ type: 'paragraph', content: inline });
      run = [];
    };
    for (const item of items) {
      if (item.k === 'para') flush();
      else if (item.k === 'img') {
        flush();
        out.push(...this.figure(item.element, null));
      } else run.push(item);
    }
    flush();
    return out;
  }

  private linkHref(raw: string | undefined): string | null {
    if (!raw) return null;
    const href = raw.trim();
    if (isAllowedLinkHref(href)) return href;
    if (!this.options.baseUrl || /^[A-Za-z][A-Za-z0-9+.-]*:/.test(href)) return null;
    try {
      const absolute = new URL(href, this.options.baseUrl).href;
      return isAllowedLinkHref(absolute) ? absolute : null;
    } catch {
      return null;
    }
  }
}

/** Text and hard-break nodes: whitespace collapsed as a browser shows it, trimmed at the ends and around breaks, equal neighbours merged. */
function inlineNodes(items: Item[]): DocNode[] {
  const parts: ({ text: string; marks: Mark[] } | 'br')[] = [];
  let atLineStart = true;
  for (const item of items) {
    if (item.k === 'br') {
      trimEnd(parts);
      parts.push('br');
      atLineStart = true;
      continue;
    }
    if (item.k !== 'text') continue;
    let text = collapse(item.text);
    if (atLineStart || endsWithSpace(parts)) text = text.replace(/^ /, '');
    if (text.length === 0) continue;
    const last = parts[parts.length - 1];
    if (last && last !== 'br' && sameMarks(last.marks, item.marks)) last.text += text;
    else parts.push({ text, marks: item.marks });
    atLineStart = false;
  }
  trimEnd(parts);
  while (parts[0] === 'br') parts.shift();
  while (parts[parts.length - 1] === 'br') parts.pop();
  if (!parts.some((p) => p !== 'br' && p.text.trim().length > 0)) return [];
  return parts.map((part): DocNode => {
    if (part === 'br') return { type: 'hardBreak' };
    const node: DocNode = { type: 'text', text: part.text };
    if (part.marks.length > 0) node.marks = part.marks.map((m) => (m.type === 'link' ? { type: 'link', attrs: { href: m.href } } : { type: m.type }));
    return node;
  });
}

function trimEnd(parts: ({ text: string; marks: Mark[] } | 'br')[]): void {
  for (;;) {
    const last = parts[parts.length - 1];
    if (!last || last === 'br') return;
    last.text = last.text.replace(/ $/, '');
    if (last.text.length > 0) return;
    parts.pop();
  }
}

function endsWithSpace(parts: ({ text: string; marks: Mark[] } | 'br')[]): boolean {
  const last = parts[parts.length - 1];
  return last !== undefined && last !== 'br' && last.text.endsWith(' ');
}

/** HTML whitespace (not the no-break space) collapsed to single spaces. */
function collapse(text: string): string {
  return text.replace(/[ \t\n\r\f]+/g, ' ');
}

function withMark(marks: Mark[], mark: Mark): Mark[] {
  const kept = marks.filter((m) => m.type !== mark.type);
  if (mark.type === 'link' && marks.some((m) => m.type === 'link')) return marks; // the outer link wins, as in a browser
  return [...kept, mark].sort((a, b) => MARK_ORDER.indexOf(a.type) - MARK_ORDER.indexOf(b.type));
}

function sameMarks(a: Mark[], b: Mark[]): boolean {
  return a.length === b.length && a.every((m, i) => m.type === b[i]?.type && m.href === b[i]?.href);
}

function hasClass(element: ElementNode, name: string): boolean {
  return (element.getAttribute('class') ?? '').split(/\s+/).includes(name);
}

function findElement(element: ElementNode, name: string, depth = 0): ElementNode | null {
  if (depth > MAX_DEPTH) return null;
  for (const child of element.childNodes) {
    if (!(child instanceof DomElement)) continue;
    if (child.localName === name) return child;
    const found = findElement(child, name, depth + 1);
    if (found) return found;
  }
  return null;
}

function textOf(node: TreeNode, depth = 0): string {
  if (node instanceof DomText) return node.nodeValue;
  if (node.localName === 'br') return '\n';
  if (depth > MAX_DEPTH) return '';
  return node.childNodes.map((c) => textOf(c, depth + 1)).join('');
}
