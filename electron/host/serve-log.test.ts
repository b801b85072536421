// Runs in: vitest (node). `npm run serve` keeps a log file in the data folder: what the services
// could not do lands there, not only on a terminal nobody reads.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { serve, type RunningServe } from './serve';

let root: string;
let running: RunningServe | null = null;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'dateline-serve-log-'));
});
afterEach(async () => {
  await running?.stop();
  running = null;
  rmSync(root, { recursive: true, force: true });
});

it('a damaged targets.json is reported in <data>/logs/dateline.log', async () => {
  const dataDir = join(root, 'data');
  const staticDir = join(root, 'static');
  mkdirSync(dataDir);
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Dateline</title>');
  writeFileSync(join(dataDir, 'targets.json'), '{"version": 1, "targets": [');
  running = await serve({ DATELINE_DATA_DIR: dataDir, DATELINE_STATIC_DIR: staticDir, PORT: '0' });
  const log = readFileSync(join(dataDir, 'logs', 'dateline.log'), 'utf8');
  expect(log).toMatch(/^\[\d{4}-\d\d-\d\dT[^\]]+\] \[warn\] \[targets\] targets\.json could not be read/m);
  expect(running.logger).toBeDefined();
});
