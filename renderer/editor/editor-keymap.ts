// Runs in: renderer. Shortcuts TipTap does not bind itself: link dialog and horizontal rule. Insert
// photo (Mod-Alt-P) is app-wide: the native menu and renderer/commands/keyboard-shortcuts own it.
import { Extension } from '@tiptap/core';

export interface EditorKeymapOptions {
  /** Opens the link dialog; return true when handled. */
  onOpenLink: () => boolean;
}

export const EditorKeymap = Extension.create<EditorKeymapOptions>({
  name: 'datelineKeymap',

  addOptions() {
    return { onOpenLink: () => false };
  },

  addKeyboardShortcuts() {
    return {
      'Mod-k': () => this.editor.isEditable && this.options.onOpenLink(),
      'Mod-Alt--': () => this.editor.commands.setHorizontalRule(),
    };
  },
});
