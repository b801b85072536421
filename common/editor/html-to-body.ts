// Runs in: services and renderer (no DOM needed). HTML into an article body by the editor schema's
// own parse rules: ProseMirror's DOMParser, built from the schema, reads the parsed tree of
// html-dom.ts. What the schema's rules do not name is dropped (its text kept), exactly as in the
// editor. The result is stored JSON as the rest of Dateline writes it: attributes equal to their
// defaults are left out, and a link is the first of a text's marks.
import { DOMParser, type Schema } from '@tiptap/pm/model';
import type { DocNode } from '../article';
import { editorSchema } from './editor-schema';
import type { DomElement } from './html-dom';

/** Node types whose stored form names every attribute, defaults included (as the editor saves them). */
const EVERY_ATTRIBUTE = new Set(['figure']);

const parsers = new WeakMap<Schema, DOMParser>();

/** The body the schema's parse rules read from `root`'s children. */
export function domToBody(root: DomElement, schema: Schema = editorSchema()): DocNode {
  let parser = parsers.get(schema);
  if (!parser) {
    parser = DOMParser.fromSchema(schema);
    parsers.set(schema, parser);
  }
  // html-dom.ts gives ProseMirror every member of a DOM node that its parser reads.
  const doc = parser.parse(root as unknown as Node);
  return storedForm(doc.toJSON() as DocNode, schema);
}

/** The JSON as Dateline stores it: default attributes left out, a link first among the marks. */
function storedForm(node: DocNode, schema: Schema): DocNode {
  const out: DocNode = { type: node.type };
  const attrs = node.attrs && !EVERY_ATTRIBUTE.has(node.type) ? withoutDefaults(node.attrs, schema.nodes[node.type]?.spec.attrs) : node.attrs;
  if (attrs && Object.keys(attrs).length > 0) out.attrs = attrs;
  if (node.text !== undefined) out.text = node.text;
  if (node.marks && node.marks.length > 0) {
    out.marks = node.marks
      .map((mark) => {
        const markAttrs = mark.attrs ? withoutDefaults(mark.attrs, schema.marks[mark.type]?.spec.attrs) : undefined;
        return markAttrs && Object.keys(markAttrs).length > 0 ? { type: mark.type, attrs: markAttrs } : { type: mark.type };
      })
      .sort((a, b) => Number(b.type === 'link') - Number(a.type === 'link'));
  }
  if (node.content && node.content.length > 0) out.content = node.content.map((child) => storedForm(child, schema));
  return out;
}

function withoutDefaults(attrs: Record<string, unknown>, spec: Record<string, { default?: unknown }> | undefined): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(attrs)) {
    if (spec?.[name] && 'default' in spec[name] && spec[name].default === value) continue;
    kept[name] = value;
  }
  return kept;
}
