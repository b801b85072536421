// Runs in: services and renderer. Inline content (text with marks, hard breaks) as HTML: marks open
// and close like a stack so tags always nest and one link can span several styles; text escaped.
import type { DocNode } from '../article';
import { escapeAttr, escapeHtml } from './escape-html';
import { sameMark, type InlineMark } from './inline-marks';
import { inlinePieceOf } from './inline-piece';

export function inlineToHtml(nodes: readonly DocNode[]): string {
  let out = '';
  const open: InlineMark[] = [];
  const closeDownTo = (keep: number): void => {
    while (open.length > keep) out += closeTag(open.pop() as InlineMark);
  };
  for (const node of nodes) {
    const piece = inlinePieceOf(node);
    if (piece.kind === 'break') {
      out += '<br>';
      continue;
    }
    const { text, marks } = piece;
    if (text.length === 0) continue;
    let keep = 0;
    while (keep < open.length && keep < marks.length && sameMark(open[keep] as InlineMark, marks[keep] as InlineMark)) keep++;
    closeDownTo(keep);
    for (const mark of marks.slice(keep)) {
      out += openTag(mark);
      open.push(mark);
    }
    out += escapeHtml(text);
  }
  closeDownTo(0);
  return out;
}

function openTag(mark: InlineMark): string {
  switch (mark.type) {
    case 'link':
      return `<a href="${escapeAttr(mark.href)}" rel="noopener noreferrer nofollow">`;
    case 'bold':
      return '<strong>';
    case 'italic':
      return '<em>';
    case 'strike':
      return '<s>';
    case 'underline':
      return '<u>';
  }
}

function closeTag(mark: InlineMark): string {
  switch (mark.type) {
    case 'link':
      return '</a>';
    case 'bold':
      return '</strong>';
    case 'italic':
      return '</em>';
    case 'strike':
      return '</s>';
    case 'underline':
      return '</u>';
  }
}
