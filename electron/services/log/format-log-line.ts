// Runs in: services and host (plain Node). One log line: time, level, message and the detail (an
// error's stack), bounded in size because details can carry text from outside.
import { inspect } from 'node:util';
import type { LogLevel } from './logger';

export const MAX_LOG_LINE_CHARS = 16_000;

function describeDetail(detail: unknown): string {
  if (detail instanceof Error) {
    const cause = detail.cause === undefined ? '' : `\n  caused by: ${describeDetail(detail.cause)}`;
    return `${detail.stack ?? `${detail.name}: ${detail.message}`}${cause}`;
  }
  if (typeof detail === 'string') return detail;
  return inspect(detail, { depth: 4, breakLength: Infinity, maxStringLength: MAX_LOG_LINE_CHARS });
}

export function formatLogLine(time: Date, level: LogLevel, message: string, detail?: unknown): string {
  const text = detail === undefined ? message : `${message} ${describeDetail(detail)}`;
  const bounded = text.length > MAX_LOG_LINE_CHARS ? `${text.slice(0, MAX_LOG_LINE_CHARS)}… (${text.length - MAX_LOG_LINE_CHARS} more characters)` : text;
  return `[${time.toISOString()}] [${level}] ${bounded}\n`;
}
