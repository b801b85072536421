// Runs in: Playwright's Node side. Starts the real loopback host (built by `npm run build`) on a
// fresh library folder, the way `npm run serve` does, and stops it again.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface RunningHost {
  url: string;
  origin: string;
  dataDir: string;
  process: ChildProcess;
  stop(): Promise<void>;
  /** Kills the host without letting it clean up (crash simulation). */
  kill(): Promise<void>;
}

const ROOT = resolve(import.meta.dirname, '..', '..', '..');

/** How long a host may take to print its URL; a cold start of a very large library needs more. */
const DEFAULT_START_TIMEOUT_MS = 30_000;

export interface StartHostOptions {
  dataDir?: string;
  env?: Record<string, string>;
  startTimeoutMs?: number;
  /** The project folder whose build runs (its dist/host/serve.mjs); this project by default. A bench can time another build. */
  root?: string;
}

export async function startHost(options: StartHostOptions = {}): Promise<RunningHost> {
  const root = options.root ?? ROOT;
  const startTimeoutMs = options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS;
  const ownsDir = !options.dataDir;
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'dateline-e2e-')));
  const child = spawn(process.execPath, [join(root, 'dist', 'host', 'serve.mjs')], {
    cwd: root,
    env: { ...process.env, DATELINE_DATA_DIR: dataDir, PORT: '0', LANG: 'en_US.UTF-8', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const url = await new Promise<string>((resolveUrl, reject) => {
    let stdout = '';
    const timer = setTimeout(() => {
      // A host that missed its start must not go on running (and writing into the data folder) behind the caller's back.
      child.kill('SIGTERM');
      reject(new Error(`host did not start within ${startTimeoutMs / 1000} s\n${stdout}\n${stderr}`));
    }, startTimeoutMs);
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /^DATELINE_URL=(\S+)$/m.exec(stdout);
      if (match?.[1]) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`host exited with ${code}\n${stdout}\n${stderr}`));
    });
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const stopWith = async (signal: NodeJS.Signals, removeDir: boolean) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
    if (removeDir && ownsDir) await rm(dataDir, { recursive: true, force: true });
  };
  return {
    url,
    origin: new URL(url).origin,
    dataDir,
    process: child,
    stop: () => stopWith('SIGTERM', true),
    kill: () => stopWith('SIGKILL', false),
  };
}
