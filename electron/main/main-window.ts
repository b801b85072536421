// Runs in: main (Electron). Creates the editor window, restores its place and gives the page a chance to save on close.
import { BrowserWindow, dialog, screen } from 'electron';
import { APP_ORIGIN } from '../../common/bridge';
import { sendMenuCommand } from './app-menu';
import { CloseGate } from './close-gate';
import { isAppUrl } from './trusted-sender';
import { windowOptions } from './window-options';
import { clampWindowState, loadWindowState, saveWindowState } from './window-state';

const gates = new WeakMap<BrowserWindow, CloseGate>();

/** The page's answer to `app.flush` (from the IPC channel, sender already checked). */
export function reportFlushed(window: BrowserWindow, ok: boolean): void {
  gates.get(window)?.onFlushed(ok);
}

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

  // The window closes only once the page confirms its pending edits are saved, or the person chooses to.
  const gate = new CloseGate({
    requestFlush: () => sendMenuCommand(window, 'app.flush'),
    close: () => {
      if (!window.isDestroyed()) window.close();
    },
    confirmCloseUnsaved: async (reason) => {
      if (window.isDestroyed()) return true;
      const zh = /^zh/i.test(window.webContents.getUserAgent()) || /^zh/i.test(Intl.DateTimeFormat().resolvedOptions().locale);
      const { response } = await dialog.showMessageBox(window, {
        type: 'warning',
        buttons: zh ? ['继续编辑', '仍然关闭'] : ['Keep editing', 'Close anyway'],
        defaultId: 0,
        cancelId: 0,
        message: zh ? '最新的修改尚未保存' : 'Your latest changes are not saved',
        detail:
          reason === 'timeout'
            ? zh ? 'Dateline 没有及时确认保存。关闭窗口可能丢失最后几秒的输入。' : 'Dateline did not confirm the save in time. Closing now may lose the last seconds of typing.'
            : zh ? '保存失败（例如磁盘已满）。关闭窗口会丢失这些修改。' : 'Saving failed (for example, the disk is full). Closing now loses those changes.',
      });
      return response === 1;
    },
    setTimer: (fn, ms) => setTimeout(fn, ms),
    clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  });
  gates.set(window, gate);
  window.on('close', (event) => {
    const bounds = window.getNormalBounds();
    saveWindowState(options.stateFile, { ...bounds, maximized: window.isMaximized() }).catch((error: unknown) => {
      console.error('Could not remember the window position:', error);
    });
    // A crashed page, or the crash error page, has nothing to save.
    if (window.webContents.isCrashed() || !isAppUrl(window.webContents.getURL())) return;
    if (!gate.onCloseRequested()) event.preventDefault();
  });

  await window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}
