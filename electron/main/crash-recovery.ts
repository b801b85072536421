// Runs in: main (Electron). When the page's process dies, reload it into recovery (it reopens its
// story from the last autosave and says so), or after a crash loop show the error page. Type-checked
// only (no Electron runtime here); the decisions are tested in crash-reload-policy.test.ts.
import type { BrowserWindow } from 'electron';
import type { Logger } from '../services/log/logger';
import { CrashReloadPolicy } from './crash-reload-policy';
import { isAppUrl } from './trusted-sender';

export function attachCrashRecovery(window: BrowserWindow, options: { locale(): 'en' | 'zh-CN'; logger: Logger }): void {
  const policy = new CrashReloadPolicy(() => Date.now());
  let showingErrorPage = false;
  const contents = window.webContents;
  contents.on('render-process-gone', (_event, details) => {
    const decision = policy.onProcessGone(details.reason, options.locale());
    options.logger.error(`The editor page stopped (${details.reason}, exit code ${details.exitCode}): ${decision.action}.`);
    if (window.isDestroyed() || decision.action === 'ignore') return;
    if (decision.action === 'reload') {
      void window.loadURL(decision.url).catch((error: unknown) => options.logger.error('Could not reload the editor page:', error));
      return;
    }
    showingErrorPage = true;
    void window.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(decision.html)}`).catch(() => undefined);
  });
  // The person pressed Reload on the error page: a fresh start, with a fresh count.
  contents.on('did-navigate', (_event, url) => {
    if (showingErrorPage && isAppUrl(url)) {
      showingErrorPage = false;
      policy.reset();
    }
  });
}
