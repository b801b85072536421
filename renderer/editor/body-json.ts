// Runs in: renderer. The body as JSON bytes for an autosave, encoding only the top-level blocks that
// changed since the last one. ProseMirror keeps an unchanged block the same node object from one
// state to the next, so each block's bytes are remembered by its node; a save of a 100,000-word
// story encodes the paragraph being typed in and copies the rest, where editor.getJSON() and
// JSON.stringify walked and encoded all of it, about once a second while typing.
import type { Node as PMNode } from '@tiptap/pm/model';
import { Fragment } from '@tiptap/pm/model';
import type { DocNode } from '../../common/article';
import { PreparedJson } from '../../common/prepared-json';

export type BodyJson = (doc: PMNode) => PreparedJson<DocNode>;

const encoder = new TextEncoder();

function encodeBlock(block: PMNode): Uint8Array {
  return encoder.encode(JSON.stringify(block.toJSON()));
}

/** A serializer with its own memory of blocks; the bytes equal JSON.stringify(doc.toJSON()) encoded as UTF-8. */
export function createBodyJson(encode: (block: PMNode) => Uint8Array = encodeBlock): BodyJson {
  const blocks = new WeakMap<PMNode, Uint8Array>();
  const comma = encoder.encode(',');
  const tail = encoder.encode(']}');
  return (doc) => {
    if (doc.childCount === 0) return new PreparedJson([encoder.encode(JSON.stringify(doc.toJSON()))]);
    // The doc without its blocks: {"type":"doc"} or with attrs. Its blocks go in as "content", which
    // Node.toJSON writes after "attrs" (and a doc has no marks after it).
    const shell = JSON.stringify(doc.copy(Fragment.empty).toJSON());
    const parts: Uint8Array[] = [encoder.encode(`${shell.slice(0, -1)},"content":[`)];
    doc.forEach((block, _offset, index) => {
      let bytes = blocks.get(block);
      if (!bytes) {
        bytes = encode(block);
        blocks.set(block, bytes);
      }
      if (index > 0) parts.push(comma);
      parts.push(bytes);
    });
    parts.push(tail);
    // The parts are joined once, where the request is put together, not here.
    return new PreparedJson<DocNode>(parts);
  };
}
