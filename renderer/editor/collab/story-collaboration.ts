// Runs in: renderer, only for a story shared through a newsroom server (the host imports this
// module on demand, so a story kept on this machine alone never loads it). The body bound to the
// story's Yjs `body` fragment with y-tiptap (the binding TipTap's Collaboration extension wraps):
// sync, an undo that undoes only this person's edits, and the others' carets with their names.
import { Extension } from '@tiptap/core';
import { Plugin } from '@tiptap/pm/state';
import { redo, undo, yCursorPlugin, ySyncPlugin, yUndoPlugin } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';
import './story-carets.css';

/** The provider's awareness (y-protocols), as y-tiptap's cursor plugin takes it. */
export type StoryAwareness = Parameters<typeof yCursorPlugin>[0];

export interface StoryCollaborationOptions {
  /** The story document's `body` fragment (storyDocParts(doc).body). */
  fragment: Y.XmlFragment;
  /** Presence: null shows no carets (no connection yet). */
  awareness: StoryAwareness | null;
  /** Who this person is, shown on their caret in the others' editors. */
  user: { name: string; color: string };
  /** Whether the server takes this person's edits now; the editor is read-only while it does not. */
  readOnly?: { current(): boolean; subscribe(listener: (readOnly: boolean) => void): () => void };
}

export function createStoryCollaboration(options: StoryCollaborationOptions): Extension {
  return Extension.create({
    name: 'storyCollaboration',
    // Before the other plugins, so the binding sees every transaction first.
    priority: 1000,
    // The editor's own undo is left out (createEditorExtensions `collaborative`): the menu, the keys
    // and the palette run these, which undo this person's edits only, never a colleague's.
    addCommands() {
      return {
        undo:
          () =>
          ({ state, dispatch }) =>
            dispatch ? (undo(state) ?? false) : true,
        redo:
          () =>
          ({ state, dispatch }) =>
            dispatch ? (redo(state) ?? false) : true,
      };
    },
    addProseMirrorPlugins() {
      const plugins: Plugin[] = [ySyncPlugin(options.fragment), yUndoPlugin()];
      if (options.readOnly) plugins.push(readOnlyPlugin(options.readOnly));
      if (options.awareness) {
        options.awareness.setLocalStateField('user', options.user);
        plugins.push(yCursorPlugin(options.awareness));
      }
      return plugins;
    },
  });
}

/** Not editable while the server does not take this person's edits; a change redraws the view. */
function readOnlyPlugin(readOnly: NonNullable<StoryCollaborationOptions['readOnly']>): Plugin {
  return new Plugin({
    props: { editable: () => !readOnly.current() },
    view: (view) => {
      const unsubscribe = readOnly.subscribe(() => {
        if (!view.isDestroyed) view.dispatch(view.state.tr.setMeta('addToHistory', false));
      });
      return { destroy: unsubscribe };
    },
  });
}
