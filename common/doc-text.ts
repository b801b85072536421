// Runs in: services and renderer. Plain text of a ProseMirror JSON body, blocks separated by
// newlines: what counts, search and summaries read.
import type { DocNode } from './article';
import { visitNode, type BodyVisitor } from './editor/body-visitor';

export function docText(node: DocNode): string {
  const parts: string[] = [];
  walk(node, parts);
  return parts.join('').replace(/\n{2,}/g, '\n').trim();
}

function walk(node: DocNode, parts: string[]): void {
  // Any node carrying text is read as text (an untrusted body may put it anywhere).
  if (typeof node.text === 'string') parts.push(node.text);
  else visitNode(node, TEXT_OF, parts);
}

function inner(node: DocNode, parts: string[]): void {
  for (const child of node.content ?? []) walk(child, parts);
}

/** A block's text ends its line. */
function block(node: DocNode, parts: string[]): void {
  inner(node, parts);
  parts.push('\n');
}

const TEXT_OF: BodyVisitor<void, [string[]]> = {
  doc: inner,
  paragraph: block,
  heading: block,
  blockquote: block,
  bulletList: block,
  orderedList: block,
  listItem: block,
  figure: block,
  horizontalRule: inner,
  hardBreak: (_node, parts) => {
    parts.push('\n');
  },
  text: inner,
  unknown: inner,
};
