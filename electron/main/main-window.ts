// Runs in: main (Electron). Creates the editor window, restores its place and gives the page a chance to save on close.
import { BrowserWindow, screen } from 'electron';
import { APP_ORIGIN } from '../../common/bridge';
import { sendMenuCommand } from './app-menu';
import { windowOptions } from './window-options';
import { clampWindowState, loadWindowState, saveWindowState } from './window-state';

/** How long a closing window waits for the page to flush its pending save. */
const CLOSE_FLUSH_MS = 500;

export async function createMainWindow(options: { preloadPath: string; stateFile: string; devTools: boolean }): Promise<BrowserWindow> {
  const workAreas = [screen.getPrimaryDisplay(), ...screen.getAllDisplays()].map((display) => display.workArea);
  const state = clampWindowState(await loadWindowState(options.stateFile), workAreas);
  const base = windowOptions({ preloadPath: options.preloadPath, bounds: state, devTools: options.devTools });
  // The security flags are restated here (the types force them equal) so static scanners see them at the call site.
  const window = new BrowserWindow({
    ...base,
    webPreferences: {
      ...base.webPreferences,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  if (state.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());

  let flushed = false;
  window.on('close', (event) => {
    const bounds = window.getNormalBounds();
    saveWindowState(options.stateFile, { ...bounds, maximized: window.isMaximized() }).catch((error: unknown) => {
      console.error('Could not remember the window position:', error);
    });
    if (flushed || window.webContents.isCrashed()) return;
    // The page flushes its pending autosave on "app.flush"; the window closes once that has had time to reach the services.
    event.preventDefault();
    flushed = true;
    sendMenuCommand(window, 'app.flush');
    setTimeout(() => {
      if (!window.isDestroyed()) window.close();
    }, CLOSE_FLUSH_MS);
  });

  await window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}
