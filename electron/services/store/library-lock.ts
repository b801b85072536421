// Runs in: services. One process per library: a second Dateline (the desktop app and
// `npm run serve`, say) on the same folder would overwrite the first one's saves and run its
// publishing jobs twice. The lock records the owner's pid and host; a lock whose process is gone
// (a crash, a kill) is taken over.
import { hostname } from 'node:os';
import { open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../../common/app-error';
import { errnoCode, fsAppError } from './fs-app-error';

export const LIBRARY_LOCK_FILE = 'library.lock';

interface LockOwner {
  pid: number;
  host: string;
  since: string;
  /** The process supervising the owner (the loopback host or Electron main), when there is one. */
  parentPid?: number;
}

/** How long an orphaned services process (its supervisor was killed) gets to notice and exit. */
const ORPHAN_EXIT_WAIT_MS = 10_000;
const ORPHAN_POLL_MS = 50;

export interface LibraryLock {
  release(): Promise<void>;
}

export async function acquireLibraryLock(root: string, isAlive: (pid: number) => boolean = processIsAlive, parentPid?: number): Promise<LibraryLock> {
  const path = join(root, LIBRARY_LOCK_FILE);
  const me: LockOwner = { pid: process.pid, host: hostname(), since: new Date().toISOString(), ...(parentPid === undefined ? {} : { parentPid }) };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(JSON.stringify(me));
      await handle.sync();
      await handle.close();
      return { release: () => releaseIfOurs(path, me) };
    } catch (error) {
      if (errnoCode(error) !== 'EEXIST') throw fsAppError(error, path, 'lock the library');
    }
    const owner = await readOwner(path);
    // A services process whose supervisor was killed exits as soon as it notices: wait for that.
    if (owner && owner.host === me.host && owner.parentPid !== undefined && owner.pid !== me.pid && isAlive(owner.pid) && !isAlive(owner.parentPid)) {
      await waitForExit(owner.pid, isAlive);
    }
    if (owner && owner.host === me.host && owner.pid !== me.pid && isAlive(owner.pid)) {
      throw new AppError(
        'conflict',
        `This library (${root}) is already open in another Dateline (process ${owner.pid}, since ${owner.since}). Close that window or \`npm run serve\` first, or start this one with another DATELINE_DATA_DIR.`,
        { kind: 'library-open-elsewhere', pid: owner.pid },
      );
    }
    if (owner && owner.host !== me.host) {
      throw new AppError(
        'conflict',
        `This library (${root}) is open on the computer "${owner.host}" (since ${owner.since}). Close Dateline there first; if that computer crashed, delete ${path}.`,
        { kind: 'library-open-on-host', host: owner.host },
      );
    }
    // Our own stale lock, a dead process's, or an unreadable one: take it over.
    await rm(path, { force: true });
  }
  throw new AppError('conflict', `Could not lock the library ${root}: another process keeps taking it.`, { kind: 'library-lock-contended' });
}

async function readOwner(path: string): Promise<LockOwner | null> {
  try {
    const parsed = JSON.parse(await readFile(path, 'utf8')) as Partial<LockOwner>;
    if (typeof parsed.pid !== 'number' || typeof parsed.host !== 'string') return null;
    return { pid: parsed.pid, host: parsed.host, since: String(parsed.since ?? ''), ...(typeof parsed.parentPid === 'number' ? { parentPid: parsed.parentPid } : {}) };
  } catch {
    return null;
  }
}

async function releaseIfOurs(path: string, me: LockOwner): Promise<void> {
  const owner = await readOwner(path);
  if (owner && owner.pid === me.pid && owner.host === me.host) await rm(path, { force: true });
}

async function waitForExit(pid: number, isAlive: (pid: number) => boolean): Promise<void> {
  const deadline = Date.now() + ORPHAN_EXIT_WAIT_MS;
  while (isAlive(pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, ORPHAN_POLL_MS));
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errnoCode(error) === 'EPERM';
  }
}
