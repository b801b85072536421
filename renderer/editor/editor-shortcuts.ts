// Runs in: renderer (and main may import it for menu accelerators). Every editor keyboard shortcut,
// for the help dialog and the native menu. TipTap and EditorKeymap bind them in the editor, except
// insert photo, which renderer/commands/keyboard-shortcuts binds app-wide.
import type { MenuCommand } from '../../common/bridge';
import type { MessageKey } from '../i18n/messages/catalogues';

export type EditorShortcutCommand = Extract<MenuCommand, `format.${string}` | 'article.insert-photo'> | 'edit.undo' | 'edit.redo';

export interface EditorShortcut {
  command: EditorShortcutCommand;
  /** Name to show in a help dialog. */
  labelKey: MessageKey;
  /** Key bindings in TipTap/ProseMirror notation ("Mod" is Cmd on macOS, Ctrl elsewhere); the first is primary. */
  keys: readonly string[];
  /** Electron accelerator for the native menu (register it with `registerAccelerator: false`: the editor handles the key). */
  accelerator: string;
}

/** Horizontal rule is Mod-Alt-Minus and insert photo Mod-Alt-P: neither is taken by Chromium, Electron's default menu or macOS. */
export const EDITOR_SHORTCUTS: readonly EditorShortcut[] = [
  { command: 'format.bold', labelKey: 'editor.toolbar.bold', keys: ['Mod-b'], accelerator: 'CmdOrCtrl+B' },
  { command: 'format.italic', labelKey: 'editor.toolbar.italic', keys: ['Mod-i'], accelerator: 'CmdOrCtrl+I' },
  { command: 'format.underline', labelKey: 'editor.toolbar.underline', keys: ['Mod-u'], accelerator: 'CmdOrCtrl+U' },
  { command: 'format.strike', labelKey: 'editor.toolbar.strike', keys: ['Mod-Shift-s'], accelerator: 'CmdOrCtrl+Shift+S' },
  { command: 'format.link', labelKey: 'editor.toolbar.link', keys: ['Mod-k'], accelerator: 'CmdOrCtrl+K' },
  { command: 'format.heading-2', labelKey: 'editor.toolbar.heading-2', keys: ['Mod-Alt-2'], accelerator: 'CmdOrCtrl+Alt+2' },
  { command: 'format.heading-3', labelKey: 'editor.toolbar.heading-3', keys: ['Mod-Alt-3'], accelerator: 'CmdOrCtrl+Alt+3' },
  { command: 'format.paragraph', labelKey: 'editor.toolbar.paragraph', keys: ['Mod-Alt-0'], accelerator: 'CmdOrCtrl+Alt+0' },
  { command: 'format.blockquote', labelKey: 'editor.toolbar.blockquote', keys: ['Mod-Shift-b'], accelerator: 'CmdOrCtrl+Shift+B' },
  { command: 'format.bullet-list', labelKey: 'editor.toolbar.bullet-list', keys: ['Mod-Shift-8'], accelerator: 'CmdOrCtrl+Shift+8' },
  { command: 'format.ordered-list', labelKey: 'editor.toolbar.ordered-list', keys: ['Mod-Shift-7'], accelerator: 'CmdOrCtrl+Shift+7' },
  { command: 'format.horizontal-rule', labelKey: 'editor.toolbar.horizontal-rule', keys: ['Mod-Alt--'], accelerator: 'CmdOrCtrl+Alt+-' },
  { command: 'article.insert-photo', labelKey: 'editor.toolbar.insert-photo', keys: ['Mod-Alt-p'], accelerator: 'CmdOrCtrl+Alt+P' },
  { command: 'edit.undo', labelKey: 'editor.shortcut.undo', keys: ['Mod-z'], accelerator: 'CmdOrCtrl+Z' },
  { command: 'edit.redo', labelKey: 'editor.shortcut.redo', keys: ['Mod-Shift-z', 'Mod-y'], accelerator: 'CmdOrCtrl+Shift+Z' },
];

/** The primary shortcut of a command, if it has one. */
export function shortcutFor(command: EditorShortcutCommand): EditorShortcut | undefined {
  return EDITOR_SHORTCUTS.find((shortcut) => shortcut.command === command);
}
