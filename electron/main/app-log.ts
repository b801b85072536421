// Runs in: main (Electron). The app's log file through electron-log: <userData>/logs/dateline.log
// (~/Library/Logs/Dateline on macOS), rotated to dateline.old.log at 1 MiB. Unhandled errors and
// console output in main land there too. The services get it as a plain Logger (they never import
// electron).
import { dirname } from 'node:path';
import log from 'electron-log/main';
import type { Logger } from '../services/log/logger';

const MAX_LOG_BYTES = 1024 * 1024;

export interface AppLog {
  logger: Logger;
  /** The folder holding the log files, for Help → Show Logs. */
  folder(): string;
}

export function startAppLog(): AppLog {
  log.transports.file.fileName = 'dateline.log';
  log.transports.file.maxSize = MAX_LOG_BYTES;
  log.errorHandler.startCatching({ showDialog: false });
  // What main's own modules print (e.g. the IPC dispatcher's unexpected errors) goes to the file too.
  Object.assign(console, log.functions);
  const write = (level: 'info' | 'warn' | 'error') => (message: string, detail?: unknown) => (detail === undefined ? log[level](message) : log[level](message, detail));
  return {
    logger: { info: write('info'), warn: write('warn'), error: write('error') },
    folder: () => dirname(log.transports.file.getFile().path),
  };
}
