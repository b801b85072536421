// Runs in: renderer (browser mode). The shortcuts the native menu owns in Electron.
// Mod-S save, Mod-Alt-N new article (browsers keep Ctrl+N), Mod-Alt-L library, Mod-Alt-H revisions,
// Mod-Alt-P insert photo. Formatting keys (Mod-B, Mod-I, ...) belong to the editor itself.
import type { MenuCommand } from '../../common/bridge';

export function shortcutCommand(event: Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey' | 'isComposing'>): MenuCommand | null {
  if (event.isComposing || !(event.ctrlKey || event.metaKey)) return null;
  if (!event.altKey && !event.shiftKey && event.key.toLowerCase() === 's') return 'article.save';
  if (!event.altKey || event.shiftKey) return null;
  switch (event.code) {
    case 'KeyN':
      return 'article.new';
    case 'KeyL':
      return 'view.library';
    case 'KeyH':
      return 'article.revisions';
    case 'KeyP':
      return 'article.insert-photo';
    default:
      return null;
  }
}

export function installKeyboardShortcuts(target: Window, dispatch: (command: MenuCommand) => void): () => void {
  const handleKeyDown = (event: KeyboardEvent): void => {
    const command = shortcutCommand(event);
    if (!command) return;
    event.preventDefault();
    dispatch(command);
  };
  target.addEventListener('keydown', handleKeyDown);
  return () => target.removeEventListener('keydown', handleKeyDown);
}
