// Runs in: vitest (Node). The editor window can never be given Node, a webview or a non-sandboxed renderer.
import { describe, expect, it } from 'vitest';
import { windowOptions } from '../../electron/main/window-options';

describe('BrowserWindow options', () => {
  const options = windowOptions({ preloadPath: '/app/dist/electron/preload.cjs', bounds: { width: 1200, height: 800 }, devTools: false });

  it('isolates and sandboxes the page and keeps Node out of it', () => {
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
    });
  });

  it('loads the bundled preload and keeps spellcheck on', () => {
    expect(options.webPreferences.preload).toBe('/app/dist/electron/preload.cjs');
    expect(options.webPreferences.spellcheck).toBe(true);
  });

  it('offers developer tools only in development builds', () => {
    expect(options.webPreferences.devTools).toBe(false);
    expect(windowOptions({ preloadPath: 'p', bounds: { width: 1, height: 1 }, devTools: true }).webPreferences.devTools).toBe(true);
  });

  it('sets no option that weakens the renderer', () => {
    const risky = ['enableBlinkFeatures', 'additionalArguments', 'enableRemoteModule', 'partition'];
    expect(Object.keys(options.webPreferences).filter((key) => risky.includes(key))).toEqual([]);
  });
});
