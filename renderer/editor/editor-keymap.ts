// Runs in: renderer. The body editor's keys, built from the command table: every command whose key
// the editor handles (format.*, undo, redo) is bound here and handed to `onCommand`. Window-wide keys
// (insert photo, save) belong to the native menu or renderer/commands/keyboard-shortcuts.
import { Extension } from '@tiptap/core';
import { editorKeyOf } from '../../common/commands/accelerator';
import { COMMAND_TABLE, type CommandSpec, type EditorKeyCommand } from '../../common/commands/command-table';

export interface EditorKeymapOptions {
  /** Runs the command; return true when handled (the key then goes no further). */
  onCommand: (command: EditorKeyCommand) => boolean;
}

/** Each editor key in TipTap notation ("Mod-Shift-b"), with its command. */
export function editorKeyBindings(): ReadonlyArray<readonly [string, EditorKeyCommand]> {
  return (COMMAND_TABLE as readonly CommandSpec[]).flatMap((spec) =>
    spec.keys === 'editor' && spec.accelerator
      ? [spec.accelerator, ...(spec.alternates ?? [])].map((accelerator) => [editorKeyOf(accelerator), spec.id as EditorKeyCommand] as const)
      : [],
  );
}

export const EditorKeymap = Extension.create<EditorKeymapOptions>({
  name: 'datelineKeymap',
  // Ahead of StarterKit's own bindings of the same keys, so the table decides what a key does.
  priority: 1000,

  addOptions() {
    return { onCommand: () => false };
  },

  addKeyboardShortcuts() {
    return Object.fromEntries(editorKeyBindings().map(([key, command]) => [key, () => this.options.onCommand(command)]));
  },
});
