// Runs in: services and renderer (no DOM needed). What a WordPress post's HTML needs before the
// editor schema's own parse rules read it (html-to-body.ts), for what only WordPress means: loose
// classic-editor text broken into paragraphs as wpautop does, photos resolved by the caller to
// library figures (or a note, or nothing), Dateline's credit line, tables and preformatted text as
// paragraphs, headings to the schema's levels, items' lines as paragraphs, and link targets
// resolved against the site. Everything else is left to the parse rules. Then the body is tidied
// the way stored bodies always were: no empty blocks, no spaces or breaks at a line's ends.
import type { DocNode } from '../article';
import { DomElement, DomText, type DomNode } from '../editor/html-dom';
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

// Elements that start a block where they stand (what wpautop leaves alone in loose text).
const BLOCK_ELEMENTS = new Set([
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote', 'hr', 'figure', 'figcaption', 'div', 'section', 'article', 'main', 'header', 'footer',
  'aside', 'nav', 'address', 'details', 'summary', 'pre', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption', 'dl', 'dt', 'dd', 'center', 'form', 'fieldset',
]);
const PARAGRAPH_BREAK = /\n[ \t\r\f]*\n\s*/;
const HEADING_LEVEL: Record<string, 'h2' | 'h3'> = { h1: 'h2', h4: 'h3', h5: 'h3', h6: 'h3' };
/** Classes of the lines a publish adds to a post (byline, subheadline, lead caption, source, editor). */
const GENERATED_LINES = ['dateline-byline', 'dateline-subheadline', 'dateline-lead-caption', 'dateline-source', 'dateline-responsible-editor'];

/** Rewrites `root` in place so that the schema's parse rules read it as Dateline reads a post. */
export function prepareWordPressHtml(root: DomElement, options: GutenbergParseOptions): DomElement {
  wpautop(root);
  for (const element of elementsOf(root)) {
    if (!root.contains(element)) continue; // taken out with an ancestor already
    const name = element.localName;
    // The lines Dateline adds around the body when it publishes are not part of the body.
    if (name === 'p' && GENERATED_LINES.some((line) => hasClass(element, line))) remove(element);
    else if (HEADING_LEVEL[name]) rename(element, HEADING_LEVEL[name]);
    else if (name === 'figure' && !isContainerFigure(element)) {
      const img = element.querySelector('img');
      if (img) replace(element, figureFor(img, directChild(element, 'figcaption'), options));
    } else if (name === 'img') replace(element, figureFor(element, null, options));
    else if (name === 'table') replace(element, ...tableRows(element));
    else if (name === 'pre') replace(element, lines(element.textContent.replace(/\r\n?/g, '\n').replace(/^\n/, '').replace(/\n+$/, '')));
    else if (name === 'a') linkTarget(element, options.baseUrl);
    else if (name === 'li') itemLines(element);
  }
  return root;
}

/** Figures that hold other blocks (a gallery, a pull quote, a table, an embed's list): read as their content. */
function isContainerFigure(figure: DomElement): boolean {
  return figure.childNodes.some((c) => c instanceof DomElement && (c.localName === 'figure' || c.localName === 'blockquote' || c.localName === 'table' || c.localName === 'ul'));
}

/** The library figure for a photo (with its caption and credit), a paragraph of the caller's note, or a break in its place. */
function figureFor(img: DomElement, caption: DomElement | null, options: GutenbergParseOptions): DomElement {
  const idMatch = /(?:^|\s)wp-image-(\d+)(?:\s|$)/.exec(img.getAttribute('class') ?? '');
  const attachmentId = idMatch ? Number(idMatch[1]) : null;
  const image: GutenbergImage = { src: img.getAttribute('src') ?? '', alt: img.getAttribute('alt') ?? '', attachmentId: attachmentId !== null && Number.isSafeInteger(attachmentId) ? attachmentId : null };
  const resolved = options.image?.(image) ?? null;
  // An empty block still ends the paragraph the photo stood in, as the photo did.
  if (!resolved) return new DomElement('div');
  if ('note' in resolved) {
    const note = resolved.note.replace(/[ \t\n\r\f]+/g, ' ').trim();
    return note ? element('p', {}, [new DomText(note)]) : new DomElement('div');
  }
  let credit = '';
  const captionContent: DomNode[] = [];
  for (const child of caption ? [...caption.childNodes] : []) {
    if (child instanceof DomElement && child.localName === 'span' && hasClass(child, 'dateline-credit')) credit = creditFromLine(child.textContent.replace(/[ \t\n\r\f]+/g, ' '));
    else captionContent.push(child);
  }
  const attrs: Record<string, string> = { 'data-media-id': resolved.mediaId, 'data-credit': credit, 'data-lead': String(resolved.lead) };
  return element('figure', attrs, [element('img', { alt: image.alt }, []), element('figcaption', {}, captionContent)]);
}

