// Runs in: main (Electron). The thin shell: lifecycle, security policy, protocol, IPC, menus and the
// window. The services run in their own utilityProcess under a watchdog; main forwards calls to them.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, session, shell, type WebContents } from 'electron';
import type { OperationResult } from '../../common/contract';
import { envelopeValue } from '../../common/rpc/envelope-value';
import { libraryRootOf } from '../services/media/library-media-path';
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
import { printProofToPdf, PROOF_PDF_OPTIONS } from './print-proof-to-pdf';
import { revealCheckedPath } from './reveal-checked-path';
import { withSaveDialog, type SaveDialogPort } from './export-save-dialog';
import { spellCheckerLanguages } from './spellcheck-languages';
import { isAppUrl } from './trusted-sender';
import { forkUtilityServices } from './utility-services-child';
import { deepLinkToString, type DeepLink } from '../../common/desktop/deep-link';
import { OPEN_LINK_CHANNEL } from '../transport/ipc-channels';
import { attachCrashRecovery } from './crash-recovery';
import { deepLinkOfSecondInstance, listenForDeepLinks } from './deep-link-intake';
import { showOsNotification } from './os-notifications';
import { createRecentDocuments, type RecentDocuments } from './recent-documents';
import { articleIdFromRecentPath } from './recent-articles';
import { parseDeepLink } from '../../common/desktop/deep-link';
import { startAutoUpdate, type AutoUpdate } from './update/auto-update';

const paths = appPaths({ appPath: app.getAppPath(), env: process.env });
if (paths.userDataDir !== null) app.setPath('userData', paths.userDataDir);
const devTools = !app.isPackaged;
const appLog = startAppLog();

let services: ServicesWatchdog | null = null;
let mainWindow: BrowserWindow | null = null;
let menuLocale: MenuLocale = 'en';
let autoUpdate: AutoUpdate | null = null;
let recentDocuments: RecentDocuments | null = null;
/** A deep link waiting for the page: it is sent once the page reports in (its first open-article report). */
let pendingLink: DeepLink | null = null;
let pageReady = false;
/** Where recent documents live, once known (macOS open-file). */
let openFileLibraryRoot: string | null = null;

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
  installAppMenu(locale, {
    devTools,
    recent: recentDocuments?.list() ?? [],
    actions: {
      'show-logs': () => void shell.openPath(appLog.folder()),
      'check-for-updates': () => autoUpdate?.checkNow(),
      'clear-recent': () => recentDocuments?.clear(),
      openLink: (raw) => {
        const link = parseDeepLink(raw);
        if (link !== null) openLink(link);
      },
    },
  });
}

function bringWindowForward(): void {
  if (mainWindow === null || mainWindow.isDestroyed()) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

/** Opens a deep link in the window now, or as soon as the page is ready for it. */
function openLink(link: DeepLink): void {
  pendingLink = link;
  bringWindowForward();
  if (!pageReady || mainWindow === null || mainWindow.isDestroyed() || pendingLink === null) return;
  mainWindow.webContents.send(OPEN_LINK_CHANNEL, deepLinkToString(pendingLink));
  pendingLink = null;
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
  attachCrashRecovery(mainWindow, { locale: () => menuLocale, logger: appLog.logger });
  // A page that is (re)loading is not ready for links until it reports in again.
  mainWindow.webContents.on('did-start-loading', () => {
    pageReady = false;
  });
  mainWindow.on('closed', () => {
    mainWindow = null;
    pageReady = false;
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
  const libraryRoot = libraryRootOf(paths.dataDir);
  recentDocuments = await createRecentDocuments({
    filePath: join(app.getPath('userData'), 'recent-articles.json'),
    libraryRoot,
    onChange: () => setMenuLocale(menuLocale),
    onError: (error) => appLog.logger.warn('Could not remember the recent stories:', error),
  });
  const recent = recentDocuments;
  current.onServicesEvent((event) => recent.onServicesEvent(event));
  openFileLibraryRoot = libraryRoot;
  const saveDialog: SaveDialogPort = {
    documentsDir: app.getPath('documents'),
    choose: async (defaultPath) => {
      const options = { defaultPath, properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const] };
      const result = mainWindow !== null && !mainWindow.isDestroyed() ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
  };
  const transport = remoteServices(current, paths.dataDir);
  handleAppProtocol({ rendererDir: paths.rendererDir, mediaFilePath: transport.mediaFilePath, thumbnailFilePath: transport.thumbnailFilePath, services: transport });
  registerIpc({
    invoke: async (name, input) =>
      revealCheckedPath(
        name,
        await withSaveDialog(name, input, saveDialog, (checked) => current.call(name, checked)),
        (path) => shell.showItemInFolder(path),
      ),
    isOurWindow: (contents) => mainWindow !== null && !mainWindow.isDestroyed() && contents === mainWindow.webContents,
    onMenuLocale: setMenuLocale,
    onPrintProof: async (contents, suggestedName) => {
      const saved = await printProofToPdf(
        {
          documentsDir: saveDialog.documentsDir,
          choose: saveDialog.choose,
          printToPdf: async () => contents.printToPDF(PROOF_PDF_OPTIONS),
          write: (path, bytes) => writeFile(path, bytes),
        },
        suggestedName,
      );
      if (saved !== null) shell.showItemInFolder(saved);
    },
    onFlushed: (contents, ok) => {
      if (mainWindow === null || mainWindow.isDestroyed() || contents !== mainWindow.webContents) return;
      reportFlushed(mainWindow, ok);
      autoUpdate?.onFlushed(ok);
    },
    onOpenArticle: (report) => {
      recent.onOpenArticle(report);
      pageReady = true;
      if (pendingLink !== null) openLink(pendingLink);
    },
    onNotify: (request) =>
      showOsNotification(request, (raw) => {
        const link = raw === null ? null : parseDeepLink(raw);
        if (link !== null) openLink(link);
        else bringWindowForward();
      }),
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
  listenForDeepLinks({
    logger: appLog.logger,
    onLink: openLink,
    onOpenFile: (path) => {
      const id = openFileLibraryRoot === null ? null : articleIdFromRecentPath(openFileLibraryRoot, path);
      if (id !== null) openLink({ kind: 'article', articleId: id });
      else appLog.logger.warn('Ignored a file that is not a Dateline story.');
    },
  });
  app.on('second-instance', (_event, argv) => {
    const link = deepLinkOfSecondInstance(argv, appLog.logger);
    if (link !== null) openLink(link);
    else bringWindowForward();
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
