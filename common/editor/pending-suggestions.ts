// Runs in: services and renderer. Pending suggestions in a body (JSON): whether there are any, where
// the first one is, and the body as it stands when every pending suggestion is rejected, which is what
// every serializer writes: outbound text is the author's text until someone accepts a change.
import type { DocNode } from '../article';
import { formatSnapshot, isFormatMarkName } from './format-snapshot';
import { SUGGESTION_DELETE, SUGGESTION_FORMAT, SUGGESTION_INSERT } from './suggestion-marks';

// Deeper nesting than any editor produces is left as it is rather than recursed into.
const MAX_DEPTH = 100;

function isSuggestionMark(type: string): boolean {
  return type === SUGGESTION_INSERT || type === SUGGESTION_DELETE || type === SUGGESTION_FORMAT;
}

/** True when some text of `node` carries a suggestion mark. */
export function hasPendingSuggestions(node: DocNode, depth = 0): boolean {
  if (depth > MAX_DEPTH) return false;
  if (node.marks?.some((m) => isSuggestionMark(m.type))) return true;
  return (node.content ?? []).some((child) => hasPendingSuggestions(child, depth + 1));
}

/** How many distinct suggestions (by id) the body holds. */
export function pendingSuggestionCount(node: DocNode): number {
  const ids = new Set<string>();
  const walk = (n: DocNode, depth: number): void => {
    if (depth > MAX_DEPTH) return;
    for (const m of n.marks ?? []) if (isSuggestionMark(m.type)) ids.add(`${m.type}:${String(m.attrs?.id ?? '')}`);
    for (const child of n.content ?? []) walk(child, depth + 1);
  };
  walk(node, 0);
  return ids.size;
}

/**
 * The body with every pending suggestion rejected: proposed insertions dropped, proposed deletions
 * kept as plain text, proposed formatting changes undone (the text gets its former formatting back).
 */
export function rejectPendingSuggestions(doc: DocNode): DocNode {
  return hasPendingSuggestions(doc) ? rejectIn(doc, 0) : doc;
}

/**
 * What may go from where without leaving its parent invalid: a paragraph, list or quote from the
 * body or a quote, an item from a list, a nested list from an item (never its first paragraph).
 */
const REMOVABLE_IN: Readonly<Record<string, ReadonlySet<string>>> = {
  doc: new Set(['paragraph', 'heading', 'bulletList', 'orderedList', 'blockquote']),
  blockquote: new Set(['paragraph', 'heading', 'bulletList', 'orderedList', 'blockquote']),
  bulletList: new Set(['listItem']),
  orderedList: new Set(['listItem']),
  listItem: new Set(['bulletList', 'orderedList']),
};

/** What a parent emptied of everything keeps, to stay valid. */
const EMPTY_CHILD: Readonly<Record<string, DocNode>> = {
  bulletList: { type: 'listItem', content: [{ type: 'paragraph' }] },
  orderedList: { type: 'listItem', content: [{ type: 'paragraph' }] },
};

function rejectIn(node: DocNode, depth: number): DocNode {
  if (depth > MAX_DEPTH || !node.content) return node;
  const content: DocNode[] = [];
  let emptied = false;
  for (const child of node.content) {
    // A suggested paragraph, list item, list or quote (all of its text proposed) is not there at all, as the editor's reject leaves it.
    if (REMOVABLE_IN[node.type]?.has(child.type) && isAllInserted(child)) {
      emptied = true;
      continue;
    }
    const marks = child.marks ?? [];
    if (marks.some((m) => m.type === SUGGESTION_INSERT)) continue;
    const format = marks.find((m) => m.type === SUGGESTION_FORMAT);
    const before = format ? formatSnapshot(format.attrs?.before) : null;
    // A format suggestion's text stands with the formatting it had; a malformed snapshot leaves it as it is.
    const kept = marks.filter((m) => !isSuggestionMark(m.type) && !(before && isFormatMarkName(m.type)));
    if (before) kept.push(...before);
    const next = kept.length === marks.length && !format ? child : { ...child, marks: kept };
    if (next.marks && next.marks.length === 0) delete next.marks;
    content.push(rejectIn(next, depth + 1));
  }
  // A body, quote or list must keep a child: an empty paragraph (or item) stands for what went.
  if (content.length === 0 && emptied) content.push(EMPTY_CHILD[node.type] ?? { type: 'paragraph' });
  return { ...node, content };
}

/** Text, all of it proposed, and nothing else but the blocks holding it. */
function isAllInserted(block: DocNode): boolean {
  let text = false;
  const walk = (node: DocNode, depth: number): boolean => {
    if (depth > MAX_DEPTH) return false;
    if (node.type === 'text') {
      text = true;
      return (node.marks ?? []).some((m) => m.type === SUGGESTION_INSERT);
    }
    // A leaf that is not text (a photo, a line break, a rule) goes only if it was proposed too.
    if (!node.content || node.content.length === 0) {
      return (node.marks ?? []).some((m) => m.type === SUGGESTION_INSERT) || (depth > 0 && (node.type === 'paragraph' || node.type === 'heading'));
    }
    return node.content.every((child) => walk(child, depth + 1));
  };
  return walk(block, 0) && text;
}
