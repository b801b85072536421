// Runs in: test processes. `startGhost()`: a real Ghost 6 on 127.0.0.1 with SQLite in a temp folder,
// set up without a browser (owner, then a custom integration whose Admin API key the tests use).
// Ghost and Node 22 come from the npm registry, installed once into a cache (install-ghost.ts); the
// database right after setup is kept as a snapshot, so later runs start from it in a few seconds.
// `site.stop()` stops Ghost and removes the folder. Throws (never skips) when something is missing.
import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort } from '../../integration/support/free-port';
import { killGroupNow, spawnGroup, stopGroup, type GroupProcess } from '../../integration/support/process-group';
import { ghostConfig, makeContentFolder } from './ghost-config';
import { GhostFixtureError } from './ghost-fixture-error';
import { withInstallLock } from './install-lock';
import { ensureGhostInstalled, type GhostInstall } from './install-ghost';
import { waitUntil } from '../wait-until';

export interface GhostOwner {
  name: string;
  email: string;
  password: string;
}

export interface GhostSite {
  /** e.g. http://127.0.0.1:41234 (no trailing slash). */
  url: string;
  /** The custom integration's Admin API key, `id:secret`. */
  adminKey: string;
  owner: GhostOwner;
  /** Ghost's content folder (uploaded images are under images/<year>/<month>/). */
  contentDir: string;
  /** How long the install took in this process (0 when the cache was ready) and Ghost's start. */
  timings: { installMs: number; startMs: number; fromSnapshot: boolean };
  stop(): Promise<void>;
}

export interface StartGhostOptions {
  /** How long Ghost may take to answer. @default 120_000 */
  readyTimeoutMs?: number;
}

interface SetupSnapshot {
  adminKey: string;
  owner: GhostOwner;
}

const OWNER: GhostOwner = { name: '王敏', email: 'wang.min@example.com', password: 'Dateline-Loopback-2026' };
const SNAPSHOT_VERSION = 1;

function snapshotDir(install: GhostInstall): string {
  return join(install.root, 'snapshots', `setup-v${SNAPSHOT_VERSION}`);
}

interface Running {
  process: GroupProcess;
  url: string;
}

async function launch(install: GhostInstall, runDir: string, readyTimeoutMs: number): Promise<Running> {
  const port = await findFreePort();
  await writeFile(join(runDir, 'config.development.json'), JSON.stringify(ghostConfig(port, runDir), null, 2));
  const url = `http://127.0.0.1:${port}`;
  const process_ = spawnGroup(install.nodeBinary, ['current/index.js'], {
    cwd: runDir,
    env: { ...process.env, NODE_ENV: 'development', PATH: `${join(install.root, 'node', 'bin')}:${process.env.PATH ?? ''}` },
  });
  const cleanup = () => killGroupNow(process_.pid);
  process.once('exit', cleanup);
  process_.exited.then(() => process.off('exit', cleanup), () => undefined);
  await waitUntilReady(url, process_, readyTimeoutMs);
  return { process: process_, url };
}

/** Ghost is ready when its setup endpoint answers 200; fails at once if Ghost exits. */
async function waitUntilReady(url: string, ghost: GroupProcess, timeoutMs: number): Promise<void> {
  let exited: string | null = null;
  void ghost.exited.then((how) => {
    exited = how;
  });
  let status = 0;
  // The condition is on another process, which announces nothing: ask it until it answers.
  const answered = async (): Promise<boolean> => {
    if (exited !== null) throw new GhostFixtureError(`Ghost exited (${exited}) before it answered at ${url}.`, ghost.output());
    status = await fetch(`${url}/ghost/api/admin/authentication/setup/`, { signal: AbortSignal.timeout(5_000) }).then(
      (r) => r.status,
      () => 0,
    );
    return status === 200;
  };
  await waitUntil(answered, `Ghost at ${url}`, timeoutMs, 200).catch((error: unknown) => {
    if (error instanceof GhostFixtureError) throw error;
    throw new GhostFixtureError(`Ghost did not answer at ${url} within ${Math.round(timeoutMs / 1000)} s (last status ${status}).`, ghost.output());
  });
}

