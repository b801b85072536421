// Runs in: services and renderer. One typed visitor for every walker over an article body (HTML,
// Gutenberg, Markdown, plain text, the text index, the diff…): a handler per node type of the editor
// schema, and `unknown` for a type outside it (untrusted bodies are walked too). Add a node type to
// BODY_NODE_TYPES and every walker that does not handle it stops compiling.
import type { DocNode } from '../article';

/** Every node type of the editor schema (editor-schema.test.ts checks this list against the schema). */
export const BODY_NODE_TYPES = [
  'doc',
  'paragraph',
  'heading',
  'blockquote',
  'bulletList',
  'orderedList',
  'listItem',
  'horizontalRule',
  'figure',
  'hardBreak',
  'text',
] as const;
export type BodyNodeType = (typeof BODY_NODE_TYPES)[number];

/** A body node whose type is known to be `K`. */
export type BodyNodeOf<K extends BodyNodeType> = DocNode & { type: K };

/** A handler for each node type, and one for a node whose type the schema does not have. */
export type BodyVisitor<R, A extends unknown[] = []> = { readonly [K in BodyNodeType]: (node: BodyNodeOf<K>, ...args: A) => R } & {
  readonly unknown: (node: DocNode, ...args: A) => R;
};

const KNOWN_TYPES: ReadonlySet<string> = new Set(BODY_NODE_TYPES);

export function isBodyNodeType(type: string): type is BodyNodeType {
  return KNOWN_TYPES.has(type);
}

/** Calls the visitor's handler for `node.type` (or `unknown`) with `args`. */
export function visitNode<R, A extends unknown[]>(node: DocNode, visitor: BodyVisitor<R, A>, ...args: A): R {
  const type = node.type;
  if (!isBodyNodeType(type)) return visitor.unknown(node, ...args);
  const handler = visitor[type] as (node: DocNode, ...args: A) => R;
  return handler(node, ...args);
}
