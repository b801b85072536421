// Runs in: services and renderer (no DOM needed). A WordPress post's content — block-editor markup
// or classic-editor HTML — as an article body of the editor schema only: paragraphs, headings 2/3,
// lists, quotes, rules, hard breaks, figures (photos the caller resolves to library media ids) and
// the marks bold/italic/underline/strike/link (links only where the link policy allows). Block
// comments are read past; everything the schema cannot hold becomes its plain text or is dropped.
// A small tolerant tokenizer stands in for an HTML parser: WordPress emits a narrow, regular subset.
import type { DocNode } from '../article';
import { isAllowedLinkHref } from '../editor/link-policy';

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
  const tree = buildTree(tokenize(expandCaptionShortcodes(html)));
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
  return tokenize(html)
    .map((t) => (t.kind === 'text' ? t.text : t.kind === 'start' && (t.name === 'br' || CLOSES_P.has(t.name)) ? ' ' : ''))
    .join('')
    .replace(/[ \t\n\r\f]+/g, ' ')
    .trim();
}

// ---------------------------------------------------------------------------------------------
// Tokenizer and tree

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

type Token = { kind: 'start'; name: string; attrs: Map<string, string>; selfClosing: boolean } | { kind: 'end'; name: string } | { kind: 'text'; text: string };

const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
// Their content is not markup; it is skipped whole.
const RAW_TEXT_ELEMENTS = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'template', 'svg', 'math', 'object', 'video', 'audio', 'canvas', 'select', 'button']);
// Starting one of these closes an open <p>, as an HTML parser does.
const CLOSES_P = new Set([
  'address', 'article', 'aside', 'blockquote', 'details', 'div', 'dl', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'header', 'hr', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'ul',
]);

function tokenize(html: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  const pushText = (text: string) => {
    if (text.length > 0) tokens.push({ kind: 'text', text: decodeEntities(text) });
  };
  while (pos < html.length) {
    const lt = html.indexOf('<', pos);
    if (lt < 0) {
      pushText(html.slice(pos));
      break;
    }
    pushText(html.slice(pos, lt));
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      pos = end < 0 ? html.length : end + 3;
      continue;
    }
    const next = html[lt + 1] ?? '';
    if (next === '!' || next === '?') {
      const end = html.indexOf('>', lt);
      pos = end < 0 ? html.length : end + 1;
      continue;
    }
    if (next === '/' && /[A-Za-z]/.test(html[lt + 2] ?? '')) {
      const match = /^<\/([A-Za-z][A-Za-z0-9-]*)[^>]*>?/.exec(html.slice(lt, lt + 300)) ?? null;
      const name = (match?.[1] ?? '').toLowerCase();
      const end = html.indexOf('>', lt);
      pos = end < 0 ? html.length : end + 1;
      tokens.push({ kind: 'end', name });
      continue;
    }
    if (!/[A-Za-z]/.test(next)) {
      pushText('<');
      pos = lt + 1;
      continue;
    }
    const tag = readStartTag(html, lt);
    tokens.push({ kind: 'start', name: tag.name, attrs: tag.attrs, selfClosing: tag.selfClosing });
    pos = tag.end;
    if (RAW_TEXT_ELEMENTS.has(tag.name) && !tag.selfClosing) {
      const close = html.toLowerCase().indexOf(`</${tag.name}`, pos);
      pos = close < 0 ? html.length : close;
    }
  }
  return tokens;
}

