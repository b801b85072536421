// Runs in: renderer. The body as JSON bytes for an autosave, encoding only the top-level blocks that
// changed since the last one. ProseMirror keeps an unchanged block the same node object from one
// state to the next, so each block's bytes are remembered by its node; a save of a 100,000-word
// story encodes the paragraph being typed in and copies the rest, where editor.getJSON() and
// JSON.stringify walked and encoded all of it, about once a second while typing.
// When many blocks are new (the first save after opening, a replace-all, a restored version), the
// encoding ends its task every few milliseconds so keys typed meanwhile go first.
// Memory: the bytes of the blocks in the document (and of those undo history still holds) are kept,
// about the body's size in UTF-8 (~0.6 MB at 100,000 English words); they go with their nodes.
import type { Node as PMNode } from '@tiptap/pm/model';
import { Fragment } from '@tiptap/pm/model';
import type { DocNode } from '../../common/article';
import { PreparedJson } from '../../common/prepared-json';
import { yieldToInput } from '../kit/yield-to-input';

export type BodyJson = (doc: PMNode) => Promise<PreparedJson<DocNode>>;

export interface BodyJsonOptions {
  /** Encodes one top-level block. */
  encode?: (block: PMNode) => Uint8Array;
  /** Ends the task between slices of encoding. @default yieldToInput */
  yieldBetween?: () => Promise<void>;
  /** Milliseconds of encoding per slice. @default 4 */
  sliceMs?: number;
  now?: () => number;
}

const encoder = new TextEncoder();
/** Blocks encoded between two looks at the clock. */
const BLOCKS_PER_CHECK = 32;

function encodeBlock(block: PMNode): Uint8Array {
  return encoder.encode(JSON.stringify(block.toJSON()));
}

/**
 * A serializer with its own memory of blocks; the bytes equal JSON.stringify(doc.toJSON()) encoded as
 * UTF-8. It reads the `doc` it is given (an immutable snapshot), however many tasks the encoding takes.
 */
export function createBodyJson(options: BodyJsonOptions = {}): BodyJson {
  const encode = options.encode ?? encodeBlock;
  const yieldBetween = options.yieldBetween ?? yieldToInput;
  const sliceMs = options.sliceMs ?? 4;
  const now = options.now ?? (() => performance.now());
  const blocks = new WeakMap<PMNode, Uint8Array>();
  const comma = encoder.encode(',');
  const tail = encoder.encode(']}');
  return async (doc) => {
    if (doc.childCount === 0) return new PreparedJson([encoder.encode(JSON.stringify(doc.toJSON()))]);
    // The doc without its blocks: {"type":"doc"} or with attrs. Its blocks go in as "content", which
    // Node.toJSON writes after "attrs" (and a doc has no marks after it).
    const shell = JSON.stringify(doc.copy(Fragment.empty).toJSON());
    const parts: Uint8Array[] = [encoder.encode(`${shell.slice(0, -1)},"content":[`)];
    let sliceStart = now();
    let encoded = 0;
    for (let index = 0; index < doc.childCount; index++) {
      const block = doc.child(index);
      let bytes = blocks.get(block);
      if (!bytes) {
        bytes = encode(block);
        blocks.set(block, bytes);
        if (++encoded % BLOCKS_PER_CHECK === 0 && now() - sliceStart >= sliceMs) {
          await yieldBetween();
          sliceStart = now();
        }
      }
      if (index > 0) parts.push(comma);
      parts.push(bytes);
    }
    parts.push(tail);
    // The parts are joined once, where the request is put together, not here.
    return new PreparedJson<DocNode>(parts);
  };
}
