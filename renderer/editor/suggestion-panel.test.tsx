// @vitest-environment happy-dom
// Runs in: tests (happy-dom, a real TipTap editor). The suggestion list under the toolbar follows
// edits by re-reading only the blocks they touched: a long body is not walked again per refresh.
import { Editor } from '@tiptap/core';
import { Node as PmNode } from '@tiptap/pm/model';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DocNode } from '../../common/article';
import { createEditorExtensions } from '../../common/editor/editor-extensions';
import { waitUntil } from '../../tests/support/wait-until';
import { createSuggestionLister } from './suggestion-lister';
import { SuggestionMode } from './suggestion-mode';
import { SuggestionPanel } from './suggestion-panel';
import { listSuggestions } from './suggestion-review';

const PARAGRAPHS = 200;

let editor: Editor | null = null;
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  editor?.destroy();
  editor = null;
});

function longBody(): DocNode {
  return { type: 'doc', content: Array.from({ length: PARAGRAPHS }, (_, i) => ({ type: 'paragraph', content: [{ type: 'text', text: `Paragraph ${i} of the story.` }] })) };
}

/** The start of paragraph `index`'s text. */
function paragraphStart(e: Editor, index: number): number {
  let pos = 0;
  for (let i = 0; i < index; i++) pos += e.state.doc.child(i).nodeSize;
  return pos + 1;
}

describe('the suggestion panel', () => {
  it('lists a suggestion typed into a long body without walking the whole body again', async () => {
    editor = new Editor({ extensions: [...createEditorExtensions(), SuggestionMode.configure({ author: { id: 'sam', name: 'Sam Editor' }, enabled: true })], content: longBody() });
    const e = editor;
    render(<SuggestionPanel editor={e} />);
    const walked: string[] = [];
    const descendants = PmNode.prototype.descendants;
    vi.spyOn(PmNode.prototype, 'descendants').mockImplementation(function (this: PmNode, f) {
      walked.push(this.type.name);
      return descendants.call(this, f);
    });

    e.chain().setTextSelection(paragraphStart(e, 120)).insertContent('new ').run();
    await waitUntil(() => screen.queryByText(/new/) !== null, 'the panel lists the suggestion', 5000, 20);
    expect(walked).not.toContain('doc');
    expect(walked.length).toBeLessThanOrEqual(2);

    walked.length = 0;
    e.chain().setTextSelection(paragraphStart(e, 10)).insertContent('old ').run();
    await waitUntil(() => screen.queryByText(/old/) !== null, 'the panel lists the second suggestion', 5000, 20);
    expect(walked).not.toContain('doc');
    expect(walked.length).toBeLessThanOrEqual(2);
    expect(screen.getByText(/new/)).toBeTruthy();
  });

  it('lists what a walk of the whole body lists, at the same positions, as blocks change', () => {
    editor = new Editor({ extensions: [...createEditorExtensions(), SuggestionMode.configure({ author: { id: 'sam', name: 'Sam Editor' }, enabled: true })], content: longBody() });
    const e = editor;
    const list = createSuggestionLister();
    expect(list(e.state.doc)).toEqual([]);
    e.chain().setTextSelection(paragraphStart(e, 50)).insertContent('one ').run();
    e.chain().setTextSelection(paragraphStart(e, 3) + 4).insertContent('two ').run();
    expect(list(e.state.doc)).toEqual(listSuggestions(e.state.doc));
    e.chain().setTextSelection({ from: paragraphStart(e, 7), to: paragraphStart(e, 7) + 9 }).deleteSelection().run();
    e.chain().setTextSelection(paragraphStart(e, 0)).insertContent('three ').run();
    const entries = list(e.state.doc);
    expect(entries.map((entry) => entry.kind)).toEqual(['insert', 'insert', 'delete', 'insert']);
    expect(entries).toEqual(listSuggestions(e.state.doc));
  });
});
