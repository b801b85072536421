// Runs in: test processes. A throwaway MariaDB for one test WordPress: its own datadir and socket
// in a temp folder, no TCP (--skip-networking), started in its own session so it can be stopped
// as a group and never outlives the test run.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { groupRssBytes, spawnGroup, stopGroup } from './process-group';
import { WordPressFixtureError } from './wordpress-fixture-error';
import type { WordPressTools } from './wordpress-prerequisites';

const run = promisify(execFile);

export interface PrivateMariaDb {
  socket: string;
  pid: number;
  database: string;
  user: string;
  password: string;
  rssBytes(): number;
  stop(): Promise<void>;
}

interface DbIdentity {
  /** OS user mariadbd runs as. */
  osUser: string;
  /** DB account with unix_socket auth that matches the OS user running this test process. */
  adminUser: string;
}

function identity(): DbIdentity {
  const me = userInfo().username;
  // As root, MariaDB drops to the mysql user, and root@localhost authenticates by socket.
  return process.getuid?.() === 0 ? { osUser: 'mysql', adminUser: 'root' } : { osUser: me, adminUser: me };
}

function chownToOsUser(dir: string, osUser: string): void {
  if (process.getuid?.() !== 0) return;
  const { uid, gid } = lookupUser(osUser);
  chownSync(dir, uid, gid);
}

function lookupUser(name: string): { uid: number; gid: number } {
  for (const line of readPasswd()) {
    const [user, , uid, gid] = line.split(':');
    if (user === name) return { uid: Number(uid), gid: Number(gid) };
  }
  throw new WordPressFixtureError(`Cannot start MariaDB: there is no "${name}" OS user. Reinstall the mariadb-server package, which creates it.`);
}

function readPasswd(): string[] {
  return existsSync('/etc/passwd') ? readFileSync('/etc/passwd', 'utf8').split('\n') : [];
}

async function waitForSocket(tools: WordPressTools, socket: string, adminUser: string, isAlive: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError = '';
  while (Date.now() < deadline) {
    if (!isAlive()) throw new Error('mariadbd exited during startup');
    if (existsSync(socket)) {
      try {
        await run(tools.mariadb, ['--no-defaults', `--socket=${socket}`, '-u', adminUser, '-e', 'SELECT 1'], { timeout: 10_000 });
        return;
      } catch (error) {
        lastError = error instanceof Error ? error.message : String(error);
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`MariaDB did not accept connections within ${timeoutMs / 1000} s. ${lastError}`);
}

/** Initialises a datadir under `dir` and starts mariadbd on a socket there; creates one database and account. */
export async function startPrivateMariaDb(tools: WordPressTools, dir: string, options: { readyTimeoutMs?: number } = {}): Promise<PrivateMariaDb> {
  const { osUser, adminUser } = identity();
  const dataDir = join(dir, 'data');
  const runDir = join(dir, 'run');
  mkdirSync(dataDir, { recursive: true });
  mkdirSync(runDir, { recursive: true });
  // The socket's folder must belong to the user mariadbd runs as, or the socket cannot be created.
  for (const folder of [dir, dataDir, runDir]) chownToOsUser(folder, osUser);
  const socket = join(runDir, 'mariadb.sock');
  const errorLog = join(dir, 'mariadb-error.log');

  try {
    await run(
      tools.mariadbInstallDb,
      [
        '--no-defaults',
        `--user=${osUser}`,
        `--datadir=${dataDir}`,
        '--auth-root-authentication-method=socket',
        `--auth-root-socket-user=${adminUser}`,
        '--skip-test-db',
        '--innodb-log-file-size=8M',
      ],
      { timeout: 120_000 },
    );
  } catch (error) {
    const output = error instanceof Error ? error.message : String(error);
    throw new WordPressFixtureError(`Cannot start the test WordPress: mariadb-install-db failed to initialise ${dataDir}.`, output);
  }

  const server = spawnGroup(tools.mariadbd, [
    '--no-defaults',
    `--user=${osUser}`,
    `--datadir=${dataDir}`,
    `--socket=${socket}`,
    `--pid-file=${join(runDir, 'mariadb.pid')}`,
    `--log-error=${errorLog}`,
    '--skip-networking',
    '--character-set-server=utf8mb4',
    '--collation-server=utf8mb4_unicode_ci',
    '--innodb-buffer-pool-size=32M',
    '--innodb-log-file-size=8M',
    // Test data needs no fsync per commit; this keeps the noisy shared machine fast.
    '--innodb-flush-log-at-trx-commit=2',
  ]);
  let exited = false;
  void server.exited.then(() => {
    exited = true;
  });
  const stop = () => stopGroup(server.pid, 20_000);

  const database = 'wordpress';
  const user = 'wordpress';
  const password = randomBytes(18).toString('base64url');
  try {
    await waitForSocket(tools, socket, adminUser, () => !exited, options.readyTimeoutMs ?? 60_000);
    const sql = [
      `CREATE DATABASE ${database} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
      `CREATE USER '${user}'@'localhost' IDENTIFIED BY '${password}'`,
      `GRANT ALL PRIVILEGES ON ${database}.* TO '${user}'@'localhost'`,
    ].join(';');
    await run(tools.mariadb, ['--no-defaults', `--socket=${socket}`, '-u', adminUser, '-e', sql], { timeout: 30_000 });
  } catch (error) {
    await stop();
    const log = existsSync(errorLog) ? readFileSync(errorLog, 'utf8').slice(-4000) : server.output();
    throw new WordPressFixtureError(
      `Cannot start the test WordPress: the private MariaDB in ${dir} did not come up (${error instanceof Error ? error.message : String(error)}).`,
      log,
    );
  }
  return { socket, pid: server.pid, database, user, password, rssBytes: () => groupRssBytes(server.pid), stop };
}
