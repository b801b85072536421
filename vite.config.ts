// Runs in: build (Node). Bundles the renderer into dist/renderer for the Electron protocol and the loopback host.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // Inlined assets would be data: URLs; the CSP allows only files from the app itself.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    // The editor and the screens a start does not show load from chunks of their own on first use
    // (renderer/app/deferred-screens.ts), so the library paints before TipTap is evaluated.
    chunkSizeWarningLimit: 2000,
  },
});
