// Runs in: main (Electron). The thin shell: lifecycle, security policy, protocol, IPC, menus and the
// window. The services run in their own utilityProcess under a watchdog; main forwards calls to them.
import { join } from 'node:path';
import { app, BrowserWindow, dialog, session, shell, type WebContents } from 'electron';
import type { OperationResult } from '../../common/contract';
import { envelopeValue } from '../../common/rpc/envelope-value';
import { createSecretsDispatch } from '../services-process/secrets-dispatch';
import { remoteServices } from '../services-process/remote-services';
import { ServicesWatchdog } from '../services-process/services-watchdog';
import { isPermissionAllowed } from './permission-policy';
import { createSafeStorageSecrets } from './safe-storage-secrets';
import { installAppMenu, sendMenuCommand } from './app-menu';
import { startAppLog } from './app-log';
import { handleAppProtocol, registerAppScheme } from './app-protocol';
import { appPaths } from './app-paths';
import { attachContextMenu } from './context-menu';
import { externalUrlToOpen, localFileToReveal } from './external-url';
import { createMainWindow, reportFlushed } from './main-window';
import { menuLocaleFor, type MenuLocale } from './menu-labels';
import { forwardServicesEvents } from './forward-services-events';
import { registerIpc } from './register-ipc';
import { spellCheckerLanguages } from './spellcheck-languages';
import { isAppUrl } from './trusted-sender';
import { forkUtilityServices } from './utility-services-child';
import { startAutoUpdate, type AutoUpdate } from './update/auto-update';

const paths = appPaths({ appPath: app.getAppPath(), env: process.env });
if (paths.userDataDir !== null) app.setPath('userData', paths.userDataDir);
const devTools = !app.isPackaged;
const appLog = startAppLog();

let services: ServicesWatchdog | null = null;
let mainWindow: BrowserWindow | null = null;
let menuLocale: MenuLocale = 'en';
let autoUpdate: AutoUpdate | null = null;

app.enableSandbox();
registerAppScheme();

function lockDownContents(contents: WebContents): void {
  contents.setWindowOpenHandler(({ url }) => {
    const external = externalUrlToOpen(url);
    if (external !== null) void shell.openExternal(external);
    const local = localFileToReveal(url);
    if (local !== null) shell.showItemInFolder(local);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

function setMenuLocale(locale: MenuLocale): void {
  menuLocale = locale;
  installAppMenu(locale, { devTools, actions: { 'show-logs': () => void shell.openPath(appLog.folder()), 'check-for-updates': () => autoUpdate?.checkNow() } });
}

async function initialMenuLocale(current: ServicesWatchdog): Promise<MenuLocale> {
  const system = app.getPreferredSystemLanguages()[0] ?? app.getLocale();
  try {
    const settings = envelopeValue(await current.call('settings.get', {})) as OperationResult<'settings.get'>;
    return menuLocaleFor(settings.locale === 'system' ? system : settings.locale);
  } catch {
    return menuLocaleFor(system);
  }
}

async function openMainWindow(): Promise<void> {
  mainWindow = await createMainWindow({ preloadPath: paths.preloadPath, stateFile: join(app.getPath('userData'), 'window-state.json'), devTools });
  attachContextMenu(mainWindow.webContents, () => menuLocale);
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

async function start(): Promise<void> {
  await app.whenReady();
  const ses = session.defaultSession;
  // Everything is denied except the clipboard write behind "Copy link" (see permission-policy.ts).
  ses.setPermissionRequestHandler((contents, permission, callback) => callback(isPermissionAllowed(permission, contents.getURL())));
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) => isPermissionAllowed(permission, requestingOrigin));
  if (process.platform !== 'darwin') {
    const languages = spellCheckerLanguages(app.getPreferredSystemLanguages(), ses.availableSpellCheckerLanguages);
    if (languages.length > 0) ses.setSpellCheckerLanguages(languages);
  }

  const systemLocale = app.getPreferredSystemLanguages()[0] ?? app.getLocale();
  // Publishing passwords and signing keys: encrypted with the OS keychain, never in settings.
  // safeStorage exists only in main, so the services process asks for each secret here.
  const secrets = createSafeStorageSecrets(join(app.getPath('userData'), 'secrets.bin'));
  const current = new ServicesWatchdog({
    logger: appLog.logger,
    spawn: () => forkUtilityServices(paths.servicesPath),
    start: {
      dataDir: paths.dataDir,
      transport: 'ipc',
      version: app.getVersion(),
      systemLocale,
      documentsDir: app.getPath('documents'),
      secretsBackend: secrets.backend(),
    },
    parentDispatch: createSecretsDispatch(secrets),
  });
  await current.start();
  services = current;
  const transport = remoteServices(current, paths.dataDir);
  handleAppProtocol({ rendererDir: paths.rendererDir, mediaFilePath: transport.mediaFilePath, thumbnailFilePath: transport.thumbnailFilePath });
  registerIpc({
    invoke: (name, input) => current.call(name, input),
    isOurWindow: (contents) => mainWindow !== null && !mainWindow.isDestroyed() && contents === mainWindow.webContents,
    onMenuLocale: setMenuLocale,
    onFlushed: (contents, ok) => {
      if (mainWindow === null || mainWindow.isDestroyed() || contents !== mainWindow.webContents) return;
      reportFlushed(mainWindow, ok);
      autoUpdate?.onFlushed(ok);
    },
  });
  forwardServicesEvents(current, () => (mainWindow !== null && !mainWindow.isDestroyed() ? mainWindow.webContents : null));
  setMenuLocale(await initialMenuLocale(current));
  app.setAboutPanelOptions({ applicationName: 'Dateline', applicationVersion: app.getVersion() });
  await openMainWindow();
  const liveWindow = () => (mainWindow !== null && !mainWindow.isDestroyed() ? mainWindow : null);
  autoUpdate = startAutoUpdate({
    logger: appLog.logger,
    locale: () => menuLocale,
    window: liveWindow,
    requestFlush: () => {
      const window = liveWindow();
      if (window !== null) sendMenuCommand(window, 'app.flush');
      return window !== null;
    },
  });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('web-contents-created', (_event, contents) => lockDownContents(contents));
  app.on('second-instance', () => {
    if (mainWindow === null) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (mainWindow === null && services !== null) void openMainWindow();
  });
  let servicesClosed = false;
  app.on('will-quit', (event) => {
    if (servicesClosed || services === null) return;
    // Let the services finish writing before the process exits.
    event.preventDefault();
    services
      .close()
      .catch((error: unknown) => appLog.logger.error('The services did not close cleanly:', error))
      .finally(() => {
        servicesClosed = true;
        app.quit();
      });
  });
  start().catch((error: unknown) => {
    appLog.logger.error('Dateline could not start:', error);
    dialog.showErrorBox('Dateline could not start', error instanceof Error ? error.message : String(error));
    app.exit(1);
  });
}
