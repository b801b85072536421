// Runs in: services. The code of a worker thread that sits beside the module starting it: its
// built bundle (`<name>.cjs` beside services.cjs), or, when the services run from source (tsx,
// vitest), a bootstrap that loads `<name>.ts` through tsx. Workers are started with `eval: true`.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** `callerUrl` is the starting module's `import.meta.url`; `name` the worker's file name without extension. */
export function workerCode(callerUrl: string, name: string): string {
  const here = fileURLToPath(callerUrl);
  if (here.endsWith('.ts')) {
    const source = pathToFileURL(join(dirname(here), `${name}.ts`)).href;
    return `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(source)}); });`;
  }
  return readFileSync(join(dirname(here), `${name}.cjs`), 'utf8');
}
