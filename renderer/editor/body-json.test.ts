// Runs in: vitest (node). An autosave encodes only the blocks the reporter changed, and its bytes are
// exactly what editor.getJSON() stringified would be.
import { getSchema } from '@tiptap/core';
import { Node as PmNode } from '@tiptap/pm/model';
import { EditorState } from '@tiptap/pm/state';
import { describe, expect, it, vi } from 'vitest';
import { createEditorExtensions } from '../../common/editor/editor-extensions';
import { createBodyJson } from './body-json';

const schema = getSchema(createEditorExtensions());
const decoder = new TextDecoder();

function paragraph(text: string, marks?: object[]) {
  return { type: 'paragraph', content: [{ type: 'text', text, ...(marks ? { marks } : {}) }] };
}

function docOf(...blocks: object[]): PmNode {
  return PmNode.fromJSON(schema, { type: 'doc', content: blocks });
}

describe('createBodyJson', () => {
  it('writes the same JSON as the whole document stringified, for every kind of block', async () => {
    const doc = docOf(
      paragraph('Lead with "quotes", a back\\slash and a tab\t.'),
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: '新华社北京电 😀' }] },
      paragraph('A link', [{ type: 'link', attrs: { href: 'https://example.com/a?b=1&c=2' } }, { type: 'bold' }]),
      { type: 'paragraph' },
      { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph('one')] }, { type: 'listItem', content: [paragraph('two')] }] },
      { type: 'blockquote', content: [paragraph('Quoted.')] },
      { type: 'horizontalRule' },
      { type: 'figure', attrs: { mediaId: 'media0000001', alt: 'A tram', caption: 'Trams return', credit: 'Staff' } },
    );
    const bodyJson = createBodyJson();
    expect(decoder.decode((await bodyJson(doc)).bytes)).toBe(JSON.stringify(doc.toJSON()));
    // Asked again (nothing re-encoded), the answer is the same.
    expect(decoder.decode((await bodyJson(doc)).bytes)).toBe(JSON.stringify(doc.toJSON()));
  });

  it('re-encodes only the block typed in, and follows inserted and deleted blocks', async () => {
    const encode = vi.fn((block: PmNode) => new TextEncoder().encode(JSON.stringify(block.toJSON())));
    const bodyJson = createBodyJson({ encode });
    const blocks = Array.from({ length: 200 }, (_, i) => paragraph(`Paragraph ${i} of the story.`));
    const state = EditorState.create({ doc: docOf(...blocks) });
    await bodyJson(state.doc);
    expect(encode).toHaveBeenCalledTimes(200);

    // Type in the 100th paragraph.
    let pos = 0;
    for (let i = 0; i < 100; i++) pos += state.doc.child(i).nodeSize;
    const typed = state.apply(state.tr.insertText(' More.', pos + 5));
    encode.mockClear();
    expect(decoder.decode((await bodyJson(typed.doc)).bytes)).toBe(JSON.stringify(typed.doc.toJSON()));
    expect(encode).toHaveBeenCalledTimes(1);

    // Split a paragraph (Enter) and delete another: the two new halves are encoded, nothing else.
    const split = typed.apply(typed.tr.split(pos + 3));
    const firstSize = split.doc.child(0).nodeSize;
    const deleted = split.apply(split.tr.delete(0, firstSize));
    encode.mockClear();
    expect(decoder.decode((await bodyJson(deleted.doc)).bytes)).toBe(JSON.stringify(deleted.doc.toJSON()));
    expect(encode).toHaveBeenCalledTimes(2);
  });

  it('ends its task every few milliseconds while many blocks are new, and still writes the document it was given', async () => {
    let clock = 0;
    let yields = 0;
    // Each block takes a millisecond to encode: a 4 ms slice holds 32 blocks (the clock is read every 32).
    const encode = (block: PmNode) => {
      clock += 1;
      return new TextEncoder().encode(JSON.stringify(block.toJSON()));
    };
    const bodyJson = createBodyJson({ encode, now: () => clock, sliceMs: 4, yieldBetween: async () => void yields++ });
    const doc = docOf(...Array.from({ length: 320 }, (_, i) => paragraph(`Paragraph ${i}.`)));
    expect(decoder.decode((await bodyJson(doc)).bytes)).toBe(JSON.stringify(doc.toJSON()));
    expect(yields).toBe(10);
    // Nothing new the next time: no yield.
    yields = 0;
    await bodyJson(doc);
    expect(yields).toBe(0);
  });
});
