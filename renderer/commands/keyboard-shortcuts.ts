// Runs in: renderer (browser mode). The window-wide keys, from the command table: in the desktop app
// the native menu owns them; in a browser tab the renderer listens itself, with the browser's keys
// where the browser keeps the desktop's for itself (Ctrl+N). Editor keys belong to the editor.
import type { MenuCommand } from '../../common/bridge';
import { compileAccelerator, parseAccelerator, type KeyPress } from '../../common/commands/accelerator';
import { acceleratorOn, COMMAND_TABLE, type CommandSpec } from '../../common/commands/command-table';

/** Each window-wide key of a browser tab, with its command. */
export function browserShortcuts(): ReadonlyArray<readonly [string, MenuCommand]> {
  return (COMMAND_TABLE as readonly CommandSpec[]).flatMap((spec) => {
    const accelerator = spec.keys === 'editor' ? undefined : acceleratorOn(spec, 'browser');
    return accelerator ? [[accelerator, spec.id as MenuCommand] as const] : [];
  });
}

type CompiledShortcut = readonly [matches: (press: KeyPress) => boolean, command: MenuCommand];

/** Which modifiers are down; a press is tested only against shortcuts with the same ones. */
function modifiersOf(mod: boolean, shift: boolean, alt: boolean): number {
  return (mod ? 1 : 0) | (shift ? 2 : 0) | (alt ? 4 : 0);
}

// Built on the first key, then kept: the window sees every key the user types, so a press is tested
// against ready matchers for its modifiers (none, for a plain letter) rather than the command table
// read and each accelerator parsed again.
let compiled: ReadonlyMap<number, readonly CompiledShortcut[]> | null = null;

function compiledShortcuts(): ReadonlyMap<number, readonly CompiledShortcut[]> {
  if (compiled) return compiled;
  const byModifiers = new Map<number, CompiledShortcut[]>();
  for (const [accelerator, command] of browserShortcuts()) {
    const { mod, shift, alt } = parseAccelerator(accelerator);
    const modifiers = modifiersOf(mod, shift, alt);
    const list = byModifiers.get(modifiers) ?? [];
    list.push([compileAccelerator(accelerator), command]);
    byModifiers.set(modifiers, list);
  }
  compiled = byModifiers;
  return compiled;
}

export function shortcutCommand(event: KeyPress & Pick<KeyboardEvent, 'isComposing'>): MenuCommand | null {
  if (event.isComposing) return null;
  const candidates = compiledShortcuts().get(modifiersOf(event.ctrlKey || event.metaKey, event.shiftKey, event.altKey));
  return candidates?.find(([matches]) => matches(event))?.[1] ?? null;
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
