// Runs in: tests (node). The toolbar's pressed states, and why select-all does not slow typing.
import { Editor } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
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
});
