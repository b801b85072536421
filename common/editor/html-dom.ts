// Runs in: services and renderer (no DOM needed). An HTML fragment as the few DOM nodes ProseMirror's
// DOMParser reads (node types and names, children and siblings, attributes, tag selectors, text),
// built from parse5's tree: the HTML standard's parser, which decodes entities with `entities`.
// Nothing here runs a script, loads a resource or resolves a style: it is data only. The tree is
// bounded as it is built: HTML longer than the caller's limit is refused before parsing, markup
// deeper than MAX_DOM_DEPTH is dropped, and elements whose content is not text to read (scripts,
// styles, embedded documents, form controls) are kept empty.
import { parseFragment, type DefaultTreeAdapterTypes } from 'parse5';

/** Deeper markup than this is dropped while the tree is built. */
export const MAX_DOM_DEPTH = 256;

// Their content is not the story's text: kept out of the tree whole.
const OPAQUE_ELEMENTS = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'template', 'svg', 'math', 'object', 'video', 'audio', 'canvas', 'select', 'button']);

/** What ProseMirror asks of an element's style: nothing is resolved, so no style rule ever matches. */
const NO_STYLE = Object.freeze({ length: 0, getPropertyValue: () => '', whiteSpace: '', fontWeight: '', fontStyle: '', textDecoration: '' });

abstract class DomNodeBase {
  parentNode: DomElement | null = null;
  previousSibling: DomNode | null = null;
  nextSibling: DomNode | null = null;
  readonly ownerDocument = OWNER_DOCUMENT;
  abstract readonly nodeType: 1 | 3;
  abstract get textContent(): string;
}

export class DomText extends DomNodeBase {
  readonly nodeType = 3;
  readonly nodeName = '#text';
  constructor(public nodeValue: string) {
    super();
  }
  get textContent(): string {
    return this.nodeValue;
  }
}

export class DomElement extends DomNodeBase {
  readonly nodeType = 1;
  readonly style = NO_STYLE;
  readonly namespaceURI = 'http://www.w3.org/1999/xhtml';
  firstChild: DomNode | null = null;
  lastChild: DomNode | null = null;
  /** The children as a list, made when asked for and kept until the next change. */
  private list: DomNode[] | null = [];

  /** `localName`: lower case, as parse5 gives it. */
  constructor(
    readonly localName: string,
    private readonly attrs: Map<string, string> = new Map(),
  ) {
    super();
  }

  get nodeName(): string {
    return this.localName.toUpperCase();
  }
  get tagName(): string {
    return this.nodeName;
  }
  get childNodes(): readonly DomNode[] {
    if (this.list === null) {
      const list: DomNode[] = [];
      for (let node = this.firstChild; node; node = node.nextSibling) list.push(node);
      this.list = list;
    }
    return this.list;
  }

  getAttribute(name: string): string | null {
    return this.attrs.get(name.toLowerCase()) ?? null;
  }
  hasAttribute(name: string): boolean {
    return this.attrs.has(name.toLowerCase());
  }
  setAttribute(name: string, value: string): void {
    this.attrs.set(name.toLowerCase(), value);
  }
  removeAttribute(name: string): void {
    this.attrs.delete(name.toLowerCase());
  }

  get textContent(): string {
    const parts: string[] = [];
    const stack: DomNode[] = [this];
    while (stack.length > 0) {
      const node = stack.pop() as DomNode;
      if (node instanceof DomText) parts.push(node.nodeValue);
      else for (let child = node.lastChild; child; child = child.previousSibling) stack.push(child);
    }
    return parts.join('');
  }

  /** Whether the element matches a selector list of simple selectors: `tag`, `tag[attr]`, `tag[attr="value"]`, `.class`, `*`. */
  matches(selectors: string): boolean {
    return parseSelectors(selectors).some((selector) => selector(this));
  }

  /** The first descendant (document order) that matches, or null. */
  querySelector(selectors: string): DomElement | null {
    const parsed = parseSelectors(selectors);
    const stack: DomNode[] = [];
    for (let child = this.lastChild; child; child = child.previousSibling) stack.push(child);
    while (stack.length > 0) {
      const node = stack.pop() as DomNode;
      if (!(node instanceof DomElement)) continue;
      if (parsed.some((selector) => selector(node))) return node;
      for (let child = node.lastChild; child; child = child.previousSibling) stack.push(child);
    }
    return null;
  }

  contains(other: DomNode | null): boolean {
    for (let node = other; node; node = node.parentNode) if (node === this) return true;
    return false;
  }

