// Runs in: services and host (plain Node). A Logger that appends to <dir>/dateline.log and, when the
// next line would take it past maxBytes, renames it to dateline.1.log (shifting older ones up to
// `keep`) and starts a new one. Writing a log line never throws: a failure goes to `echo` instead.
import { appendFileSync, existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { formatLogLine } from './format-log-line';
import { consoleLogger, type Logger, type LogLevel } from './logger';

export interface RotatingFileLoggerOptions {
  dir: string;
  /** @default 'dateline' (dateline.log, dateline.1.log, …) */
  baseName?: string;
  /** @default 1 MiB */
  maxBytes?: number;
  /** Rotated files kept beside the current one. @default 3 */
  keep?: number;
  /** Also shown here (a terminal), or null for the file only. @default consoleLogger */
  echo?: Logger | null;
  now?: () => Date;
}

export interface RotatingFileLogger extends Logger {
  /** The file being written now. */
  readonly file: string;
  readonly dir: string;
}

export function createRotatingFileLogger(options: RotatingFileLoggerOptions): RotatingFileLogger {
  const baseName = options.baseName ?? 'dateline';
  const maxBytes = options.maxBytes ?? 1024 * 1024;
  const keep = Math.max(1, options.keep ?? 3);
  const echo = options.echo === undefined ? consoleLogger : options.echo;
  const now = options.now ?? (() => new Date());
  const file = join(options.dir, `${baseName}.log`);
  const rotated = (n: number) => join(options.dir, `${baseName}.${n}.log`);
  let size: number | null = null;

  const rotate = () => {
    for (let n = keep - 1; n >= 1; n--) {
      if (existsSync(rotated(n))) renameSync(rotated(n), rotated(n + 1));
    }
    renameSync(file, rotated(1));
    size = 0;
  };

  const write = (level: LogLevel, message: string, detail?: unknown) => {
    echo?.[level](message, detail);
    const line = formatLogLine(now(), level, message, detail);
    const bytes = Buffer.byteLength(line);
    try {
      if (size === null) {
        mkdirSync(options.dir, { recursive: true });
        size = existsSync(file) ? statSync(file).size : 0;
      }
      if (size > 0 && size + bytes > maxBytes) rotate();
      appendFileSync(file, line, { mode: 0o600 });
      size += bytes;
    } catch (error) {
      size = null;
      (echo ?? consoleLogger).error(`Could not write to the log file ${file}:`, error);
    }
  };

  return {
    file,
    dir: options.dir,
    info: (message, detail) => write('info', message, detail),
    warn: (message, detail) => write('warn', message, detail),
    error: (message, detail) => write('error', message, detail),
  };
}
