// Runs in: the benchmark scripts (Node). Bundles a page script of the benchmarks into one classic
// script to inject into a blank page: readable in a profile, React and the rest in production mode.
import { build } from 'esbuild';

export async function bundlePageScript(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    write: false,
    // Readable in a profile: a baseline is compared function for function with the app.
    minify: false,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error(`esbuild produced no bundle for ${entry}`);
  return file.text;
}
