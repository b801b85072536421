// Runs in: renderer. True on macOS, where CmdOrCtrl means Command.
export function isMacPlatform(): boolean {
  return typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
}
