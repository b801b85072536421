// Runs in: main, services, host and renderer. The plain text of a ProseMirror JSON body with the
// document position of every character, so a comment's quoted text can be found again and
// turned back into a from/to range after the body was edited.
//
// The text matches what the renderer gets from
//   doc.textBetween(from, to, '\n', (leaf) => (leaf.type.name === 'hardBreak' ? '\n' : ''))
// (QUOTE_BLOCK_SEPARATOR between text blocks, a newline for a hard break), which is how a
// comment's quote should be captured.
import type { DocNode } from '../article';
import { visitNode, type BodyVisitor } from '../editor/body-visitor';

export const QUOTE_BLOCK_SEPARATOR = '\n';


export interface DocTextIndex {
  text: string;
  /** positions[i] is the document position just before text[i]. */
  positions: number[];
}

export function indexDocText(doc: DocNode): DocTextIndex {
  const state = { chars: [] as string[], positions: [] as number[], seenTextblock: false };
  // The doc node's content starts at position 0.
  let pos = 0;
  for (const child of doc.content ?? []) pos = walk(child, pos, state);
  return { text: state.chars.join(''), positions: state.positions };
}

/** The text between two document positions, as the quote of a comment on that range. */
export function quoteAt(index: DocTextIndex, from: number, to: number): string {
  let quote = '';
  for (let i = 0; i < index.positions.length; i++) {
    const p = index.positions[i] ?? -1;
    if (p >= from && p < to) quote += index.text[i] ?? '';
  }
  return quote;
}

/** The document range of text[start, end), or null when it is empty or out of bounds. */
export function rangeOf(index: DocTextIndex, start: number, end: number): { from: number; to: number } | null {
  const first = index.positions[start];
  const last = index.positions[end - 1];
  if (end <= start || first === undefined || last === undefined) return null;
  return { from: first, to: last + 1 };
}

interface WalkState {
  chars: string[];
  positions: number[];
  seenTextblock: boolean;
}

/** Adds `node`, which starts at `pos`, and returns the position after it. */
function walk(node: DocNode, pos: number, state: WalkState): number {
  return visitNode(node, INDEX_NODE, pos, state);
}

/** Opening token, content, closing token. */
function container(node: DocNode, pos: number, state: WalkState): number {
  let inner = pos + 1;
  for (const child of node.content ?? []) inner = walk(child, inner, state);
  return inner + 1;
}

/** A node whose content is inline: each starts a new line of text after the first. */
function textblock(node: DocNode, pos: number, state: WalkState): number {
  if (state.seenTextblock) push(state, QUOTE_BLOCK_SEPARATOR, pos);
  state.seenTextblock = true;
  return container(node, pos, state);
}

const INDEX_NODE: BodyVisitor<number, [number, WalkState]> = {
  text: (node, pos, state) => {
    const text = node.text ?? '';
    // Positions count UTF-16 code units, as ProseMirror does.
    for (let i = 0; i < text.length; i++) push(state, text[i] ?? '', pos + i);
    return pos + text.length;
  },
  // Leaf nodes other than text take one position.
  hardBreak: (_node, pos, state) => {
    push(state, '\n', pos);
    return pos + 1;
  },
  horizontalRule: (_node, pos) => pos + 1,
  paragraph: textblock,
  heading: textblock,
  figure: textblock,
  doc: container,
  blockquote: container,
  bulletList: container,
  orderedList: container,
  listItem: container,
  unknown: container,
};

function push(state: WalkState, char: string, pos: number): void {
  state.chars.push(char);
  state.positions.push(pos);
}
