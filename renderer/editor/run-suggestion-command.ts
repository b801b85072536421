// Runs in: renderer. The suggestion commands of the command table: switch between Editing and
// Suggesting, and accept or reject every pending suggestion at once.
import type { Editor } from '@tiptap/core';
import type { CommandId } from '../../common/commands/command-table';
import { isSuggesting, setSuggesting } from './suggestion-mode';
import { decideSuggestions } from './suggestion-review';

export type SuggestionCommand = Extract<CommandId, 'edit.suggest' | 'edit.accept-all-suggestions' | 'edit.reject-all-suggestions'>;

const SUGGESTION_COMMANDS: ReadonlySet<string> = new Set<SuggestionCommand>(['edit.suggest', 'edit.accept-all-suggestions', 'edit.reject-all-suggestions']);

export function isSuggestionCommand(command: string): command is SuggestionCommand {
  return SUGGESTION_COMMANDS.has(command);
}

/** Runs the command; false when it did nothing (read-only editor, nothing to resolve). */
export function runSuggestionCommand(editor: Editor, command: SuggestionCommand): boolean {
  if (editor.isDestroyed || !editor.isEditable) return false;
  if (command === 'edit.suggest') {
    setSuggesting(editor.view, !isSuggesting(editor.state));
    return true;
  }
  const tr = decideSuggestions(editor.state, command === 'edit.accept-all-suggestions' ? 'accept' : 'reject', () => true);
  if (!tr) return false;
  editor.view.dispatch(tr);
  return true;
}
