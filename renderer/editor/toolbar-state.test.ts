// Runs in: tests (node). The toolbar's pressed states, and why select-all does not slow typing.
import { Editor } from '@tiptap/core';
import { describe, expect, it, vi } from 'vitest';
import { createEditorExtensions } from '../../common/editor/editor-extensions';
import { EditableFigure } from './editable-figure';
import { MAX_ACTIVE_CHECK_SPAN, selectToolbarState } from './toolbar-state';

function boldDoc(text: string) {
  return { type: 'doc', content: [{ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text, marks: [{ type: 'bold' }] }] }] };
}

describe('toolbar state', () => {
  it('shows bold and heading 2 pressed inside a bold heading, with nothing to undo yet', () => {
    const editor = new Editor({ extensions: createEditorExtensions({ figure: EditableFigure }), content: boldDoc('Storm') });
    editor.commands.setTextSelection({ from: 2, to: 4 });
    expect(selectToolbarState(editor)).toMatchObject({ bold: true, heading2: true, italic: false, paragraph: false, canUndo: false });
    editor.destroy();
  });

  it('reports nothing pressed for a huge selection instead of walking it', () => {
    const editor = new Editor({
      extensions: createEditorExtensions({ figure: EditableFigure }),
      content: boldDoc('word '.repeat(MAX_ACTIVE_CHECK_SPAN / 4)),
    });
    editor.commands.selectAll();
    expect(selectToolbarState(editor)).toMatchObject({ bold: false, heading2: false, editable: true });
    editor.destroy();
  });

  it('at a caret, block states come from its ancestors, the same as isActive, without walking the blocks before it', () => {
    const text = (t: string) => [{ type: 'text', text: t }];
    const paragraph = (t: string) => ({ type: 'paragraph', content: text(t) });
    const item = (t: string) => ({ type: 'listItem', content: [paragraph(t)] });
    const content = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: text('Two') },
        { type: 'heading', attrs: { level: 3 }, content: text('Three') },
        paragraph('Plain'),
        { type: 'blockquote', content: [paragraph('Quoted')] },
        { type: 'bulletList', content: [item('Dot'), item('Dash')] },
        { type: 'orderedList', content: [item('One')] },
        { type: 'paragraph' },
      ],
    };
    const editor = new Editor({ extensions: createEditorExtensions({ figure: EditableFigure }), content });
    const names = [['heading2', 'heading', { level: 2 }], ['heading3', 'heading', { level: 3 }], ['paragraph', 'paragraph', {}], ['blockquote', 'blockquote', {}], ['bulletList', 'bulletList', {}], ['orderedList', 'orderedList', {}]] as const;
    let checked = 0;
    for (let pos = 1; pos < editor.state.doc.content.size; pos++) {
      editor.commands.setTextSelection(pos);
      if (editor.state.selection.from !== pos) continue;
      const walks = vi.spyOn(editor.state.doc, 'nodesBetween');
      const state = selectToolbarState(editor);
      expect(walks, `caret at ${pos}`).not.toHaveBeenCalled();
      walks.mockRestore();
      for (const [key, name, attrs] of names) expect(state[key], `${key} at ${pos}`).toBe(editor.isActive(name, attrs));
      checked++;
    }
    expect(checked).toBeGreaterThan(30);
    editor.destroy();
  });
});
