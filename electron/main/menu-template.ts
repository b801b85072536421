// Runs in: main (pure, no electron import). The native menu as plain data: labels, accelerators, roles and menu commands.
import type { MenuCommand } from '../../common/bridge';
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
const UNTITLED = { en: 'Untitled', 'zh-CN': '无标题' } as const;

function openRecentMenu(t: Readonly<Record<MenuLabelKey, string>>, recent: readonly RecentArticle[]): MenuItemSpec {
  const untitled = t === MENU_LABELS['zh-CN'] ? UNTITLED['zh-CN'] : UNTITLED.en;
  const items: MenuItemSpec[] =
    recent.length === 0
      ? [{ type: 'placeholder', label: t.noRecent }]
      : [
          // "&" would become a mnemonic on Windows and Linux.
          ...recent.map((item): MenuItemSpec => ({ type: 'open-link', link: articleDeepLink(item.id), label: (item.title.trim() || untitled).replaceAll('&', '&&') })),
          SEPARATOR,
          { type: 'action', action: 'clear-recent', label: t.clearRecent },
        ];
  return { type: 'submenu', label: t.openRecent, items };
}

export function buildMenuTemplate(locale: MenuLocale, platform: NodeJS.Platform, options: MenuTemplateOptions = {}): MenuSpec[] {
  const t = MENU_LABELS[locale];
  const isMac = platform === 'darwin';
  const command = (key: MenuLabelKey, id: MenuCommand, accelerator?: string): MenuItemSpec =>
    accelerator === undefined ? { type: 'command', label: t[key], command: id } : { type: 'command', label: t[key], command: id, accelerator };
  const format = (key: MenuLabelKey, id: MenuCommand, accelerator?: string): MenuItemSpec =>
    accelerator === undefined
      ? { type: 'command', label: t[key], command: id, registerAccelerator: false }
      : { type: 'command', label: t[key], command: id, accelerator, registerAccelerator: false };
  const role = (key: MenuLabelKey, id: MenuRole): MenuItemSpec => ({ type: 'role', role: id, label: t[key] });

  const menus: MenuSpec[] = [];
  if (isMac) {
    menus.push({
      label: t.app,
      role: 'appMenu',
      items: [role('about', 'about'), SEPARATOR, role('services', 'services'), SEPARATOR, role('hide', 'hide'), role('hideOthers', 'hideOthers'), role('unhide', 'unhide'), SEPARATOR, role('quit', 'quit')],
    });
  }
  menus.push({
    label: t.file,
    items: [
      command('newArticle', 'article.new', 'CmdOrCtrl+N'),
      openRecentMenu(t, options.recent ?? []),
      command('save', 'article.save', 'CmdOrCtrl+S'),
      command('duplicate', 'article.duplicate', 'CmdOrCtrl+Shift+D'),
      SEPARATOR,
      command('exportHtml', 'article.export-html'),
      command('exportMarkdown', 'article.export-markdown'),
      SEPARATOR,
      command('revisions', 'article.revisions'),
      SEPARATOR,
      command('trash', 'article.trash'),
      ...(isMac ? [] : [SEPARATOR, role('quit', 'quit')]),
    ],
  });
  menus.push({
    label: t.edit,
    items: [
      role('undo', 'undo'),
      role('redo', 'redo'),
      SEPARATOR,
      role('cut', 'cut'),
      role('copy', 'copy'),
      role('paste', 'paste'),
      role('pasteAndMatchStyle', 'pasteAndMatchStyle'),
      role('selectAll', 'selectAll'),
    ],
  });
  menus.push({
    label: t.format,
    items: [
      format('bold', 'format.bold', 'CmdOrCtrl+B'),
      format('italic', 'format.italic', 'CmdOrCtrl+I'),
      format('underline', 'format.underline', 'CmdOrCtrl+U'),
      format('strike', 'format.strike', 'CmdOrCtrl+Shift+S'),
      format('link', 'format.link', 'CmdOrCtrl+K'),
      SEPARATOR,
      format('heading2', 'format.heading-2', 'CmdOrCtrl+Alt+2'),
      format('heading3', 'format.heading-3', 'CmdOrCtrl+Alt+3'),
      format('paragraph', 'format.paragraph', 'CmdOrCtrl+Alt+0'),
      format('blockquote', 'format.blockquote', 'CmdOrCtrl+Shift+B'),
      format('bulletList', 'format.bullet-list', 'CmdOrCtrl+Shift+8'),
      format('orderedList', 'format.ordered-list', 'CmdOrCtrl+Shift+7'),
      format('horizontalRule', 'format.horizontal-rule'),
      SEPARATOR,
      format('insertPhoto', 'article.insert-photo'),
    ],
  });
  menus.push({
    label: t.view,
    items: [
      command('library', 'view.library'),
      command('trashView', 'view.trash'),
      command('reviewQueue', 'view.review-queue'),
      SEPARATOR,
      ...(options.devTools ? [role('reload', 'reload'), role('forceReload', 'forceReload'), role('devTools', 'toggleDevTools'), SEPARATOR] : []),
      role('resetZoom', 'resetZoom'),
      role('zoomIn', 'zoomIn'),
      role('zoomOut', 'zoomOut'),
      SEPARATOR,
      role('fullScreen', 'togglefullscreen'),
    ],
  });
  // Each language is named in itself, so both locales show the same two labels here.
  menus.push({
    label: t.language,
    items: [
      { type: 'command', label: 'English', command: 'language.en', checked: locale === 'en' },
      { type: 'command', label: '简体中文', command: 'language.zh-CN', checked: locale === 'zh-CN' },
    ],
  });
  if (isMac) {
    menus.push({ label: t.window, role: 'windowMenu', items: [role('minimize', 'minimize'), role('zoom', 'zoom'), SEPARATOR, role('front', 'front')] });
  }
  const showLogs: MenuItemSpec = { type: 'action', action: 'show-logs', label: t.showLogs };
  const checkForUpdates: MenuItemSpec = { type: 'action', action: 'check-for-updates', label: t.checkForUpdates };
  menus.push({ label: t.help, role: 'help', items: isMac ? [showLogs, checkForUpdates] : [showLogs, checkForUpdates, SEPARATOR, role('about', 'about')] });
  return menus;
}
