// Runs in: test processes. A throwaway Redis 7 (Debian's redis-server) on a free 127.0.0.1 port,
// no persistence, its folder in a temp dir; `stop()` removes every trace. Throws (never skips)
// when redis-server is missing.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort } from '../../integration/support/free-port';
import { startOrphanReaper } from '../../integration/support/orphan-reaper';
import { groupRssBytes, spawnGroup, stopGroup } from '../../integration/support/process-group';
import { redisServerPath } from './server-parts';
import { waitForOutput } from './wait-for-output';

export interface PrivateRedis {
  /** redis://127.0.0.1:PORT */
  url: string;
  port: number;
  pid: number;
  rssBytes(): number;
  stop(): Promise<void>;
}

export async function startRedis(options: { readyTimeoutMs?: number } = {}): Promise<PrivateRedis> {
  const binary = redisServerPath();
  if (!binary) throw new Error('Redis 7 is missing (no redis-server). Install: apt-get install -y redis-server');
  const root = await mkdtemp(join(tmpdir(), 'dateline-redis-'));
  const reaper = startOrphanReaper(root);
  let pid: number | null = null;
  const cleanUp = async () => {
    if (pid !== null) await stopGroup(pid, 10_000);
    reaper.dismiss();
    await rm(root, { recursive: true, force: true });
  };
  try {
    for (let attempt = 1; ; attempt++) {
      const port = await findFreePort();
      const server = spawnGroup(binary, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', root, '--daemonize', 'no', '--protected-mode', 'yes'], { cwd: root });
      pid = server.pid;
      reaper.watchGroups([server.pid]);
      try {
        await waitForOutput(server, /Ready to accept connections/, options.readyTimeoutMs ?? 30_000, 'Redis');
        const running = server.pid;
        return { url: `redis://127.0.0.1:${port}`, port, pid: running, rssBytes: () => groupRssBytes(running), stop: cleanUp };
      } catch (error) {
        await stopGroup(server.pid, 5_000);
        pid = null;
        if (attempt >= 4 || !/Address already in use/i.test(server.output())) throw error;
      }
    }
  } catch (error) {
    await cleanUp();
    throw error;
  }
}