  appendChild<T extends DomNode>(child: T): T {
    return this.insertBefore(child, null);
  }

  /** Puts `child` before `before` (at the end when null), taking it from where it was. */
  insertBefore<T extends DomNode>(child: T, before: DomNode | null): T {
    if (before !== null && before.parentNode !== this) throw new Error('insertBefore: not a child');
    child.parentNode?.removeChild(child);
    const after = before === null ? this.lastChild : before.previousSibling;
    child.parentNode = this;
    child.previousSibling = after;
    child.nextSibling = before;
    if (after) after.nextSibling = child;
    else this.firstChild = child;
    if (before) before.previousSibling = child;
    else this.lastChild = child;
    this.list = null;
    return child;
  }

  removeChild<T extends DomNode>(child: T): T {
    if (child.parentNode !== this) throw new Error('removeChild: not a child');
    if (child.previousSibling) child.previousSibling.nextSibling = child.nextSibling;
    else this.firstChild = child.nextSibling;
    if (child.nextSibling) child.nextSibling.previousSibling = child.previousSibling;
    else this.lastChild = child.previousSibling;
    child.parentNode = null;
    child.previousSibling = null;
    child.nextSibling = null;
    this.list = null;
    return child;
  }
}

export type DomNode = DomElement | DomText;

const OWNER_DOCUMENT = Object.freeze({
  createTextNode: (text: string): DomText => new DomText(text),
  createElement: (name: string): DomElement => new DomElement(name.toLowerCase()),
});

type Parse5Node = DefaultTreeAdapterTypes.ChildNode;

/** The fragment's tree under a root element (`#root`), built without recursion. */
export function parseHtmlDom(html: string): DomElement {
  const root = new DomElement('#root');
  const stack: { from: Parse5Node[]; to: DomElement; depth: number }[] = [{ from: parseFragment(html).childNodes, to: root, depth: 0 }];
  while (stack.length > 0) {
    const { from, to, depth } = stack.pop() as { from: Parse5Node[]; to: DomElement; depth: number };
    for (const node of from) {
      if (node.nodeName === '#text' && 'value' in node) {
        to.appendChild(new DomText(node.value));
      } else if ('tagName' in node) {
        const name = node.tagName.toLowerCase();
        const element = to.appendChild(new DomElement(name, new Map(node.attrs.map((a) => [a.name.toLowerCase(), a.value]))));
        if (!OPAQUE_ELEMENTS.has(name) && depth < MAX_DOM_DEPTH) stack.push({ from: node.childNodes, to: element, depth: depth + 1 });
      }
    }
  }
  return root;
}

// ---------------------------------------------------------------------------------------------
// Selectors: only the simple ones parse rules use. Anything else matches nothing.

type Selector = (element: DomElement) => boolean;
const SIMPLE_SELECTOR = /^([a-z][a-z0-9-]*|\*)?((?:\[[a-z][a-z0-9_:-]*(?:=(?:"[^"]*"|'[^']*'|[^\]"']*))?\]|\.[A-Za-z0-9_-]+)*)$/i;
const PART = /\[([a-z][a-z0-9_:-]*)(?:=(?:"([^"]*)"|'([^']*)'|([^\]"']*)))?\]|\.([A-Za-z0-9_-]+)/gi;
const parsedSelectors = new Map<string, Selector[]>();

function parseSelectors(selectors: string): Selector[] {
  const cached = parsedSelectors.get(selectors);
  if (cached) return cached;
  const parsed = selectors.split(',').map((one) => parseSelector(one.trim()));
  if (parsedSelectors.size < 1_000) parsedSelectors.set(selectors, parsed);
  return parsed;
}

function parseSelector(selector: string): Selector {
  const match = SIMPLE_SELECTOR.exec(selector);
  if (!match) return () => false;
  const tag = match[1] && match[1] !== '*' ? match[1].toLowerCase() : null;
  const tests: Selector[] = [];
  for (const part of (match[2] ?? '').matchAll(PART)) {
    const [, attr, dq, sq, bare, className] = part;
    if (className !== undefined) tests.push((el) => (el.getAttribute('class') ?? '').split(/\s+/).includes(className));
    else if (attr !== undefined) {
      const value = dq ?? sq ?? bare;
      tests.push(value === undefined ? (el) => el.hasAttribute(attr) : (el) => el.getAttribute(attr) === value);
    }
  }
  return (el) => (tag === null || el.localName === tag) && tests.every((test) => test(el));
}
