// Runs in: main and host (Node). Resolves a raw URL path to a file strictly inside the static root, or null.
import { resolve, sep } from 'node:path';

const FORBIDDEN_SEGMENT = /[\\/\0:]/;

/** `rawPath` is the still-percent-encoded URL path; "/" maps to index.html. */
export function resolveStaticPath(root: string, rawPath: string): string | null {
  const segments = rawPath.split('/').filter((segment) => segment !== '');
  const decoded: string[] = [];
  for (const segment of segments) {
    let value: string;
    try {
      value = decodeURIComponent(segment);
    } catch {
      return null;
    }
    if (value === '.' || value === '..' || FORBIDDEN_SEGMENT.test(value) || value.startsWith('.')) return null;
    decoded.push(value);
  }
  if (decoded.length === 0) decoded.push('index.html');
  const base = resolve(root);
  const target = resolve(base, ...decoded);
  return target.startsWith(base + sep) ? target : null;
}
