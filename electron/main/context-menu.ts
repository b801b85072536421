// Runs in: main (Electron). The right-click menu: spelling suggestions first, then the clipboard actions.
import { Menu, type MenuItemConstructorOptions, type WebContents } from 'electron';
import { MENU_LABELS, type MenuLocale } from './menu-labels';

export function attachContextMenu(contents: WebContents, locale: () => MenuLocale): void {
  contents.on('context-menu', (_event, params) => {
    const t = MENU_LABELS[locale()];
    const items: MenuItemConstructorOptions[] = params.dictionarySuggestions.slice(0, 6).map((word) => ({
      label: word,
      click: () => contents.replaceMisspelling(word),
    }));
    if (items.length > 0) items.push({ type: 'separator' });
    if (params.isEditable) {
      items.push({ role: 'cut', label: t['menu.cut'], enabled: params.editFlags.canCut });
      items.push({ role: 'copy', label: t['menu.copy'], enabled: params.editFlags.canCopy });
      items.push({ role: 'paste', label: t['menu.paste'], enabled: params.editFlags.canPaste });
      items.push({ role: 'selectAll', label: t['menu.select-all'] });
    } else if (params.selectionText.trim() !== '') {
      items.push({ role: 'copy', label: t['menu.copy'] });
    }
    if (items.length > 0) Menu.buildFromTemplate(items).popup();
  });
}
