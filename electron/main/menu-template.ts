// Runs in: main (pure, no electron import). The native menu as plain data, built from the command
// table (common/commands/): labels from the shared catalogue, accelerators, roles and menu commands.
import type { MenuCommand } from '../../common/bridge';
import { acceleratorOn, COMMAND_TABLE, type CommandSpec, type MenuId, type MenuPlacement } from '../../common/commands/command-table';
import { articleDeepLink } from '../../common/desktop/deep-link';
import { MENU_LABELS, type MenuLabelKey, type MenuLocale } from './menu-labels';
import type { RecentArticle } from './recent-articles';

export type MenuRole =
  | 'undo'
  | 'redo'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'pasteAndMatchStyle'
  | 'selectAll'
  | 'reload'
  | 'forceReload'
  | 'toggleDevTools'
  | 'resetZoom'
  | 'zoomIn'
  | 'zoomOut'
  | 'togglefullscreen'
  | 'quit'
  | 'about'
  | 'services'
  | 'hide'
  | 'hideOthers'
  | 'unhide'
  | 'minimize'
  | 'zoom'
  | 'front';

/** Menu items main handles itself (they do not go to the renderer). */
export type MenuAction = 'show-logs' | 'check-for-updates' | 'clear-recent';

export type MenuItemSpec =
  | {
      type: 'command';
      label: string;
      command: MenuCommand;
      accelerator?: string;
      /** False: the menu shows the shortcut but the keystroke still reaches the editor, which handles it. */
      registerAccelerator?: boolean;
      /** Present on radio items (the language choice). */
      checked?: boolean;
    }
  | { type: 'role'; role: MenuRole; label: string }
  | { type: 'action'; action: MenuAction; label: string }
  /** Opens a deep link in the window (File → Open Recent). */
  | { type: 'open-link'; link: string; label: string }
  /** A greyed-out line (an empty Open Recent). */
  | { type: 'placeholder'; label: string }
  | { type: 'submenu'; label: string; items: MenuItemSpec[] }
  | { type: 'separator' };

export interface MenuSpec {
  label: string;
  /** Lets macOS add its own items (the Help search field, the window list). */
  role?: 'appMenu' | 'windowMenu' | 'help';
  items: MenuItemSpec[];
}

export interface MenuTemplateOptions {
  /** Reload and developer tools, only in development builds. */
  devTools?: boolean;
  /** File → Open Recent, newest first. */
  recent?: readonly RecentArticle[];
}

const SEPARATOR: MenuItemSpec = { type: 'separator' };

type Labels = Readonly<Record<MenuLabelKey, string>>;

/** The table's commands placed in one menu, group by group, in table order. */
function commandGroups(menu: MenuId, t: Labels, locale: MenuLocale): MenuItemSpec[][] {
  const groups = new Map<string, MenuItemSpec[]>();
  for (const spec of COMMAND_TABLE as readonly CommandSpec[]) {
    const placement = spec.menu;
    if (placement?.menu !== menu) continue;
    const items = groups.get(placement.group) ?? [];
    groups.set(placement.group, [...items, commandItem(spec, placement, t, locale)]);
  }
  return [...groups.values()];
}

function commandItem(spec: CommandSpec, placement: MenuPlacement, t: Labels, locale: MenuLocale): MenuItemSpec {
  const label = t[spec.labelKey];
  if (placement.role) return { type: 'role', role: placement.role, label };
  const item: MenuItemSpec & { type: 'command' } = { type: 'command', label, command: spec.id as MenuCommand };
  const accelerator = acceleratorOn(spec, 'desktop');
  if (accelerator !== undefined) item.accelerator = accelerator;
  // The editor handles its own keys: the menu shows them without taking the keystroke.
  if (spec.keys === 'editor') item.registerAccelerator = false;
  if (placement.checkedInLocale) item.checked = placement.checkedInLocale === locale;
  return item;
}

/** Groups one after another with a separator between them. */
function joined(groups: readonly MenuItemSpec[][]): MenuItemSpec[] {
  return groups.flatMap((group, index) => (index === 0 ? group : [SEPARATOR, ...group]));
}

