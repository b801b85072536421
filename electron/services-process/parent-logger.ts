// Runs in: the services process (plain Node). A Logger that hands each line to the parent, which
// writes the app's one log file (electron-log in main, <data>/logs under the loopback host):
// two processes never rotate the same file.
import { inspect } from 'node:util';
import { MAX_LOG_LINE_CHARS } from '../services/log/format-log-line';
import type { Logger, LogLevel } from '../services/log/logger';
import type { ServicesControlMessage } from './services-process-protocol';

function describe(detail: unknown): string {
  if (detail instanceof Error) return detail.stack ?? `${detail.name}: ${detail.message}`;
  if (typeof detail === 'string') return detail;
  return inspect(detail, { depth: 4, breakLength: Infinity, maxStringLength: MAX_LOG_LINE_CHARS });
}

export function createParentLogger(send: (message: ServicesControlMessage) => void): Logger {
  const write = (level: LogLevel) => (message: string, detail?: unknown) => {
    const line: ServicesControlMessage = { kind: 'services-log', level, message: message.slice(0, MAX_LOG_LINE_CHARS) };
    if (detail !== undefined) line.detail = describe(detail).slice(0, MAX_LOG_LINE_CHARS);
    try {
      send(line);
    } catch {
      // The parent is gone; this process is about to stop.
    }
  };
  return { info: write('info'), warn: write('warn'), error: write('error') };
}
