// Runs in: Node (`npm run dist`). Builds, then runs electron-builder (arguments are passed on). Its
// output is shown as it comes until it reports a failure (a line starting with ⨯); the rest is held,
// so a failed Electron download ends in one plain paragraph instead of a network stack trace.
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { distFailedMessage } from './electron-runtime.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const MAX_HELD = 256 * 1024;

const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
if (build.status !== 0) process.exit(build.status ?? 1);

const child = spawn('npx', ['electron-builder', ...process.argv.slice(2)], { cwd: root, stdio: ['inherit', 'pipe', 'pipe'], shell: process.platform === 'win32' });
let held = '';
let failing = false;
const pass = (stream) => (chunk) => {
  const text = chunk.toString();
  if (!failing && /(^|\n)\s*⨯/.test(text)) failing = true;
  if (failing) held = (held + text).slice(-MAX_HELD);
  else stream.write(text);
};
child.stdout.on('data', pass(process.stdout));
child.stderr.on('data', pass(process.stderr));
child.on('close', (code) => {
  if (code !== 0) {
    const message = distFailedMessage(held);
    if (message) console.error(`\n${message}\n`);
    else process.stderr.write(held);
  } else if (held) {
    process.stdout.write(held);
  }
  process.exit(code ?? 1);
});
