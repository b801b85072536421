// Runs in: the benchmark script (Node). Bundles the bare-TipTap page script once per run, as one
// classic script the bench injects into a blank page.
import { resolve } from 'node:path';
import { bundlePageScript } from './page-bundle';

let bundled: Promise<string> | null = null;

export function bareTiptapScript(): Promise<string> {
  bundled ??= bundlePageScript(resolve(import.meta.dirname, 'bare-tiptap-page.ts'));
  return bundled;
}
