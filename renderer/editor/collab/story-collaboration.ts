// Runs in: renderer, only for a story shared through a newsroom server (the host imports this
// module on demand, so a story kept on this machine alone never loads it). The body bound to the
// story's Yjs `body` fragment with y-tiptap (the binding TipTap's Collaboration extension wraps):
// sync, an undo that undoes only this person's edits, and the others' carets with their names.
import { Extension } from '@tiptap/core';
import type { Plugin } from '@tiptap/pm/state';
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
      if (options.awareness) {
        options.awareness.setLocalStateField('user', options.user);
        plugins.push(yCursorPlugin(options.awareness));
      }
      return plugins;
    },
  });
}
