// Runs in: services. Canonical JSON (object keys sorted, no whitespace) and its sha256, so the same
// article hashes the same on every machine whatever order its keys were written in.
import { createHash } from 'node:crypto';

export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

/** sha256 hex of the canonical JSON of `value`. */
export function contentHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value), 'utf8').digest('hex');
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const child = (value as Record<string, unknown>)[key];
    // JSON.stringify drops undefined members; dropping them here keeps {a: undefined} and {} equal.
    if (child !== undefined) sorted[key] = sortKeys(child);
  }
  return sorted;
}
