// Runs in: renderer. Hooks the clipboard cleaner into the editor: every pasted HTML passes through
// cleanPastedHtml before the schema parses it.
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { cleanPastedHtml } from './clean-pasted-html';

export interface PasteCleanupOptions {
  /** The heading over pasted footnotes, in the interface's language. @default () => 'Notes' */
  notesLabel: () => string;
}

export const PasteCleanup = Extension.create<PasteCleanupOptions>({
  name: 'pasteCleanup',
  addOptions() {
    return { notesLabel: () => 'Notes' };
  },
  addProseMirrorPlugins() {
    const { notesLabel } = this.options;
    return [
      new Plugin({
        key: new PluginKey('dateline-paste-cleanup'),
        props: { transformPastedHTML: (html) => cleanPastedHtml(html, { notesLabel: notesLabel() }) },
      }),
    ];
  },
});
