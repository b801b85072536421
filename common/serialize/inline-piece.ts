// Runs in: services and renderer. What one inline node contributes to a line of HTML or Markdown:
// a line break, or text with its marks. A block or unknown node found inline gives its plain text,
// unmarked.
import type { DocNode } from '../article';
import { docText } from '../doc-text';
import { visitNode, type BodyVisitor } from '../editor/body-visitor';
import { inlineMarksOf, type InlineMark } from './inline-marks';

export type InlinePiece = { kind: 'break' } | { kind: 'text'; text: string; marks: InlineMark[] };

const plainText = (node: DocNode): InlinePiece => ({ kind: 'text', text: docText(node), marks: [] });

const INLINE_PIECE: BodyVisitor<InlinePiece> = {
  text: (node) => ({ kind: 'text', text: typeof node.text === 'string' ? node.text : '', marks: inlineMarksOf(node) }),
  hardBreak: () => ({ kind: 'break' }),
  doc: plainText,
  paragraph: plainText,
  heading: plainText,
  blockquote: plainText,
  bulletList: plainText,
  orderedList: plainText,
  listItem: plainText,
  horizontalRule: plainText,
  figure: plainText,
  unknown: plainText,
};

export function inlinePieceOf(node: DocNode): InlinePiece {
  return visitNode(node, INLINE_PIECE);
}
