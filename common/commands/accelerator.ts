// Runs in: main and renderer. One key combination in Electron's accelerator notation
// ("CmdOrCtrl+Shift+B"), read once and turned into what each consumer needs.
export interface Accelerator {
  /** Cmd on macOS, Ctrl elsewhere. */
  mod: boolean;
  shift: boolean;
  alt: boolean;
  /** The key itself: an upper-case letter, a digit or a punctuation mark ("-"). */
  key: string;
}

const MODIFIERS = new Set(['CmdOrCtrl', 'CommandOrControl', 'Shift', 'Alt', 'Option']);

export function parseAccelerator(accelerator: string): Accelerator {
  // "CmdOrCtrl+Alt+-": the last part is the key even when it is a punctuation mark.
  const parts = accelerator.split('+');
  const key = parts.pop() ?? '';
  const unknown = parts.filter((part) => !MODIFIERS.has(part));
  if (key === '' || unknown.length > 0) throw new Error(`Unsupported accelerator ${accelerator}`);
  return {
    mod: parts.includes('CmdOrCtrl') || parts.includes('CommandOrControl'),
    shift: parts.includes('Shift'),
    alt: parts.includes('Alt') || parts.includes('Option'),
    key: key.length === 1 ? key.toUpperCase() : key,
  };
}

/** ProseMirror/TipTap key notation: "Mod-Shift-b". */
export function editorKeyOf(accelerator: string): string {
  const { mod, shift, alt, key } = parseAccelerator(accelerator);
  return [mod ? 'Mod' : null, alt ? 'Alt' : null, shift ? 'Shift' : null, key.toLowerCase()].filter((part) => part !== null).join('-');
}

const MAC_SYMBOLS = { mod: '⌘', alt: '⌥', shift: '⇧' } as const;

/** What the user presses: "⌘⇧Z" on macOS, "Ctrl+Shift+Z" elsewhere. */
export function formatAccelerator(accelerator: string, isMac: boolean): string {
  const { mod, shift, alt, key } = parseAccelerator(accelerator);
  if (isMac) return `${mod ? MAC_SYMBOLS.mod : ''}${alt ? MAC_SYMBOLS.alt : ''}${shift ? MAC_SYMBOLS.shift : ''}${key}`;
  return [mod ? 'Ctrl' : null, alt ? 'Alt' : null, shift ? 'Shift' : null, key].filter((part) => part !== null).join('+');
}

export type KeyPress = Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>;

/** The physical key of a letter, digit or "-", for presses where Alt changes the character (macOS). */
function codeOf(key: string): string | null {
  if (/^[A-Z]$/.test(key)) return `Key${key}`;
  if (/^[0-9]$/.test(key)) return `Digit${key}`;
  return key === '-' ? 'Minus' : null;
}

/** True when the press is this accelerator; Ctrl or Cmd both count as CmdOrCtrl, as the browser shortcuts always did. */
export function acceleratorMatches(accelerator: string, press: KeyPress): boolean {
  return compileAccelerator(accelerator)(press);
}

/** The accelerator read once, as a test of a press: for matchers that run on every key. */
export function compileAccelerator(accelerator: string): (press: KeyPress) => boolean {
  const { mod, shift, alt, key } = parseAccelerator(accelerator);
  const code = codeOf(key);
  return (press) => {
    if (mod !== (press.ctrlKey || press.metaKey) || shift !== press.shiftKey || alt !== press.altKey) return false;
    // With Alt the character changes on macOS (⌥N is "˜"): the key's place decides.
    if (alt) return press.code === code;
    return press.key.toUpperCase() === key || (shift && press.code === code);
  };
}
