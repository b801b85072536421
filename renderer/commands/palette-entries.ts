// Runs in: renderer. What the command palette lists: each command the table offers to it, with its
// words in the current language, its menu's name and its key, and which of them a query matches.
import type { MenuCommand } from '../../common/bridge';
import { COMMAND_TABLE, type CommandSpec } from '../../common/commands/command-table';
import type { MessageKey } from '../i18n/messages/catalogues';

export interface PaletteEntry {
  id: MenuCommand;
  label: string;
  /** The menu the command sits in ("File"), to tell "Trash" the view from "Move to Trash". */
  category: string | null;
  shortcut: string | undefined;
  /** Lower-cased text a query is matched against: label, category, id, and the English label and category. */
  haystack: string;
}

export interface PaletteWords {
  t(key: MessageKey): string;
  english(key: MessageKey): string;
  shortcut(id: MenuCommand): string | undefined;
}

export function paletteEntries(words: PaletteWords, available: (spec: CommandSpec) => boolean): PaletteEntry[] {
  return (COMMAND_TABLE as readonly CommandSpec[])
    .filter((spec) => spec.palette !== false && available(spec))
    .map((spec) => {
      const id = spec.id as MenuCommand;
      const label = words.t(spec.labelKey).replace(/…$/, '');
      const menuKey = spec.menu ? (`menu.${spec.menu.menu}` as const) : null;
      const category = menuKey ? words.t(menuKey) : null;
      const english = [words.english(spec.labelKey), menuKey ? words.english(menuKey) : ''];
      const haystack = [label, category ?? '', id, ...english].join(' ').toLowerCase();
      return { id, label, category, shortcut: words.shortcut(id), haystack };
    });
}

/** Every word of the query (split on spaces) must appear; Chinese needs no spaces: "新建" finds "新建稿件". */
export function matchPalette(entries: readonly PaletteEntry[], query: string): PaletteEntry[] {
  const words = query.toLowerCase().trim().split(/\s+/).filter((word) => word !== '');
  return entries.filter((entry) => words.every((word) => entry.haystack.includes(word)));
}
