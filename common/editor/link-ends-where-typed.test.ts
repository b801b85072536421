// Runs in: tests (node). A link ends where it was typed: text typed right after it is plain text.
import { Editor } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { createEditorExtensions } from './editor-extensions';

function linkedParagraph(text: string) {
  return {
    type: 'doc',
    content: [{ type: 'paragraph', content: [{ type: 'text', text, marks: [{ type: 'link', attrs: { href: 'https://example.com/' } }] }] }],
  };
}

/** Types like the keyboard does: at the cursor, with the marks ProseMirror would carry over. */
function typeAtCursor(editor: Editor, text: string): void {
  const { from, to } = editor.state.selection;
  editor.view.dispatch(editor.state.tr.insertText(text, from, to));
}

function linkedText(editor: Editor): string {
  let linked = '';
  editor.state.doc.descendants((node) => {
    if (node.isText && node.marks.some((mark) => mark.type.name === 'link')) linked += node.text ?? '';
  });
  return linked;
}

describe('a link ends where it was typed', () => {
  it.each([
    ['a full stop', '.'],
    ['a space', ' '],
    ['Chinese text', '。据报道'],
  ])('does not take in %s typed after it', (_name, typed) => {
    const editor = new Editor({ extensions: createEditorExtensions(), content: linkedParagraph('the report') });
    editor.commands.setTextSelection(editor.state.doc.content.size - 1);
    typeAtCursor(editor, typed);
    expect(editor.state.doc.textContent).toBe(`the report${typed}`);
    expect(linkedText(editor)).toBe('the report');
    editor.destroy();
  });

  it('still grows when typing inside the link text', () => {
    const editor = new Editor({ extensions: createEditorExtensions(), content: linkedParagraph('the report') });
    editor.commands.setTextSelection(5);
    typeAtCursor(editor, 'new ');
    expect(linkedText(editor)).toBe('the new report');
    editor.destroy();
  });
});
