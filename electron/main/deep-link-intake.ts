// Runs in: main (Electron). Where dateline:// links come in: the OS protocol registration, macOS's
// open-url and open-file (recent documents), and a second instance's argv on Windows and Linux. Each
// link is parsed strictly; anything else is ignored and logged. Type-checked only: the parser is
// tested in common/desktop/deep-link.test.ts.
import { resolve } from 'node:path';
import { app } from 'electron';
import { APP_PROTOCOL } from '../../common/bridge';
import { deepLinkFromArgv, parseDeepLink, type DeepLink } from '../../common/desktop/deep-link';
import type { Logger } from '../services/log/logger';

/** Must run before the app is ready, so macOS's launch-time open-url is not missed. */
export function listenForDeepLinks(options: { logger: Logger; onLink(link: DeepLink): void; onOpenFile(path: string): void }): void {
  // In development the app runs as `electron .`: the OS must call Electron with our entry point.
  if (process.defaultApp && process.argv[1] !== undefined) app.setAsDefaultProtocolClient(APP_PROTOCOL, process.execPath, [resolve(process.argv[1])]);
  else app.setAsDefaultProtocolClient(APP_PROTOCOL);
  const take = (raw: unknown): void => {
    const link = parseDeepLink(raw);
    if (link === null) options.logger.warn(`Ignored a link that is not a Dateline link: ${JSON.stringify(String(raw).slice(0, 200))}`);
    else options.onLink(link);
  };
  app.on('open-url', (event, url) => {
    event.preventDefault();
    take(url);
  });
  app.on('open-file', (event, path) => {
    event.preventDefault();
    options.onOpenFile(path);
  });
  const atLaunch = deepLinkFromArgv(process.argv);
  if (atLaunch !== null) options.onLink(atLaunch);
}

/** The link a second instance was started with (Windows, Linux), if any. */
export function deepLinkOfSecondInstance(argv: readonly string[], logger: Logger): DeepLink | null {
  const link = deepLinkFromArgv(argv);
  if (link === null && argv.some((arg) => arg.startsWith(`${APP_PROTOCOL}:`))) logger.warn('Ignored a second instance link that is not a Dateline link.');
  return link;
}
