// Runs in: tests (the paste and find tests). A body as lines a test can read: one per block, lists indented, marks written
// as **bold**, _italic_ and [text](href).
import type { Node as PmNode } from '@tiptap/pm/model';

function inline(node: PmNode): string {
  let out = '';
  node.forEach((child) => {
    if (!child.isText) {
      out += child.type.name === 'hardBreak' ? '\n' : '';
      return;
    }
    let text = child.text ?? '';
    for (const mark of child.marks) {
      if (mark.type.name === 'bold') text = `**${text}**`;
      else if (mark.type.name === 'italic') text = `_${text}_`;
      else if (mark.type.name === 'link') text = `[${text}](${String(mark.attrs.href)})`;
    }
    out += text;
  });
  return out;
}

export function docOutline(doc: PmNode): string[] {
  const lines: string[] = [];
  const walk = (node: PmNode, indent: string, prefix: string) => {
    node.forEach((child) => {
      const name = child.type.name;
      if (name === 'bulletList' || name === 'orderedList') {
        child.forEach((item) => {
          const bullet = name === 'bulletList' ? '-' : '1.';
          let first = true;
          item.forEach((part) => {
            if (part.isTextblock && first) lines.push(`${indent}${bullet} ${inline(part)}`);
            else walk(wrap(part), `${indent}  `, '');
            first = false;
          });
        });
      } else if (name === 'blockquote') walk(child, indent, `${prefix}> `);
      else if (name === 'heading') lines.push(`${indent}${prefix}h${String(child.attrs.level)}: ${inline(child)}`);
      else if (name === 'horizontalRule') lines.push(`${indent}---`);
      else if (child.isTextblock) lines.push(`${indent}${prefix}${inline(child)}`);
    });
  };
  const wrap = (node: PmNode): PmNode => node.type.schema.topNodeType.create(null, node);
  walk(doc, '', '');
  return lines;
}
