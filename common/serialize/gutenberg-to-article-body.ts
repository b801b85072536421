// Runs in: services and renderer (no DOM needed). A WordPress post's content — block-editor markup
// or classic-editor HTML — as an article body of the editor schema only: paragraphs, headings 2/3,
// lists, quotes, rules, hard breaks, figures (photos the caller resolves to library media ids) and
// the marks bold/italic/underline/strike/link (links only where the link policy allows). Block
// comments are read by WordPress's own block parser and taken out; the HTML is parsed by parse5 (the
// HTML standard's parser: entities decoded with `entities`, no script run, nothing fetched). Loose
// classic-editor text breaks into paragraphs as wpautop does; everything the schema cannot hold
// becomes its plain text or is dropped.
import { parse as parseBlocks } from '@wordpress/block-serialization-default-parser';
import { parseFragment, type DefaultTreeAdapterTypes } from 'parse5';
import { AppError } from '../app-error';
import type { DocNode } from '../article';
import { DOC_LIMITS } from '../doc-bounds';
import { isAllowedLinkHref } from '../editor/link-policy';
import { creditFromLine } from './credit-line';

/** Classes of the lines a publish adds to a post (byline, subheadline, lead caption, source, editor). */
const GENERATED_LINES = ['dateline-byline', 'dateline-subheadline', 'dateline-lead-caption', 'dateline-source', 'dateline-responsible-editor'];

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
  const content = new Converter(options).blocks(tree.children, true, 0);
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
    if (node.kind === 'text') {
      parts.push(node.text);
      continue;
    }
    if (node.name === 'br' || CLOSES_P.has(node.name)) parts.push(' ');
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as TreeNode);
  }
  return parts
    .join('')
    .replace(/[ \t\n\r\f]+/g, ' ')
    .trim();
}

// ---------------------------------------------------------------------------------------------
// The parsed tree: parse5 (the HTML standard's parser, which decodes entities with `entities`)
// builds it; this keeps only elements and text, bounded in depth.

interface ElementNode {
  kind: 'element';
  name: string;
  attrs: Map<string, string>;
  children: TreeNode[];
}
interface TextNode {
  kind: 'text';
  text: string;
}
type TreeNode = ElementNode | TextNode;

// Their content is not the story's text: kept out of the tree whole (parse5 never runs or fetches anything).
const RAW_TEXT_ELEMENTS = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'template', 'svg', 'math', 'object', 'video', 'audio', 'canvas', 'select', 'button']);
const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
// Text breaks around these in a title or excerpt.
const CLOSES_P = new Set([
  'address', 'article', 'aside', 'blockquote', 'details', 'div', 'dl', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'header', 'hr', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'ul',
]);
/** Deeper markup than this is dropped while the tree is built (the converter reads no deeper than MAX_DEPTH anyway). */
const MAX_TREE_DEPTH = 256;
/** HTML longer than this (UTF-16 code units) is refused before it is parsed: the body limit of doc-bounds.ts. */
export const MAX_HTML_CHARS = DOC_LIMITS.maxTextChars;

type Parse5Node = DefaultTreeAdapterTypes.ChildNode;

