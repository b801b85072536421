// Runs in: Node (`npm start`). Checks Node and the Electron runtime BEFORE building, downloads the
// runtime if it can, builds, and launches the app; or says in one paragraph why it cannot and
// offers the browser mode. Decisions and messages: scripts/electron-runtime.mjs.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decideStart, downloadFailedMessage } from './electron-runtime.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = join(root, 'node_modules', 'electron');

/** The binary's path without require('electron'), which would download it with a stack trace on failure. */
function electronBinary() {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

function stop(message) {
  console.error(`\n${message}\n`);
  process.exit(1);
}

if (!existsSync(join(electronDir, 'install.js'))) stop('Dateline\'s desktop app cannot start: the electron package is not installed. Run `npm install` first.');

const decision = decideStart({ nodeVersion: process.version, binaryPresent: electronBinary() !== null });
if (decision.action === 'stop') stop(decision.message);
if (decision.action === 'download') {
  console.log('Downloading the Electron runtime (once, about 100 MB)...');
  const download = spawnSync(process.execPath, [join(electronDir, 'install.js')], { cwd: electronDir, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (download.status !== 0 || electronBinary() === null) stop(downloadFailedMessage(`${download.stdout ?? ''}\n${download.stderr ?? ''}\n${download.error?.message ?? ''}`));
}

const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
if (build.status !== 0) process.exit(build.status ?? 1);

const child = spawn(electronBinary(), [root, ...process.argv.slice(2)], { stdio: 'inherit', env: { ...process.env, ELECTRON_RUN_AS_NODE: undefined } });
const forward = (signal) => () => {
  if (!child.killed) child.kill(signal);
};
process.on('SIGINT', forward('SIGINT'));
process.on('SIGTERM', forward('SIGTERM'));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
