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
    // A desktop app loads one bundle from disk; splitting it buys nothing.
    chunkSizeWarningLimit: 2000,
  },
});