function openRecentMenu(t: Labels, recent: readonly RecentArticle[]): MenuItemSpec {
  const items: MenuItemSpec[] =
    recent.length === 0
      ? [{ type: 'placeholder', label: t['menu.no-recent'] }]
      : [
          // "&" would become a mnemonic on Windows and Linux.
          ...recent.map((item): MenuItemSpec => ({ type: 'open-link', link: articleDeepLink(item.id), label: (item.title.trim() || t['menu.untitled']).replaceAll('&', '&&') })),
          SEPARATOR,
          { type: 'action', action: 'clear-recent', label: t['menu.clear-recent'] },
        ];
  return { type: 'submenu', label: t['menu.open-recent'], items };
}

export function buildMenuTemplate(locale: MenuLocale, platform: NodeJS.Platform, options: MenuTemplateOptions = {}): MenuSpec[] {
  const t = MENU_LABELS[locale];
  const isMac = platform === 'darwin';
  const role = (key: MenuLabelKey, id: MenuRole): MenuItemSpec => ({ type: 'role', role: id, label: t[key] });
  const groups = (menu: MenuId) => commandGroups(menu, t, locale);

  const menus: MenuSpec[] = [];
  if (isMac) {
    menus.push({
      label: t['menu.app'],
      role: 'appMenu',
      items: [
        role('menu.about', 'about'),
        SEPARATOR,
        role('menu.services', 'services'),
        SEPARATOR,
        role('menu.hide', 'hide'),
        role('menu.hide-others', 'hideOthers'),
        role('menu.unhide', 'unhide'),
        SEPARATOR,
        role('menu.quit', 'quit'),
      ],
    });
  }
  // Open Recent follows the first group of File (New Article).
  const [create = [], ...fileRest] = groups('file');
  menus.push({
    label: t['menu.file'],
    items: [...create, openRecentMenu(t, options.recent ?? []), ...joined(fileRest), ...(isMac ? [] : [SEPARATOR, role('menu.quit', 'quit')])],
  });
  const clipboard = [role('menu.cut', 'cut'), role('menu.copy', 'copy'), role('menu.paste', 'paste'), role('menu.paste-and-match-style', 'pasteAndMatchStyle'), role('menu.select-all', 'selectAll')];
  const [history = [], ...editRest] = groups('edit');
  menus.push({ label: t['menu.edit'], items: joined([history, clipboard, ...editRest].filter((group) => group.length > 0)) });
  menus.push({ label: t['menu.format'], items: joined(groups('format')) });
  menus.push({
    label: t['menu.view'],
    items: [
      ...joined(groups('view')),
      SEPARATOR,
      ...(options.devTools ? [role('menu.reload', 'reload'), role('menu.force-reload', 'forceReload'), role('menu.dev-tools', 'toggleDevTools'), SEPARATOR] : []),
      role('menu.reset-zoom', 'resetZoom'),
      role('menu.zoom-in', 'zoomIn'),
      role('menu.zoom-out', 'zoomOut'),
      SEPARATOR,
      role('menu.full-screen', 'togglefullscreen'),
    ],
  });
  menus.push({ label: t['menu.language'], items: joined(groups('language')) });
  if (isMac) {
    menus.push({ label: t['menu.window'], role: 'windowMenu', items: [role('menu.minimize', 'minimize'), role('menu.zoom', 'zoom'), SEPARATOR, role('menu.front', 'front')] });
  }
  const showLogs: MenuItemSpec = { type: 'action', action: 'show-logs', label: t['menu.show-logs'] };
  const checkForUpdates: MenuItemSpec = { type: 'action', action: 'check-for-updates', label: t['menu.check-for-updates'] };
  menus.push({ label: t['menu.help'], role: 'help', items: isMac ? [showLogs, checkForUpdates] : [showLogs, checkForUpdates, SEPARATOR, role('menu.about', 'about')] });
  return menus;
}
