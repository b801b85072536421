// Runs in: main (Electron). Installs the native menu from the plain template; clicks go to the focused window.
import { BrowserWindow, Menu, type MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../common/bridge';
import { MENU_COMMAND_CHANNEL } from '../transport/ipc-channels';
import type { MenuLocale } from './menu-labels';
import { buildMenuTemplate, type MenuAction, type MenuItemSpec } from './menu-template';
import type { RecentArticle } from './recent-articles';

export type MenuActions = Record<MenuAction, () => void> & { openLink(link: string): void };

export function sendMenuCommand(window: BrowserWindow | null, command: MenuCommand): void {
  if (window && !window.isDestroyed()) window.webContents.send(MENU_COMMAND_CHANNEL, command);
}

function toElectronItem(item: MenuItemSpec, actions: MenuActions): MenuItemConstructorOptions {
  switch (item.type) {
    case 'separator':
      return { type: 'separator' };
    case 'action':
      return { label: item.label, click: () => actions[item.action]() };
    case 'open-link':
      return { label: item.label, click: () => actions.openLink(item.link) };
    case 'placeholder':
      return { label: item.label, enabled: false };
    case 'submenu':
      return { label: item.label, submenu: item.items.map((child) => toElectronItem(child, actions)) };
    case 'role':
      return { role: item.role, label: item.label };
    case 'command': {
      const options: MenuItemConstructorOptions = {
        label: item.label,
        click: () => sendMenuCommand(BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0] ?? null, item.command),
      };
      if (item.accelerator !== undefined) options.accelerator = item.accelerator;
      if (item.registerAccelerator !== undefined) options.registerAccelerator = item.registerAccelerator;
      if (item.checked !== undefined) {
        options.type = 'radio';
        options.checked = item.checked;
      }
      return options;
    }
  }
}

export function installAppMenu(locale: MenuLocale, options: { devTools: boolean; actions: MenuActions; recent: readonly RecentArticle[] }): void {
  const template = buildMenuTemplate(locale, process.platform, options).map(
    (menu): MenuItemConstructorOptions => ({
      label: menu.label,
      ...(menu.role === 'help' || menu.role === 'windowMenu' ? { role: menu.role } : {}),
      submenu: menu.items.map((item) => toElectronItem(item, options.actions)),
    }),
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
