// Runs in: renderer. Whether the library holds what a save sent: everything the reporter edits,
// ignoring what the services set on saving (revision, time, status, creation time).
import type { Article } from '../../common/article';

const SET_BY_SERVICES = new Set(['revision', 'updatedAt', 'status', 'createdAt']);

/** JSON with object keys sorted, so two equal articles compare equal whatever their key order. */
function canonical(value: unknown, skip: ReadonlySet<string> = new Set()): string {
  if (Array.isArray(value)) return `[${value.map((item) => canonical(item)).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([key, item]) => !skip.has(key) && item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function isSameSavedContent(stored: Article, sent: Article): boolean {
  return canonical(stored, SET_BY_SERVICES) === canonical(sent, SET_BY_SERVICES);
}
