// Runs in: renderer. What the toolbar shows as pressed/enabled, computed cheaply on every transaction.
import type { Editor } from '@tiptap/core';
import { redoDepth, undoDepth } from '@tiptap/pm/history';
import { isSuggesting } from './suggestion-mode';

export interface ToolbarState {
  editable: boolean;
  bold: boolean;
  italic: boolean;
  underline: boolean;
  strike: boolean;
  link: boolean;
  heading2: boolean;
  heading3: boolean;
  paragraph: boolean;
  blockquote: boolean;
  bulletList: boolean;
  orderedList: boolean;
  canUndo: boolean;
  canRedo: boolean;
  /** Suggestion mode is on: edits become suggestions. */
  suggesting: boolean;
}

/** Beyond this many positions (e.g. after select-all) active states are reported off instead of walking the range. */
export const MAX_ACTIVE_CHECK_SPAN = 2000;

export function selectToolbarState(editor: Editor): ToolbarState {
  const { state } = editor;
  const editable = editor.isEditable;
  const canUndo = editable && undoDepth(state) > 0;
  const canRedo = editable && redoDepth(state) > 0;
  const suggesting = isSuggesting(state);
  const { from, to } = state.selection;
  if (to - from > MAX_ACTIVE_CHECK_SPAN) {
    return {
      editable,
      bold: false,
      italic: false,
      underline: false,
      strike: false,
      link: false,
      heading2: false,
      heading3: false,
      paragraph: false,
      blockquote: false,
      bulletList: false,
      orderedList: false,
      canUndo,
      canRedo,
      suggesting,
    };
  }
  return {
    editable,
    bold: editor.isActive('bold'),
    italic: editor.isActive('italic'),
    underline: editor.isActive('underline'),
    strike: editor.isActive('strike'),
    link: editor.isActive('link'),
    heading2: editor.isActive('heading', { level: 2 }),
    heading3: editor.isActive('heading', { level: 3 }),
    paragraph: editor.isActive('paragraph'),
    blockquote: editor.isActive('blockquote'),
    bulletList: editor.isActive('bulletList'),
    orderedList: editor.isActive('orderedList'),
    canUndo,
    canRedo,
    suggesting,
  };
}
