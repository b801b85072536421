// Runs in: renderer. Ctrl+Home and Ctrl+End (Cmd+Up and Cmd+Down on a Mac), with Shift to select,
// go to the start and end of the body in the editor itself. Chromium's own move asks the layout,
// and the body lays out only the paragraphs near the screen (content-visibility in
// article-editor.css): from the top of a long story its Ctrl+End stopped at the start of the last
// paragraph, and Ctrl+Shift+End selected one paragraph short.
import { Extension } from '@tiptap/core';
import { Selection, TextSelection, type EditorState, type Transaction } from '@tiptap/pm/state';
import { isMacPlatform } from '../kit/is-mac-platform';

type End = 'start' | 'end';

/** The transaction that puts the caret at the body's start or end, or extends the selection there. */
export function moveToBodyEnd(state: EditorState, end: End, extend: boolean): Transaction {
  const target = end === 'start' ? Selection.atStart(state.doc) : Selection.atEnd(state.doc);
  const selection = extend ? TextSelection.between(state.selection.$anchor, end === 'start' ? target.$from : target.$to) : target;
  return state.tr.setSelection(selection).scrollIntoView();
}

export const BodyEndsKeymap = Extension.create({
  name: 'datelineBodyEnds',

  addKeyboardShortcuts() {
    const bind = (end: End, extend: boolean) => () => {
      this.editor.view.dispatch(moveToBodyEnd(this.editor.state, end, extend));
      return true;
    };
    const keys: Record<string, () => boolean> = {
      'Mod-Home': bind('start', false),
      'Mod-End': bind('end', false),
      'Shift-Mod-Home': bind('start', true),
      'Shift-Mod-End': bind('end', true),
    };
    if (isMacPlatform()) {
      keys['Mod-ArrowUp'] = bind('start', false);
      keys['Mod-ArrowDown'] = bind('end', false);
      keys['Shift-Mod-ArrowUp'] = bind('start', true);
      keys['Shift-Mod-ArrowDown'] = bind('end', true);
    }
    return keys;
  },
});
