// Runs in: renderer. English strings for commands: their labels and the menus' (shared with main's
// native menus through common/commands/), and the command palette.
import { commandMessagesEn } from '../../../common/commands/command-messages.en';

export const commandsEn = {
  ...commandMessagesEn,
  'palette.title': 'Command palette',
  'palette.filter': 'Type a command',
  'palette.commands': 'Commands',
  'palette.none': 'No command matches “{query}”.',
} as const;
