// Runs in: renderer. Turns "Mod-Shift-z" into what the user presses: "⌘⇧Z" on macOS, "Ctrl+Shift+Z" elsewhere.
const MAC_SYMBOLS: Record<string, string> = { Mod: '⌘', Shift: '⇧', Alt: '⌥', Ctrl: '⌃' };
const OTHER_NAMES: Record<string, string> = { Mod: 'Ctrl', Shift: 'Shift', Alt: 'Alt', Ctrl: 'Ctrl' };

export function formatShortcut(keys: string, isMac: boolean): string {
  const parts = keys.split(/-(?!$)/);
  const key = parts.pop() ?? '';
  const keyName = key.length === 1 ? key.toUpperCase() : key;
  if (isMac) return parts.map((part) => MAC_SYMBOLS[part] ?? part).join('') + keyName;
  return [...parts.map((part) => OTHER_NAMES[part] ?? part), keyName].join('+');
}

/** True on macOS, where "Mod" means Command. */
export function isMacPlatform(): boolean {
  return typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
}
