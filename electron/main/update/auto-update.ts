// Runs in: main (Electron). The thin wiring of electron-updater: it checks the generic feed, downloads
// in the background and installs. The decisions live in the plain modules beside this one: which feed,
// whether the offer is newer, whether the downloaded file matches the feed's sha512, and that the
// installer runs only after the page confirmed its last save (UpdateInstallGate).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { app, BrowserWindow, dialog } from 'electron';
import { autoUpdater } from 'electron-updater';
import type { Logger } from '../../services/log/logger';
import type { MenuLocale } from '../menu-labels';
import { channelFileFor, checkForUpdate, type UpdateCheck } from './check-for-update';
import { UpdateError } from './update-error';
import { UPDATE_DIALOG_TEXT } from './update-dialog-text';
import { updateFeedUrlFromAppUpdateYml, updateFeedUrlFromEnv } from './update-feed-url';
import { UpdateInstallGate } from './update-install-gate';
import { verifyUpdateFile } from './verify-update-file';

export interface AutoUpdateOptions {
  logger: Logger;
  locale(): MenuLocale;
  window(): BrowserWindow | null;
  /** Sends `app.flush` to the page; false when there is no page. */
  requestFlush(): boolean;
}

export interface AutoUpdate {
  /** Help → Check for Updates. */
  checkNow(): void;
  /** The page's answer to `app.flush`. */
  onFlushed(ok: boolean): void;
}

function configuredFeedUrl(): string | null {
  const fromEnv = updateFeedUrlFromEnv(process.env);
  if (fromEnv !== null) return fromEnv;
  try {
    return updateFeedUrlFromAppUpdateYml(readFileSync(join(process.resourcesPath, 'app-update.yml'), 'utf8'));
  } catch {
    return null;
  }
}

export function startAutoUpdate(options: AutoUpdateOptions): AutoUpdate {
  const feedUrl = app.isPackaged ? configuredFeedUrl() : null;
  const text = () => UPDATE_DIALOG_TEXT[options.locale()];
  const show = async (message: string, buttons: string[] = [text().ok]): Promise<number> => {
    const window = options.window();
    const box = { type: 'info' as const, title: text().title, message, buttons, defaultId: 0, cancelId: buttons.length - 1 };
    return (window ? await dialog.showMessageBox(window, box) : await dialog.showMessageBox(box)).response;
  };
  const gate = new UpdateInstallGate({
    requestFlush: options.requestFlush,
    install: () => autoUpdater.quitAndInstall(),
    reportNotSaved: () => void show(text().notSaved),
    setTimer: (fn, ms) => setTimeout(fn, ms),
    clearTimer: (handle) => clearTimeout(handle as NodeJS.Timeout),
  });
  let downloadedVersion = '';
  if (feedUrl === null) {
    return { checkNow: () => void show(text().notConfigured), onFlushed: (ok) => gate.onFlushed(ok) };
  }

  autoUpdater.logger = options.logger;
  autoUpdater.setFeedURL({ provider: 'generic', url: feedUrl });
  autoUpdater.autoDownload = true;
  // Never on a plain quit: only through the gate, after the page confirmed its save.
  autoUpdater.autoInstallOnAppQuit = false;
  const check = (): Promise<UpdateCheck> => checkForUpdate({ feedUrl, currentVersion: app.getVersion(), channelFile: channelFileFor(process.platform) });

  autoUpdater.on('error', (error) => options.logger.error('Update failed:', error));
  autoUpdater.on('update-downloaded', (event) => {
    void (async () => {
      // electron-updater checked the sha512 already; check it against the feed as we read it, too.
      const offer = await check();
      if (offer.kind !== 'available' || offer.version !== event.version) return;
      await verifyUpdateFile(event.downloadedFile, offer.file);
      downloadedVersion = offer.version;
      gate.onDownloaded();
      if ((await show(text().downloaded(offer.version), [text().restartNow, text().later])) === 0) gate.restartToInstall();
    })().catch((error: unknown) => {
      options.logger.error('The downloaded update was refused:', error);
      void show(text().failed(error instanceof UpdateError ? error.kind : 'unknown'));
    });
  });

  const background = (): void => {
    autoUpdater.checkForUpdates().catch((error: unknown) => options.logger.warn('The background update check failed:', error));
  };
  background();

  return {
    checkNow() {
      void (async () => {
        if (gate.ready) {
          if ((await show(text().downloaded(downloadedVersion), [text().restartNow, text().later])) === 0) gate.restartToInstall();
          return;
        }
        const offer = await check();
        if (offer.kind === 'up-to-date') return void (await show(text().upToDate(offer.current)));
        background();
        await show(text().available(offer.version));
      })().catch((error: unknown) => {
        options.logger.warn('The update check failed:', error);
        void show(text().failed(error instanceof UpdateError ? error.kind : 'unknown'));
      });
    },
    onFlushed: (ok) => gate.onFlushed(ok),
  };
}
