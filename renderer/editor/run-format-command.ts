// Runs in: renderer. Applies a format.* menu command (or toolbar button) to the editor.
import type { ChainedCommands, Editor } from '@tiptap/core';
import type { MenuCommand } from '../../common/bridge';

export type FormatCommand = Extract<MenuCommand, `format.${string}`>;
/** Commands that need UI (the link dialog) are run by the component, not here. */
export type DirectFormatCommand = Exclude<FormatCommand, 'format.link'>;

const CHAINS: Record<DirectFormatCommand, (chain: ChainedCommands) => ChainedCommands> = {
  'format.bold': (chain) => chain.toggleBold(),
  'format.italic': (chain) => chain.toggleItalic(),
  'format.underline': (chain) => chain.toggleUnderline(),
  'format.strike': (chain) => chain.toggleStrike(),
  'format.heading-2': (chain) => chain.toggleHeading({ level: 2 }),
  'format.heading-3': (chain) => chain.toggleHeading({ level: 3 }),
  'format.paragraph': (chain) => chain.setParagraph(),
  'format.blockquote': (chain) => chain.toggleBlockquote(),
  'format.bullet-list': (chain) => chain.toggleBulletList(),
  'format.ordered-list': (chain) => chain.toggleOrderedList(),
  'format.horizontal-rule': (chain) => chain.setHorizontalRule(),
};

export function isDirectFormatCommand(command: string): command is DirectFormatCommand {
  return Object.prototype.hasOwnProperty.call(CHAINS, command);
}

/** Runs the command and returns whether it changed anything; read-only editors are left alone. */
export function runFormatCommand(editor: Editor, command: DirectFormatCommand): boolean {
  if (editor.isDestroyed || !editor.isEditable) return false;
  return CHAINS[command](editor.chain().focus()).run();
}