/** The element-and-text tree of an HTML fragment, built without recursion. */
function parseHtml(html: string): ElementNode {
  if (html.length > MAX_HTML_CHARS) {
    throw new AppError('invalid-input', `The HTML is ${html.length.toLocaleString('en')} characters long, more than the ${MAX_HTML_CHARS.toLocaleString('en')} Dateline reads`);
  }
  const root: ElementNode = { kind: 'element', name: '#root', attrs: new Map(), children: [] };
  const stack: { from: Parse5Node[]; to: ElementNode; depth: number }[] = [{ from: parseFragment(html).childNodes, to: root, depth: 0 }];
  while (stack.length > 0) {
    const { from, to, depth } = stack.pop() as { from: Parse5Node[]; to: ElementNode; depth: number };
    for (const node of from) {
      if (node.nodeName === '#text' && 'value' in node) {
        to.children.push({ kind: 'text', text: node.value });
      } else if ('tagName' in node) {
        const name = node.tagName.toLowerCase();
        const element: ElementNode = { kind: 'element', name, attrs: new Map(node.attrs.map((a) => [a.name, a.value])), children: [] };
        to.children.push(element);
        if (!RAW_TEXT_ELEMENTS.has(name) && depth < MAX_TREE_DEPTH) stack.push({ from: node.childNodes, to: element, depth: depth + 1 });
      }
    }
  }
  return root;
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
      return child && depth < MAX_TREE_DEPTH ? blockHtml(child, depth + 1) : '';
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
      if (child.kind === 'element' && BLOCK_ELEMENTS.has(child.name)) {
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
    switch (element.name) {
      case 'p':
        // The lines Dateline adds around the body when it publishes are not part of the body.
        if (GENERATED_LINES.some((name) => hasClass(element, name))) return [];
        return this.paragraphs(this.items(element.children, [], false, depth));
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
        const inner = this.blocks(element.children, false, depth);
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
        return this.table({ ...element, name: 'table', children: [element] }, depth);
      default:
        return CONTAINERS.has(element.name) ? this.blocks(element.children, false, depth) : [];
    }
  }

  private heading(element: ElementNode, depth: number): DocNode[] {
    const level = element.name === 'h1' || element.name === 'h2' ? 2 : 3;
    const items = this.items(element.children, [], false, depth);
    const figures = items.filter((i): i is Extract<Item, { k: 'img' }> => i.k === 'img').flatMap((i) => this.figure(i.element, null));
    const inline = inlineNodes(items.filter((i) => i.k === 'text' || i.k === 'br'));
    const out: DocNode[] = inline.length > 0 ? [{ type: 'heading', attrs: { level }, content: inline }] : [];
    return [...out, ...figures];
  }

  private list(element: ElementNode, depth: number): DocNode[] {
    const items: DocNode[] = [];
    for (const child of element.children) {
      if (child.kind !== 'element') continue;
      if (child.name === 'li') {
        const item = this.listItem(child, depth + 1);
        if (item) items.push(item);
      } else if (child.name === 'ul' || child.name === 'ol') {
        // A list directly inside a list (older editors): it belongs to the item before it.
        const nested = this.list(child, depth + 1);
        const last = items[items.length - 1];
        if (last) last.content = [...(last.content ?? []), ...nested];
        else items.push(...nested.map((list) => ({ type: 'listItem', content: [{ type: 'paragraph' }, list] })));
      }
    }
    if (items.length === 0) return [];
    if (element.name === 'ul') return [{ type: 'bulletList', content: items }];
    const start = Number.parseInt(element.attrs.get('start') ?? '', 10);
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
    for (const child of element.children) {
      if (child.kind === 'element' && BLOCK_ELEMENTS.has(child.name)) {
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
    if (element.children.some((c) => c.kind === 'element' && (c.name === 'figure' || c.name === 'blockquote' || c.name === 'table' || c.name === 'ul'))) {
      return this.blocks(element.children.filter((c) => !(c.kind === 'element' && c.name === 'figcaption')), false, depth).concat(
        this.blocks(element.children.filter((c) => c.kind === 'element' && c.name === 'figcaption'), false, depth),
      );
    }
    const img = findElement(element, 'img');
    if (!img) return this.blocks(element.children, false, depth);
    const caption = element.children.find((c): c is ElementNode => c.kind === 'element' && c.name === 'figcaption') ?? null;
    return this.figure(img, caption);
  }

  /** A photo with its caption: Dateline's credit span becomes the credit, the rest the caption. */
  private figure(img: ElementNode, caption: ElementNode | null): DocNode[] {
    const src = img.attrs.get('src') ?? '';
    const idMatch = /(?:^|\s)wp-image-(\d+)(?:\s|$)/.exec(img.attrs.get('class') ?? '');
    const attachmentId = idMatch ? Number(idMatch[1]) : null;
    const image: GutenbergImage = { src, alt: img.attrs.get('alt') ?? '', attachmentId: attachmentId !== null && Number.isSafeInteger(attachmentId) ? attachmentId : null };
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
      for (const child of caption.children) {
        if (child.kind === 'element' && child.name === 'span' && hasClass(child, 'dateline-credit')) credit = creditFromLine(collapse(textOf(child)));
        else rest.push(child);
      }
      content = inlineNodes(this.items(rest, [], false, 0).filter((i) => i.k === 'text' || i.k === 'br'));
    }
    const node: DocNode = { type: 'figure', attrs: { mediaId: resolved.mediaId, alt: image.alt, credit, lead: resolved.lead } };
    if (content.length > 0) node.content = content;
    return [node];
  }

  /** A table as one paragraph per row, cells separated by " | ". */
  private table(element: ElementNode, depth: number): DocNode[] {
    const rows: ElementNode[] = [];
    const visit = (node: ElementNode, d: number) => {
      if (d > MAX_DEPTH) return;
      for (const child of node.children) {
        if (child.kind !== 'element') continue;
        if (child.name === 'tr') rows.push(child);
        else if (child.name !== 'table') visit(child, d + 1);
      }
    };
    visit(element, depth);
    const out: DocNode[] = [];
    for (const row of rows) {
      const items: Item[] = [];
      for (const cell of row.children) {
        if (cell.kind !== 'element' || (cell.name !== 'td' && cell.name !== 'th')) continue;
        const cellItems = this.items(cell.children, [], false, depth).map((i): Item => (i.k === 'para' || i.k === 'br' ? { k: 'text', text: ' ', marks: [] } : i));
        if (items.length > 0 && cellItems.some((i) => i.k === 'text' && i.text.trim().length > 0)) items.push({ k: 'text', text: ' | ', marks: [] });
        items.push(...cellItems);
      }
      out.push(...this.paragraphs(items));
    }
    const caption = findElement(element, 'caption');
    if (caption) out.push(...this.paragraphs(this.items(caption.children, [], false, depth)));
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
      if (node.kind === 'text') {
        if (!loose) {
          out.push({ k: 'text', text: node.text, marks });
          continue;
        }
        node.text.split(PARAGRAPH_BREAK).forEach((part, i) => {
          if (i > 0) out.push({ k: 'para' });
          part.split('\n').forEach((line, j) => {
            // wpautop turns a single newline into a line break.
            if (j > 0 && line.trim().length > 0) out.push({ k: 'br' });
            out.push({ k: 'text', text: line, marks });
          });
        });
        continue;
      }
      const name = node.name;
      if (name === 'br') out.push({ k: 'br' });
      else if (name === 'img') out.push({ k: 'img', element: node });
      else if (RAW_TEXT_ELEMENTS.has(name) || VOID_ELEMENTS.has(name)) continue;
      else if (name === 'a') {
        const href = this.linkHref(node.attrs.get('href'));
        const next = href ? withMark(marks, { type: 'link', href }) : marks;
        out.push(...this.items(node.children, next, loose, depth + 1));
      } else if (MARK_TAGS[name]) {
        out.push(...this.items(node.children, withMark(marks, { type: MARK_TAGS[name] as MarkName }), loose, depth + 1));
      } else if (BLOCK_ELEMENTS.has(name)) {
        // A block inside inline content (e.g. <a><div>…</div></a>): its own paragraph.
        out.push({ k: 'para' }, ...this.items(node.children, marks, false, depth + 1), { k: 'para' });
      } else {
        out.push(...this.items(node.children, marks, loose, depth + 1));
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
  return (element.attrs.get('class') ?? '').split(/\s+/).includes(name);
}

function findElement(element: ElementNode, name: string, depth = 0): ElementNode | null {
  if (depth > MAX_DEPTH) return null;
  for (const child of element.children) {
    if (child.kind !== 'element') continue;
    if (child.name === name) return child;
    const found = findElement(child, name, depth + 1);
    if (found) return found;
  }
  return null;
}

function textOf(node: TreeNode, depth = 0): string {
  if (node.kind === 'text') return node.text;
  if (node.name === 'br') return '\n';
  if (depth > MAX_DEPTH) return '';
  return node.children.map((c) => textOf(c, depth + 1)).join('');
}
