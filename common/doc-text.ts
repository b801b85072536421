// Runs in: services and renderer. Plain text of a ProseMirror JSON body, blocks separated by
// newlines: what counts, search and summaries read.
import type { DocNode } from './article';

const BLOCK_SEPARATED = new Set(['paragraph', 'heading', 'blockquote', 'listItem', 'figure', 'bulletList', 'orderedList']);

export function docText(node: DocNode): string {
  const parts: string[] = [];
  walk(node, parts);
  return parts.join('').replace(/\n{2,}/g, '\n').trim();
}

function walk(node: DocNode, parts: string[]): void {
  if (typeof node.text === 'string') {
    parts.push(node.text);
    return;
  }
  if (node.type === 'hardBreak') {
    parts.push('\n');
    return;
  }
  for (const child of node.content ?? []) walk(child, parts);
  if (BLOCK_SEPARATED.has(node.type)) parts.push('\n');
}