/** A table as one paragraph per row, cells separated by " | ", then its caption. */
function tableRows(table: DomElement): DomElement[] {
  const out: DomElement[] = [];
  for (const row of elementsOf(table).filter((e) => e.localName === 'tr')) {
    const p = new DomElement('p');
    for (const cell of row.childNodes) {
      if (!(cell instanceof DomElement) || (cell.localName !== 'td' && cell.localName !== 'th')) continue;
      if (p.childNodes.length > 0 && cell.textContent.trim().length > 0) p.appendChild(new DomText(' | '));
      for (const child of [...cell.childNodes]) p.appendChild(child);
    }
    out.push(p);
  }
  const caption = table.querySelector('caption');
  if (caption) out.push(element('p', {}, [...caption.childNodes]));
  return out;
}

/** Preformatted text as one paragraph, its lines kept as line breaks. */
function lines(text: string): DomElement {
  const p = new DomElement('p');
  text.split('\n').forEach((line, i) => {
    if (i > 0) p.appendChild(new DomElement('br'));
    p.appendChild(new DomText(line));
  });
  return p;
}

/** An allowed link target, made absolute against the site when relative; otherwise no link (its text stays). */
function linkTarget(a: DomElement, baseUrl: string | undefined): void {
  const raw = a.getAttribute('href');
  if (raw === null) return;
  const href = raw.trim();
  let target: string | null = isAllowedLinkHref(href) ? href : null;
  if (target === null && baseUrl && !/^[A-Za-z][A-Za-z0-9+.-]*:/.test(href)) {
    try {
      const absolute = new URL(href, baseUrl).href;
      target = isAllowedLinkHref(absolute) ? absolute : null;
    } catch {
      target = null;
    }
  }
  if (target === null) a.removeAttribute('href');
  else a.setAttribute('href', target);
}

/** An item's loose lines (Dateline writes an item's paragraphs joined by <br>) as paragraphs. */
function itemLines(li: DomElement): void {
  inlineRunsAsParagraphs(li, (child, into) => {
    if (child instanceof DomElement && child.localName === 'br') {
      li.removeChild(child);
      return null;
    }
    into.appendChild(child);
    return into;
  });
}

/** Loose text at the top (the classic editor's) in paragraphs: a blank line ends one, a newline is a line break. */
function wpautop(root: DomElement): void {
  inlineRunsAsParagraphs(root, (child, into) => {
    if (!(child instanceof DomText)) {
      into.appendChild(child);
      return into;
    }
    root.removeChild(child);
    let p = into;
    child.nodeValue.split(PARAGRAPH_BREAK).forEach((part, i) => {
      if (i > 0) p = root.insertBefore(new DomElement('p'), p.nextSibling);
      part.split('\n').forEach((line, j) => {
        if (j > 0 && line.trim().length > 0) p.appendChild(new DomElement('br'));
        p.appendChild(new DomText(line));
      });
    });
    return p;
  });
}

/**
 * Gathers the children of `parent` between its blocks into paragraphs put where they stood. `place`
 * puts one child into the paragraph and says which paragraph goes on (null: a new one from the next child).
 */
