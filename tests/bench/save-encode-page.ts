// Runs in: the benchmark's page (bundled for Chromium by save-encode-bench.ts). Times what an
// autosave costs the renderer's main thread before the request leaves, the old way and the new:
// - whole: editor.getJSON(), JSON.stringify with the wire replacer, text made a Blob slice by slice;
// - blocks: the body's bytes from the blocks changed since the last save (renderer/editor/body-json),
//   spliced into the request, bytes made a Blob slice by slice.
// Each save follows a letter typed in the middle paragraph, as while a reporter types; the first is
// the first save after opening, when no block is encoded yet.
import { getSchema } from '@tiptap/core';
import { Node as PmNode } from '@tiptap/pm/model';
import { EditorState } from '@tiptap/pm/state';
import { newArticle } from '../../common/article';
import { createEditorExtensions } from '../../common/editor/editor-extensions';
import { encodeWire, encodeWireParts } from '../../common/wire-codec';
import { wireBody } from '../../renderer/api/wire-body';
import { createBodyJson } from '../../renderer/editor/body-json';
import { yieldToInput } from '../../renderer/kit/yield-to-input';

export interface SaveEncodeSample {
  /** Main-thread time of the save until its body was ready for fetch, yields excluded. */
  busy: number;
  /** The longest piece of it between two yields: how long a key typed meanwhile could wait. */
  longest: number;
  bytes: number;
}

declare global {
  interface Window {
    __saveEncode: { run(paragraphs: string[], way: 'whole' | 'blocks', saves: number): Promise<SaveEncodeSample[]> };
  }
}

/** Runs `work`, timing each stretch between yields; `work` yields through the function it is given. */
async function timed(work: (yieldBetween: () => Promise<void>) => Promise<number>): Promise<SaveEncodeSample> {
  let busy = 0;
  let longest = 0;
  let start = performance.now();
  const stretch = () => {
    const spent = performance.now() - start;
    busy += spent;
    longest = Math.max(longest, spent);
  };
  const bytes = await work(async () => {
    stretch();
    await yieldToInput();
    start = performance.now();
  });
  stretch();
  return { busy, longest, bytes };
}

window.__saveEncode = {
  async run(paragraphs, way, saves) {
    const schema = getSchema(createEditorExtensions());
    const doc = PmNode.fromJSON(schema, { type: 'doc', content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) });
    let state = EditorState.create({ doc });
    const article = newArticle('art0000000001', '2026-12-07T09:00:00.000Z');
    const bodyJson = createBodyJson();
    let middle = 0;
    for (let i = 0; i < Math.floor(state.doc.childCount / 2); i++) middle += state.doc.child(i).nodeSize;
    const samples: SaveEncodeSample[] = [];
    for (let i = 0; i < saves; i++) {
      state = state.apply(state.tr.insertText('x', middle + 2));
      await yieldToInput();
      const current = state.doc;
      samples.push(
        await timed(async (yieldBetween) => {
          if (way === 'whole') {
            const body = current.toJSON() as unknown;
            await yieldBetween();
            const sent = await wireBody(encodeWire({ article: { ...article, body }, explicit: false }), yieldBetween);
            return typeof sent === 'string' ? sent.length : sent.size;
          }
          const body = await bodyJson(current);
          await yieldBetween();
          const sent = await wireBody(encodeWireParts({ article: { ...article, body: body.asValue() }, explicit: false }), yieldBetween);
          return typeof sent === 'string' ? sent.length : sent instanceof Blob ? sent.size : sent.byteLength;
        }),
      );
    }
    return samples;
  },
};
