// Runs in: test processes and the server benchmark. Starts `npm run server` the way a person would
// (tsx server/cli.ts in its own process group) and reads its start-up line for the URLs.
import { join } from 'node:path';
import { spawnGroup, stopGroup, type GroupProcess } from '../../integration/support/process-group';
import { waitForOutput } from './wait-for-output';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const CLI = join(ROOT, 'server', 'cli.ts');
const LISTENING = /listening on (wss?:\/\/\S+) \(API (https?:\/\/\S+)\/api/;

export interface ServerProcess {
  pid: number;
  collabUrl: string;
  url: string;
  process: GroupProcess;
  /** SIGKILL: a crash, nothing stored on the way out. */
  kill(): Promise<void>;
  /** SIGTERM: the server stores open stories and exits. */
  stop(): Promise<void>;
}

export async function startServerProcess(args: string[], options: { readyTimeoutMs?: number } = {}): Promise<ServerProcess> {
  const child = spawnGroup(TSX, [CLI, '--port', '0', ...args], { cwd: ROOT });
  try {
    await waitForOutput(child, LISTENING, options.readyTimeoutMs ?? 90_000, 'The newsroom server');
  } catch (error) {
    await stopGroup(child.pid, 5_000);
    throw error;
  }
  const match = LISTENING.exec(child.output());
  if (!match?.[1] || !match[2]) throw new Error(`No URL in the server's start-up line: ${child.output()}`);
  return {
    pid: child.pid,
    collabUrl: match[1],
    url: match[2],
    process: child,
    async kill() {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
      await child.exited;
    },
    stop: () => stopGroup(child.pid, 30_000),
  };
}

/** Runs `npm run server -- <args>` to completion (account commands); resolves with its output. */
export async function runServerCommand(args: string[]): Promise<{ code: string; output: string }> {
  const child = spawnGroup('npm', ['run', '--silent', 'server', '--', ...args], { cwd: ROOT });
  const code = await child.exited;
  return { code, output: child.output() };
}
