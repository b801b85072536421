// Runs in: vitest (node). The log file of `npm run serve` (and of the services): errors land in it
// with their stack, it rotates by size and keeps a bounded number of old files.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_LOG_LINE_CHARS } from './format-log-line';
import type { Logger } from './logger';
import { createRotatingFileLogger } from './rotating-file-logger';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dateline-logs-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const at = () => new Date('2026-12-06T09:30:00.000Z');
const recorder = () => {
  const seen: { level: string; message: string; detail: unknown }[] = [];
  const logger: Logger = {
    info: (message, detail) => seen.push({ level: 'info', message, detail }),
    warn: (message, detail) => seen.push({ level: 'warn', message, detail }),
    error: (message, detail) => seen.push({ level: 'error', message, detail }),
  };
  return { seen, logger };
};

describe('the rotating log file', () => {
  it('records an error with its time, level, message and stack, in a logs folder it creates', () => {
    const logs = join(dir, 'data', 'logs');
    const log = createRotatingFileLogger({ dir: logs, echo: null, now: at });
    const failure = new Error('connect ECONNREFUSED 127.0.0.1:8080', { cause: new Error('socket closed') });
    log.error('[outbox] job job01 could not be recorded:', failure);
    log.warn('[targets] targets.json could not be read');
    const text = readFileSync(join(logs, 'dateline.log'), 'utf8');
    expect(text).toContain('[2026-12-06T09:30:00.000Z] [error] [outbox] job job01 could not be recorded: Error: connect ECONNREFUSED 127.0.0.1:8080\n    at ');
    expect(text).toContain('caused by: Error: socket closed');
    expect(text).toContain('[2026-12-06T09:30:00.000Z] [warn] [targets] targets.json could not be read\n');
  });

  it('also shows each line on the echo logger (the terminal of npm run serve)', () => {
    const { seen, logger } = recorder();
    const log = createRotatingFileLogger({ dir, echo: logger, now: at });
    const failure = new Error('boom');
    log.error('Dateline did not shut down cleanly:', failure);
    expect(seen).toEqual([{ level: 'error', message: 'Dateline did not shut down cleanly:', detail: failure }]);
  });

  it('rotates by size and keeps only `keep` old files, newest lines in dateline.log', () => {
    const log = createRotatingFileLogger({ dir, echo: null, now: at, maxBytes: 200, keep: 2 });
    for (let i = 0; i < 30; i++) log.info(`line ${String(i).padStart(2, '0')} ${'x'.repeat(30)}`);
    expect(readdirSync(dir).sort()).toEqual(['dateline.1.log', 'dateline.2.log', 'dateline.log']);
    for (const name of readdirSync(dir)) expect(statSync(join(dir, name)).size).toBeLessThanOrEqual(200);
    const current = readFileSync(join(dir, 'dateline.log'), 'utf8');
    const previous = readFileSync(join(dir, 'dateline.1.log'), 'utf8');
    const older = readFileSync(join(dir, 'dateline.2.log'), 'utf8');
    expect(current).toContain('line 29');
    expect(current.indexOf('line 0')).toBe(-1);
    // Each file continues where the one before it stopped; the first lines were dropped.
    const numbers = (text: string) => [...text.matchAll(/line (\d\d)/g)].map((m) => Number(m[1]));
    const all = [...numbers(older), ...numbers(previous), ...numbers(current)];
    expect(all).toEqual(Array.from({ length: all.length }, (_, k) => 30 - all.length + k));
    expect(all.length).toBeLessThan(30);
  });

  it('continues an existing file after a restart and rotates it when it is full', () => {
    writeFileSync(join(dir, 'dateline.log'), 'y'.repeat(190));
    const log = createRotatingFileLogger({ dir, echo: null, now: at, maxBytes: 200 });
    log.info('after restart');
    expect(readFileSync(join(dir, 'dateline.1.log'), 'utf8')).toBe('y'.repeat(190));
    expect(readFileSync(join(dir, 'dateline.log'), 'utf8')).toBe('[2026-12-06T09:30:00.000Z] [info] after restart\n');
  });

  it('bounds one line, however large the detail from outside', () => {
    const log = createRotatingFileLogger({ dir, echo: null, now: at });
    log.warn('[publish] the site answered:', 'z'.repeat(MAX_LOG_LINE_CHARS * 3));
    const text = readFileSync(join(dir, 'dateline.log'), 'utf8');
    expect(text.length).toBeLessThan(MAX_LOG_LINE_CHARS + 200);
    expect(text).toMatch(/… \(\d+ more characters\)\n$/);
  });

  it('never throws when the file cannot be written, and says so on the echo logger', () => {
    const blocker = join(dir, 'not-a-folder');
    writeFileSync(blocker, '');
    const { seen, logger } = recorder();
    const log = createRotatingFileLogger({ dir: blocker, echo: logger, now: at });
    expect(() => log.error('something failed')).not.toThrow();
    expect(seen.map((entry) => entry.message)).toEqual(['something failed', `Could not write to the log file ${join(blocker, 'dateline.log')}:`]);
  });
});
