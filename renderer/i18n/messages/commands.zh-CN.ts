// Runs in: renderer. Chinese strings for commands: their labels and the menus' (shared with main's
// native menus through common/commands/), and the command palette.
import { commandMessagesZhCN } from '../../../common/commands/command-messages.zh-CN';
import type { commandsEn } from './commands.en';

export const commandsZhCN: Record<keyof typeof commandsEn, string> = {
  ...commandMessagesZhCN,
  'palette.title': '命令面板',
  'palette.filter': '输入命令',
  'palette.commands': '命令',
  'palette.none': '没有与“{query}”相符的命令。',
};
