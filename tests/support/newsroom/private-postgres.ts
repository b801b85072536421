// Runs in: test processes. A throwaway PostgreSQL 15 (Debian's binaries): initdb in a temp folder,
// `postgres` on a free 127.0.0.1 port with its socket in the folder, fsync off. PostgreSQL refuses
// to run as root, so as root it runs as the `postgres` user (or `nobody`) in a folder that user owns,
// as the WordPress fixture runs MariaDB. `stop()` removes every trace; throws (never skips) when
// the binaries are missing.
import { execFile } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { findFreePort } from '../../integration/support/free-port';
import { startOrphanReaper } from '../../integration/support/orphan-reaper';
import { groupRssBytes, spawnGroup, stopGroup, type GroupProcess } from '../../integration/support/process-group';
import { postgresTools } from './server-parts';
import { waitForOutput } from './wait-for-output';

const run = promisify(execFile);

export interface PrivatePostgres {
  /** postgres://dateline@127.0.0.1:PORT/dateline */
  url: string;
  port: number;
  pid: number;
  rssBytes(): number;
  /** Stops PostgreSQL (a fast shutdown, which drops every connection) and starts it again on the same port and data. */
  restart(): Promise<void>;
  /** SIGKILLs nothing: a fast shutdown, then the folder is removed. */
  stop(): Promise<void>;
}

function lookupUser(name: string): { uid: number; gid: number } | null {
  if (!existsSync('/etc/passwd')) return null;
  for (const line of readFileSync('/etc/passwd', 'utf8').split('\n')) {
    const [user, , uid, gid] = line.split(':');
    if (user === name) return { uid: Number(uid), gid: Number(gid) };
  }
  return null;
}

/** Who postgres runs as: this process, or (as root) the postgres user, else nobody. */
function runAs(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const user = lookupUser('postgres') ?? lookupUser('nobody');
  if (!user) throw new Error('Cannot start PostgreSQL as root, and there is neither a postgres nor a nobody user to run it as.');
  return user;
}

export async function startPostgres(options: { readyTimeoutMs?: number } = {}): Promise<PrivatePostgres> {
  const tools = postgresTools();
  if (tools.missing.length > 0) throw new Error(`PostgreSQL 15 is missing (${tools.missing.join(', ')}). Install: apt-get install -y postgresql`);
  const root = await mkdtemp(join(tmpdir(), 'dateline-pg-'));
  chmodSync(root, 0o755);
  const reaper = startOrphanReaper(root);
  const dataDir = join(root, 'data');
  const socketDir = join(root, 'run');
  mkdirSync(dataDir, { mode: 0o700 });
  mkdirSync(socketDir);
  const user = runAs();
  if (user) for (const dir of [dataDir, socketDir]) chownSync(dir, user.uid, user.gid);
  const asUser = user ? { uid: user.uid, gid: user.gid } : {};
  const env = { ...process.env, LC_ALL: 'C', HOME: root };
  let stopPid: number | null = null;
  const cleanUp = async () => {
    if (stopPid !== null) await stopGroup(stopPid, 10_000);
    reaper.dismiss();
    await rm(root, { recursive: true, force: true });
  };
  try {
    await run(tools.initdb, ['-D', dataDir, '-U', 'dateline', '--auth=trust', '--encoding=UTF8', '--no-sync'], { ...asUser, env, cwd: root, timeout: 120_000 });
    let port = await findFreePort();
    let server = null as GroupProcess | null;
    const launch = async () => {
      server = spawnGroup(
        tools.postgres,
        ['-D', dataDir, '-p', String(port), '-k', socketDir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=200'],
        { cwd: root, env, ...asUser },
      );
      stopPid = server.pid;
      reaper.watchGroups([server.pid]);
      try {
        await waitForOutput(server, /ready to accept connections/, options.readyTimeoutMs ?? 60_000, 'PostgreSQL');
      } catch (error) {
        await stopGroup(server.pid, 5_000);
        stopPid = null;
        throw error;
      }
    };
    for (let attempt = 1; ; attempt++) {
      try {
        await launch();
        break;
      } catch (error) {
        if (attempt >= 4 || !/already in use|could not bind/i.test(server?.output() ?? '')) throw error;
        port = await findFreePort();
      }
    }
    const admin = new pg.Client({ connectionString: `postgres://dateline@127.0.0.1:${port}/postgres` });
    await admin.connect();
    await admin.query('CREATE DATABASE dateline');
    await admin.end();
    const pid = stopPid!;
    const restart = async () => {
      const running = server;
      if (running) {
        // SIGINT is PostgreSQL's fast shutdown: it ends every session, as a crash or failover would.
        process.kill(running.pid, 'SIGINT');
        await running.exited;
      }
      stopPid = null;
      await launch();
    };
    return { url: `postgres://dateline@127.0.0.1:${port}/dateline`, port, get pid() { return stopPid ?? pid; }, rssBytes: () => groupRssBytes(stopPid ?? pid), restart, stop: cleanUp };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}
