// Runs in: Node (build step). Bundles the Electron main process, the sandboxed preload, the services
// process and the loopback host.
import { rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const shared = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node22',
  sourcemap: true,
  logLevel: 'warning',
  legalComments: 'none',
};

await rm(join(root, 'dist', 'electron'), { recursive: true, force: true });
await rm(join(root, 'dist', 'host'), { recursive: true, force: true });
await rm(join(root, 'dist', 'services'), { recursive: true, force: true });

// CommonJS has no import.meta: the services find files beside their bundle (the hub package worker) from import.meta.url.
const cjsImportMetaUrl = {
  define: { 'import.meta.url': '__datelineImportMetaUrl' },
  banner: { js: "const __datelineImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
};

// Loaded from the packaged app's node_modules (package.json "dependencies"), never bundled: sharp is a native
// module with prebuilt binaries (electron-builder.yml unpacks it from the asar); electron-updater reads
// app-update.yml beside the app and must stay the package electron-builder configures.
const runtimeDependencies = ['sharp', 'electron-updater'];

await Promise.all([
  // Main process: Node + Electron, everything but electron and the runtime dependencies bundled.
  build({ ...shared, entryPoints: ['electron/main/main.ts'], outfile: 'dist/electron/main.cjs', format: 'cjs', external: ['electron', ...runtimeDependencies] }),
  // A sandboxed preload may only require('electron'): everything else must be inside the bundle.
  build({ ...shared, entryPoints: ['electron/preload/preload.ts'], outfile: 'dist/electron/preload.cjs', format: 'cjs', external: ['electron'], minify: true }),
  // The services process: plain Node, run by Electron's utilityProcess and forked by the loopback host.
  build({ ...shared, ...cjsImportMetaUrl, entryPoints: ['electron/services-process/services-entry.ts'], outfile: 'dist/services/services.cjs', format: 'cjs', external: runtimeDependencies }),
  // The worker that reads untrusted review packages (electron/services/review/hub-package-reader.ts), beside the services bundle.
  build({ ...shared, entryPoints: ['electron/services/review/hub-package-worker.ts'], outfile: 'dist/services/hub-package-worker.cjs', format: 'cjs', minify: true }),
  // The search index's worker (electron/services/search/worker-search-index.ts), beside the services bundle.
  build({ ...shared, entryPoints: ['electron/services/search/search-index-worker.ts'], outfile: 'dist/services/search-index-worker.cjs', format: 'cjs', minify: true }),
  // The worker that reads article folders for a start's scan (electron/services/store/library-folder-reader.ts), beside the services bundle.
  build({ ...shared, entryPoints: ['electron/services/store/library-read-worker.ts'], outfile: 'dist/services/library-read-worker.cjs', format: 'cjs', minify: true }),
  // The browser host, runnable with plain node for tests and `npm run serve` without tsx.
  build({
    ...shared,
    entryPoints: ['electron/host/serve.ts'],
    outfile: 'dist/host/serve.mjs',
    format: 'esm',
    external: runtimeDependencies,
    banner: { js: "import { createRequire as __datelineCreateRequire } from 'node:module'; const require = __datelineCreateRequire(import.meta.url);" },
  }),
]);

console.log('Built dist/electron/main.cjs, dist/electron/preload.cjs, dist/services/services.cjs (with its hub package, search index and library read workers) and dist/host/serve.mjs');