function inlineRunsAsParagraphs(parent: DomElement, place: (child: DomNode, into: DomElement) => DomElement | null): void {
  let run: DomElement | null = null;
  for (const child of [...parent.childNodes]) {
    if (child instanceof DomElement && BLOCK_ELEMENTS.has(child.localName)) {
      run = null;
      continue;
    }
    run = place(child, run ?? parent.insertBefore(new DomElement('p'), child));
  }
}

// ---------------------------------------------------------------------------------------------
// The body as stored bodies always were

/** No empty paragraphs, headings, items, lists or quotes; no spaces or line breaks at a line's ends. */
export function tidyBody(doc: DocNode): DocNode {
  const content = tidyBlocks(doc.content ?? []);
  return { type: 'doc', content: content.length > 0 ? content : [{ type: 'paragraph' }] };
}

function tidyBlocks(blocks: DocNode[]): DocNode[] {
  const out: DocNode[] = [];
  for (const block of blocks) {
    if (block.type === 'paragraph' || block.type === 'heading') {
      const inline = tidyInline(block.content ?? []);
      if (inline.length > 0) out.push({ ...block, content: inline });
    } else if (block.type === 'figure') {
      const inline = tidyInline(block.content ?? []);
      const { content: _old, ...rest } = block;
      out.push(inline.length > 0 ? { ...rest, content: inline } : rest);
    } else if (block.type === 'listItem') {
      const inner = tidyBlocks(block.content ?? []);
      if (inner.length === 0) continue;
      if (inner[0]?.type !== 'paragraph') inner.unshift({ type: 'paragraph' });
      out.push({ ...block, content: inner });
    } else if (block.content) {
      const inner = tidyBlocks(block.content);
      if (inner.length > 0) out.push({ ...block, content: inner });
    } else out.push(block);
  }
  return out;
}

function tidyInline(nodes: DocNode[]): DocNode[] {
  const out = nodes.map((n) => ({ ...n }));
  for (let i = 0; i < out.length; i++) {
    const node = out[i] as DocNode;
    if (node.type !== 'text' || node.text === undefined) continue;
    if (out[i + 1]?.type === 'hardBreak' || i === out.length - 1) node.text = node.text.replace(/ +$/, '');
    if (i === 0 || out[i - 1]?.type === 'hardBreak') node.text = node.text.replace(/^ +/, '');
  }
  const kept = out.filter((n) => n.type !== 'text' || (n.text ?? '').length > 0);
  while (kept[0]?.type === 'hardBreak') kept.shift();
  while (kept[kept.length - 1]?.type === 'hardBreak') kept.pop();
  return kept.some((n) => n.type === 'text' && (n.text ?? '').trim().length > 0) ? kept : [];
}

// ---------------------------------------------------------------------------------------------

/** Every element below `root`, in document order (a list taken first: the walk rewrites the tree). */
function elementsOf(root: DomElement): DomElement[] {
  const out: DomElement[] = [];
  const stack: DomNode[] = [...root.childNodes].reverse();
  while (stack.length > 0) {
    const node = stack.pop() as DomNode;
    if (!(node instanceof DomElement)) continue;
    out.push(node);
    for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push(node.childNodes[i] as DomNode);
  }
  return out;
}

function element(name: string, attrs: Record<string, string>, children: DomNode[]): DomElement {
  const el = new DomElement(name, new Map(Object.entries(attrs)));
  for (const child of children) el.appendChild(child);
  return el;
}

function directChild(parent: DomElement, name: string): DomElement | null {
  return (parent.childNodes.find((c) => c instanceof DomElement && c.localName === name) as DomElement | undefined) ?? null;
}

function hasClass(el: DomElement, name: string): boolean {
  return (el.getAttribute('class') ?? '').split(/\s+/).includes(name);
}

function remove(node: DomNode): void {
  node.parentNode?.removeChild(node);
}

function replace(old: DomElement, ...nodes: DomNode[]): void {
  const parent = old.parentNode;
  if (!parent) return;
  for (const node of nodes) parent.insertBefore(node, old);
  parent.removeChild(old);
}

function rename(old: DomElement, name: string): void {
  replace(old, element(name, {}, [...old.childNodes]));
}