function readStartTag(html: string, lt: number): { name: string; attrs: Map<string, string>; selfClosing: boolean; end: number } {
  let pos = lt + 1;
  const nameMatch = /^[A-Za-z][A-Za-z0-9:-]*/.exec(html.slice(pos, pos + 100));
  const name = (nameMatch?.[0] ?? '').toLowerCase();
  pos += name.length;
  const attrs = new Map<string, string>();
  let selfClosing = false;
  while (pos < html.length) {
    while (pos < html.length && /\s/.test(html[pos] ?? '')) pos++;
    const ch = html[pos];
    if (ch === undefined) break;
    if (ch === '>') {
      pos++;
      break;
    }
    if (ch === '/') {
      if (html[pos + 1] === '>') {
        selfClosing = true;
        pos += 2;
        break;
      }
      pos++;
      continue;
    }
    const attrMatch = /^[^\s"'>/=]+/.exec(html.slice(pos, pos + 200));
    if (!attrMatch) {
      pos++;
      continue;
    }
    const attrName = attrMatch[0].toLowerCase();
    pos += attrMatch[0].length;
    while (pos < html.length && /\s/.test(html[pos] ?? '')) pos++;
    let value = '';
    if (html[pos] === '=') {
      pos++;
      while (pos < html.length && /\s/.test(html[pos] ?? '')) pos++;
      const quote = html[pos];
      if (quote === '"' || quote === "'") {
        const close = html.indexOf(quote, pos + 1);
        const end = close < 0 ? html.length : close;
        value = html.slice(pos + 1, end);
        pos = end + 1;
      } else {
        const unquoted = /^[^\s>]*/.exec(html.slice(pos))?.[0] ?? '';
        value = unquoted;
        pos += unquoted.length;
      }
    }
    if (!attrs.has(attrName)) attrs.set(attrName, decodeEntities(value));
  }
  return { name, attrs, selfClosing, end: pos };
}

function buildTree(tokens: Token[]): ElementNode {
  const root: ElementNode = { kind: 'element', name: '#root', attrs: new Map(), children: [] };
  const stack: ElementNode[] = [root];
  const top = () => stack[stack.length - 1] as ElementNode;
  const closeTo = (name: string): boolean => {
    for (let i = stack.length - 1; i > 0; i--) {
      if ((stack[i] as ElementNode).name === name) {
        stack.length = i;
        return true;
      }
    }
    return false;
  };
  for (const token of tokens) {
    if (token.kind === 'text') {
      top().children.push({ kind: 'text', text: token.text });
      continue;
    }
    if (token.kind === 'end') {
      if (token.name === 'p' && !stack.some((e) => e.name === 'p')) continue;
      if (token.name === 'br') {
        top().children.push({ kind: 'element', name: 'br', attrs: new Map(), children: [] });
        continue;
      }
      closeTo(token.name);
      continue;
    }
    if (CLOSES_P.has(token.name) && top().name === 'p') stack.pop();
    if (token.name === 'li') closeOpenSibling(stack, 'li', ['ul', 'ol']);
    if (token.name === 'dt' || token.name === 'dd') closeOpenSibling(stack, token.name, ['dl']);
    if (token.name === 'tr') closeOpenSibling(stack, 'tr', ['table', 'thead', 'tbody', 'tfoot']);
    if (token.name === 'td' || token.name === 'th') closeOpenSibling(stack, token.name, ['tr']);
    const element: ElementNode = { kind: 'element', name: token.name, attrs: token.attrs, children: [] };
    top().children.push(element);
    if (!VOID_ELEMENTS.has(token.name) && !token.selfClosing && !RAW_TEXT_ELEMENTS.has(token.name)) stack.push(element);
  }
  return root;
}

/** An unclosed <li> (or <td>, <tr>…) ends where its next sibling starts, inside the same list. */
function closeOpenSibling(stack: ElementNode[], name: string, containers: string[]): void {
  for (let i = stack.length - 1; i > 0; i--) {
    const element = stack[i] as ElementNode;
    if (containers.includes(element.name)) return;
    if (element.name === name || (name === 'dt' && element.name === 'dd') || (name === 'dd' && element.name === 'dt') || (name === 'td' && element.name === 'th') || (name === 'th' && element.name === 'td')) {
      stack.length = i;
      return;
    }
  }
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', hellip: '…', mdash: '—', ndash: '–', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”',
  laquo: '«', raquo: '»', sbquo: '‚', bdquo: '„', copy: '©', reg: '®', trade: '™', deg: '°', middot: '·', bull: '•', times: '×', divide: '÷', euro: '€',
  pound: '£', yen: '¥', cent: '¢', sect: '§', para: '¶', shy: '\u00ad', thinsp: '\u2009', ensp: '\u2002', emsp: '\u2003', zwj: '\u200d', zwnj: '\u200c',
  prime: '′', Prime: '″', minus: '−', plusmn: '±', frac12: '½', frac14: '¼', frac34: '¾', iexcl: '¡', iquest: '¿', aacute: 'á', eacute: 'é', iacute: 'í',
  oacute: 'ó', uacute: 'ú', agrave: 'à', egrave: 'è', ograve: 'ò', auml: 'ä', ouml: 'ö', uuml: 'ü', Auml: 'Ä', Ouml: 'Ö', Uuml: 'Ü', szlig: 'ß',
  ccedil: 'ç', ntilde: 'ñ', Eacute: 'É',
};

function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});?/g, (whole, body: string) => {
    if (body.startsWith('#')) {
      const code = body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
      if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\uFFFD';
      return String.fromCodePoint(code);
    }
    return NAMED_ENTITIES[body] ?? whole;
  });
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
        if (hasClass(element, 'dateline-byline')) return [];
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
        if (child.kind === 'element' && child.name === 'span' && hasClass(child, 'dateline-credit')) credit = collapse(textOf(child)).trim();
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
