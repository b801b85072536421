// Runs in: services and renderer. A plain JSON object (not null, not an array): the first check on
// anything parsed from outside before its fields are read.
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