async function setUp(url: string): Promise<SetupSnapshot> {
  const api = `${url}/ghost/api/admin`;
  const json = { 'Content-Type': 'application/json', Origin: url };
  const setup = await fetch(`${api}/authentication/setup/`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ setup: [{ name: OWNER.name, email: OWNER.email, password: OWNER.password, blogTitle: 'Dateline 测试站' }] }),
  });
  if (setup.status !== 201) throw new GhostFixtureError(`Ghost's setup answered HTTP ${setup.status}.`, await setup.text());
  const session = await fetch(`${api}/session/`, { method: 'POST', headers: json, body: JSON.stringify({ username: OWNER.email, password: OWNER.password }) });
  const cookie = (session.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).join('; ');
  if (session.status >= 300 || !cookie) throw new GhostFixtureError(`Ghost's login answered HTTP ${session.status} without a session cookie.`, await session.text());
  // A fresh session is not always usable on the very next request: wait until it is.
  const authed = { ...json, Cookie: cookie };
  let meStatus = 0;
  await waitUntil(
    async () => (meStatus = (await fetch(`${api}/users/me/`, { headers: authed })).status) === 200,
    'Ghost to accept its own new session',
    15_000,
    200,
  ).catch(() => {
    throw new GhostFixtureError(`Ghost did not accept its own new session (HTTP ${meStatus}).`, '');
  });
  const made = await fetch(`${api}/integrations/?include=api_keys`, { method: 'POST', headers: authed, body: JSON.stringify({ integrations: [{ name: 'Dateline tests' }] }) });
  const body = (await made.json()) as { integrations?: { api_keys?: { type: string; id: string; secret: string }[] }[] };
  const admin = body.integrations?.[0]?.api_keys?.find((k) => k.type === 'admin');
  if (made.status !== 201 || !admin) throw new GhostFixtureError(`Ghost did not create the integration (HTTP ${made.status}).`, JSON.stringify(body).slice(0, 2_000));
  // Ghost 6 returns the admin key's secret already as `id:secret`.
  return { adminKey: admin.secret.includes(':') ? admin.secret : `${admin.id}:${admin.secret}`, owner: OWNER };
}

async function newRunDir(install: GhostInstall): Promise<string> {
  const runDir = await mkdtemp(join(tmpdir(), 'dateline-ghost-'));
  await symlink(install.ghostDir, join(runDir, 'current'));
  await makeContentFolder(runDir, install.ghostDir);
  return runDir;
}

/** Makes the snapshot once (under a lock): a fresh Ghost, set up, stopped, its database copied aside. */
async function ensureSnapshot(install: GhostInstall, readyTimeoutMs: number): Promise<SetupSnapshot> {
  const dir = snapshotDir(install);
  const read = async (): Promise<SetupSnapshot | null> =>
    existsSync(join(dir, 'ghost.db')) ? (JSON.parse(await readFile(join(dir, 'setup.json'), 'utf8')) as SetupSnapshot) : null;
  const ready = await read();
  if (ready) return ready;
  return withInstallLock(`${dir}.lock`, 10 * 60_000, async () => {
    const again = await read();
    if (again) return again;
    const runDir = await newRunDir(install);
    try {
      const ghost = await launch(install, runDir, readyTimeoutMs);
      let setup: SetupSnapshot;
      try {
        setup = await setUp(ghost.url);
      } finally {
        await stopGroup(ghost.process.pid, 10_000);
      }
      await mkdir(dir, { recursive: true });
      await writeFile(join(dir, 'setup.json'), JSON.stringify(setup));
      // The database last: its presence says the snapshot is complete.
      await copyFile(join(runDir, 'content', 'data', 'ghost.db'), join(dir, 'ghost.db.partial'));
      await rename(join(dir, 'ghost.db.partial'), join(dir, 'ghost.db'));
      return setup;
    } finally {
      await rm(runDir, { recursive: true, force: true });
    }
  });
}

export async function startGhost(options: StartGhostOptions = {}): Promise<GhostSite> {
  const readyTimeoutMs = options.readyTimeoutMs ?? 120_000;
  const install = await ensureGhostInstalled();
  const fromSnapshot = existsSync(join(snapshotDir(install), 'ghost.db'));
  const setup = await ensureSnapshot(install, readyTimeoutMs);
  const runDir = await newRunDir(install);
  await copyFile(join(snapshotDir(install), 'ghost.db'), join(runDir, 'content', 'data', 'ghost.db'));
  const started = Date.now();
  let ghost: Running;
  try {
    ghost = await launch(install, runDir, readyTimeoutMs);
  } catch (error) {
    await rm(runDir, { recursive: true, force: true });
    throw error;
  }
  const startMs = Date.now() - started;
  return {
    url: ghost.url,
    adminKey: setup.adminKey,
    owner: setup.owner,
    contentDir: join(runDir, 'content'),
    timings: { installMs: install.installMs, startMs, fromSnapshot },
    stop: async () => {
      await stopGroup(ghost.process.pid, 10_000);
      await rm(runDir, { recursive: true, force: true });
    },
  };
}

/** A random suffix for names a test makes, so reruns against a kept snapshot never collide. */
export function uniqueSuffix(): string {
  return randomBytes(4).toString('hex');
}
