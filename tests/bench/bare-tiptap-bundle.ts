// Runs in: the benchmark script (Node). Bundles the bare-TipTap page script once per run, as one
// classic script the bench injects into a blank page.
import { resolve } from 'node:path';
import { build } from 'esbuild';

let bundled: Promise<string> | null = null;

export function bareTiptapScript(): Promise<string> {
  bundled ??= build({
    entryPoints: [resolve(import.meta.dirname, 'bare-tiptap-page.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    write: false,
    // Readable in a profile: the baseline is compared key for key with the app.
    minify: false,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  }).then((result) => {
    const file = result.outputFiles[0];
    if (!file) throw new Error('esbuild produced no bare-TipTap bundle');
    return file.text;
  });
  return bundled;
}
