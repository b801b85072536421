// Runs in: services. Names Windows refuses as a file or folder name (CON, NUL, COM1...), whatever
// the extension: folders named after a slug must avoid them.
const WINDOWS_RESERVED = /^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])(?:\..*)?$/i;

export function isReservedFileName(name: string): boolean {
  return WINDOWS_RESERVED.test(name);
}
