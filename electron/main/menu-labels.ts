// Runs in: main (pure, no electron import). The native menus' words: the same catalogue entries
// the renderer shows (common/commands/command-messages.*.ts), in English and Simplified Chinese.
import { commandMessagesEn, type CommandMessageKey } from '../../common/commands/command-messages.en';
import { commandMessagesZhCN } from '../../common/commands/command-messages.zh-CN';
import type { MenuLocale } from '../../common/commands/command-table';

export type { MenuLocale };
export type MenuLabelKey = CommandMessageKey;

export const MENU_LABELS: Readonly<Record<MenuLocale, Readonly<Record<MenuLabelKey, string>>>> = { en: commandMessagesEn, 'zh-CN': commandMessagesZhCN };

/** Native menus follow the UI: Chinese for any zh locale, English otherwise. */
export function menuLocaleFor(locale: string): MenuLocale {
  return locale.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export function isMenuLocale(value: unknown): value is MenuLocale {
  return value === 'en' || value === 'zh-CN';
}
