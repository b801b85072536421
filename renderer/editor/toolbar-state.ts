// Runs in: renderer. What the toolbar shows as pressed/enabled, computed cheaply on every transaction.
import type { Editor } from '@tiptap/core';
import type { EditorState } from '@tiptap/pm/state';
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

/**
 * Whether the block at an empty caret is (inside) this node type: its ancestors decide. TipTap's
 * isActive walks every block before the caret to find them, on every key in a long story.
 */
function caretInside(state: EditorState, name: string, attrs: Readonly<Record<string, unknown>> = {}): boolean {
  const { $from } = state.selection;
  for (let depth = $from.depth; depth > 0; depth--) {
    const node = $from.node(depth);
    if (node.type.name === name && Object.entries(attrs).every(([key, value]) => node.attrs[key] === value)) return true;
  }
  return false;
}

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
  const blockActive = (name: string, attrs?: Readonly<Record<string, unknown>>): boolean =>
    from === to ? caretInside(state, name, attrs) : editor.isActive(name, attrs);
  return {
    editable,
    bold: editor.isActive('bold'),
    italic: editor.isActive('italic'),
    underline: editor.isActive('underline'),
    strike: editor.isActive('strike'),
    link: editor.isActive('link'),
    heading2: blockActive('heading', { level: 2 }),
    heading3: blockActive('heading', { level: 3 }),
    paragraph: blockActive('paragraph'),
    blockquote: blockActive('blockquote'),
    bulletList: blockActive('bulletList'),
    orderedList: blockActive('orderedList'),
    canUndo,
    canRedo,
    suggesting,
  };
}
