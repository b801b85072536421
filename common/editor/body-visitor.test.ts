// Runs in: vitest (node). The walkers' shared visitor: its node types are exactly the editor
// schema's, every handler is required (a type check below fails to compile without it), and a node
// outside the schema — whatever its name — goes to `unknown`.
import { describe, expect, it } from 'vitest';
import type { DocNode } from '../article';
import { BODY_NODE_TYPES, visitNode, type BodyVisitor } from './body-visitor';
import { editorSchema } from './editor-schema';

const NAME: BodyVisitor<string> = {
  doc: () => 'doc',
  paragraph: () => 'paragraph',
  heading: (node) => `heading ${String(node.attrs?.level)}`,
  blockquote: () => 'blockquote',
  bulletList: () => 'bulletList',
  orderedList: () => 'orderedList',
  listItem: () => 'listItem',
  horizontalRule: () => 'horizontalRule',
  figure: () => 'figure',
  hardBreak: () => 'hardBreak',
  text: (node) => `text ${node.text ?? ''}`,
  unknown: (node) => `unknown ${node.type}`,
};

describe('the body visitor', () => {
  it('knows exactly the node types of the editor schema', () => {
    expect([...BODY_NODE_TYPES].sort()).toEqual(Object.keys(editorSchema().nodes).sort());
  });

  it('calls the handler of the node type, and `unknown` for any other name', () => {
    expect(visitNode({ type: 'heading', attrs: { level: 3 } }, NAME)).toBe('heading 3');
    expect(visitNode({ type: 'text', text: 'hi' }, NAME)).toBe('text hi');
    for (const type of ['table', 'constructor', '__proto__', 'toString', 'hasOwnProperty']) expect(visitNode({ type }, NAME)).toBe(`unknown ${type}`);
  });

  it('passes its arguments through', () => {
    const depth = (_node: DocNode, d: number) => d;
    const depthOf: BodyVisitor<number, [number]> = {
      ...{ doc: depth, paragraph: depth, heading: depth, blockquote: depth, bulletList: depth, orderedList: depth },
      ...{ listItem: depth, horizontalRule: depth, figure: depth, hardBreak: depth, text: depth },
      unknown: () => -1,
    };
    expect(visitNode({ type: 'paragraph' }, depthOf, 7)).toBe(7);
    expect(visitNode({ type: 'table' }, depthOf, 7)).toBe(-1);
  });

  it('does not compile when a node type is left unhandled', () => {
    const { figure: _figure, ...withoutFigure } = NAME;
    void _figure;
    // @ts-expect-error figure is missing: a walker must say what it does with every node type.
    const incomplete: BodyVisitor<string> = withoutFigure;
    // @ts-expect-error `unknown` is missing: untrusted bodies may hold any node name.
    const noFallback: BodyVisitor<string> = { ...NAME, unknown: undefined };
    expect([incomplete, noFallback]).toHaveLength(2);
  });
});
