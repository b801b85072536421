// Runs in: vitest (Node). The native menu is built from the command table: the same commands in English
// and Chinese, with the catalogue's words and the table's keys, and only real commands.
import { describe, expect, it } from 'vitest';
import { isMenuCommand } from '../../common/bridge';
import { commandMessagesEn } from '../../common/commands/command-messages.en';
import { commandMessagesZhCN } from '../../common/commands/command-messages.zh-CN';
import { COMMAND_TABLE, type CommandSpec } from '../../common/commands/command-table';
import { menuLocaleFor } from '../../electron/main/menu-labels';
import { buildMenuTemplate, type MenuItemSpec, type MenuSpec } from '../../electron/main/menu-template';

const PLATFORMS: NodeJS.Platform[] = ['darwin', 'win32', 'linux'];

function items(menus: MenuSpec[]): MenuItemSpec[] {
  return menus.flatMap((menu) => menu.items);
}

function shape(menus: MenuSpec[]): unknown {
  return menus.map((menu) => ({
    role: menu.role,
    items: menu.items.map((item) => (item.type === 'command' ? [item.command, item.accelerator, item.registerAccelerator] : item.type === 'role' ? item.role : '-')),
  }));
}

describe('native menu template', () => {
  it.each(PLATFORMS)('sends only known menu commands on %s', (platform) => {
    for (const item of items(buildMenuTemplate('en', platform, { devTools: true }))) {
      if (item.type === 'command') expect(isMenuCommand(item.command)).toBe(true);
    }
  });

  it.each(['en', 'zh-CN'] as const)('shows every command the table places in a menu, with its catalogue label and key, in %s', (locale) => {
    const words = locale === 'en' ? commandMessagesEn : commandMessagesZhCN;
    const menus = buildMenuTemplate(locale, 'linux');
    for (const spec of COMMAND_TABLE as readonly CommandSpec[]) {
      const placement = spec.menu;
      if (!placement) continue;
      const menu = menus.find((candidate) => candidate.label === words[`menu.${placement.menu}`]);
      const item = menu?.items.find((candidate) => (candidate.type === 'command' ? candidate.command === spec.id : candidate.type === 'role' && candidate.role === placement.role));
      expect(item, spec.id).toMatchObject({ label: words[spec.labelKey] });
      if (item?.type === 'command') expect(item.accelerator, spec.id).toBe(spec.accelerator);
    }
  });

  it('has a menu item for nothing the table does not place there', () => {
    const placed = new Set((COMMAND_TABLE as readonly CommandSpec[]).flatMap((spec) => (spec.menu ? [spec.id] : [])));
    const commands = items(buildMenuTemplate('en', 'darwin')).flatMap((item) => (item.type === 'command' ? [item.command] : []));
    expect(commands.filter((command) => !placed.has(command))).toEqual([]);
    // app.flush is sent by main itself before a window closes; it is not a menu item.
    expect(commands).not.toContain('app.flush');
  });

  it.each(PLATFORMS)('has the same structure in both languages on %s, with translated labels', (platform) => {
    const en = buildMenuTemplate('en', platform);
    const zh = buildMenuTemplate('zh-CN', platform);
    expect(shape(zh)).toEqual(shape(en));
    const enLabels = [...en.map((menu) => menu.label), ...items(en).flatMap((item) => (item.type === 'separator' ? [] : [item.label]))];
    const zhLabels = [...zh.map((menu) => menu.label), ...items(zh).flatMap((item) => (item.type === 'separator' ? [] : [item.label]))];
    const same = enLabels.filter((label, index) => label === zhLabels[index]);
    // Only the app name and the self-named language choices stay untranslated.
    expect(same.every((label) => ['Dateline', 'English', '简体中文'].includes(label))).toBe(true);
    expect(zhLabels).toContain('文件');
    expect(zhLabels).toContain('新建稿件');
  });

  it('lets format shortcuts reach the editor while still showing them; Insert Photo is the window’s', () => {
    const format = buildMenuTemplate('en', 'linux').find((menu) => menu.label === 'Format');
    const bold = format?.items.find((item) => item.type === 'command' && item.command === 'format.bold');
    expect(bold).toMatchObject({ accelerator: 'CmdOrCtrl+B', registerAccelerator: false });
    const editorKeys = new Set((COMMAND_TABLE as readonly CommandSpec[]).flatMap((spec) => (spec.keys === 'editor' ? [spec.id] : [])));
    for (const item of format?.items ?? []) {
      if (item.type === 'command') expect(item.registerAccelerator, item.command).toBe(editorKeys.has(item.command) ? false : undefined);
    }
    const photo = format?.items.find((item) => item.type === 'command' && item.command === 'article.insert-photo');
    expect(photo).toMatchObject({ accelerator: 'CmdOrCtrl+Alt+P' });
  });

  it('opens the command palette from View with Ctrl/Cmd+Shift+P', () => {
    const view = buildMenuTemplate('zh-CN', 'win32').find((menu) => menu.label === '视图');
    expect(view?.items).toContainEqual({ type: 'command', label: '命令面板…', command: 'view.command-palette', accelerator: 'CmdOrCtrl+Shift+P' });
  });

  it('puts Quit in the app menu on macOS and in File elsewhere', () => {
    const mac = buildMenuTemplate('en', 'darwin');
    expect(mac[0]).toMatchObject({ role: 'appMenu' });
    expect(mac[0]?.items).toContainEqual({ type: 'role', role: 'quit', label: 'Quit Dateline' });
    expect(mac.find((menu) => menu.label === 'File')?.items.some((item) => item.type === 'role' && item.role === 'quit')).toBe(false);
    const linux = buildMenuTemplate('en', 'linux');
    expect(linux.find((menu) => menu.label === 'File')?.items.at(-1)).toMatchObject({ role: 'quit' });
  });

  it('offers reload and developer tools only in development', () => {
    const roles = (devTools: boolean) => items(buildMenuTemplate('en', 'linux', { devTools })).flatMap((item) => (item.type === 'role' ? [item.role] : []));
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(false)).not.toContain('reload');
    expect(roles(true)).toContain('toggleDevTools');
  });

  it('checks the current language', () => {
    const language = buildMenuTemplate('zh-CN', 'win32').find((menu) => menu.label === '语言');
    expect(language?.items).toEqual([
      { type: 'command', label: 'English', command: 'language.en', checked: false },
      { type: 'command', label: '简体中文', command: 'language.zh-CN', checked: true },
    ]);
  });

  it.each(PLATFORMS)('offers Help → Show Logs in both languages on %s', (platform) => {
    const help = (locale: 'en' | 'zh-CN') => buildMenuTemplate(locale, platform).find((menu) => menu.role === 'help');
    expect(help('en')?.items[0]).toEqual({ type: 'action', action: 'show-logs', label: 'Show Logs' });
    expect(help('zh-CN')?.items[0]).toEqual({ type: 'action', action: 'show-logs', label: '显示日志' });
  });

  it.each(PLATFORMS)('offers Help → Check for Updates in both languages on %s', (platform) => {
    const help = (locale: 'en' | 'zh-CN') => buildMenuTemplate(locale, platform).find((menu) => menu.role === 'help');
    expect(help('en')?.items[1]).toEqual({ type: 'action', action: 'check-for-updates', label: 'Check for Updates…' });
    expect(help('zh-CN')?.items[1]).toEqual({ type: 'action', action: 'check-for-updates', label: '检查更新…' });
  });

  it('picks Chinese menus for any Chinese system locale', () => {
    expect(menuLocaleFor('zh-TW')).toBe('zh-CN');
    expect(menuLocaleFor('zh-Hans-CN')).toBe('zh-CN');
    expect(menuLocaleFor('en-GB')).toBe('en');
    expect(menuLocaleFor('fr')).toBe('en');
  });

  it.each(['en', 'zh-CN'] as const)('lists recent stories under File → Open Recent as deep links in %s', (locale) => {
    const recent = [
      { id: 'abc123def456', title: 'Flood & storm' },
      { id: 'xyz987uvw654', title: '' },
    ];
    const file = buildMenuTemplate(locale, 'linux', { recent })[0];
    const openRecent = file?.items.find((item) => item.type === 'submenu');
    expect(openRecent).toMatchObject({ label: locale === 'en' ? 'Open Recent' : '最近打开' });
    const children = openRecent?.type === 'submenu' ? openRecent.items : [];
    expect(children.map((item) => (item.type === 'open-link' ? [item.label, item.link] : item.type === 'action' ? item.action : item.type))).toEqual([
      ['Flood && storm', 'dateline://article/abc123def456'],
      [locale === 'en' ? 'Untitled' : '无标题', 'dateline://article/xyz987uvw654'],
      'separator',
      'clear-recent',
    ]);
  });

  it('shows an empty Open Recent as one greyed-out line', () => {
    const file = buildMenuTemplate('zh-CN', 'darwin')[1];
    const openRecent = file?.items.find((item) => item.type === 'submenu');
    expect(openRecent?.type === 'submenu' ? openRecent.items : null).toEqual([{ type: 'placeholder', label: '没有最近的稿件' }]);
  });
});
