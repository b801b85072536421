// Runs in: renderer. A command's key as this user presses it here ("Ctrl+Alt+P", "⌘⌥P"), from the
// command table: the desktop app's keys, or a browser tab's where the browser keeps some for itself.
import { formatAccelerator } from '../../common/commands/accelerator';
import { acceleratorOn, commandSpec, type CommandId, type CommandSurface } from '../../common/commands/command-table';
import { isMacPlatform } from './is-mac-platform';

/** The desktop app has the preload bridge; a browser tab has none. */
export function commandSurface(): CommandSurface {
  return typeof window !== 'undefined' && window.dateline ? 'desktop' : 'browser';
}

export function commandShortcut(id: CommandId, surface: CommandSurface = commandSurface(), isMac: boolean = isMacPlatform()): string | undefined {
  const accelerator = acceleratorOn(commandSpec(id), surface);
  return accelerator === undefined ? undefined : formatAccelerator(accelerator, isMac);
}
