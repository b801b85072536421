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
}

export interface LibraryLock {
  release(): Promise<void>;
}

export async function acquireLibraryLock(root: string, isAlive: (pid: number) => boolean = processIsAlive): Promise<LibraryLock> {
  const path = join(root, LIBRARY_LOCK_FILE);
  const me: LockOwner = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
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
    if (owner && owner.host === me.host && owner.pid !== me.pid && isAlive(owner.pid)) {
      throw new AppError(
        'conflict',
        `This library (${root}) is already open in another Dateline (process ${owner.pid}, since ${owner.since}). Close that window or \`npm run serve\` first, or start this one with another DATELINE_DATA_DIR.`,
        { lockFile: path, owner },
      );
    }
    if (owner && owner.host !== me.host) {
      throw new AppError(
        'conflict',
        `This library (${root}) is open on the computer "${owner.host}" (since ${owner.since}). Close Dateline there first; if that computer crashed, delete ${path}.`,
        { lockFile: path, owner },
      );
    }
    // Our own stale lock, a dead process's, or an unreadable one: take it over.
    await rm(path, { force: true });
  }
  throw new AppError('conflict', `Could not lock the library ${root}: another process keeps taking it.`, { lockFile: path });
}

async function readOwner(path: string): Promise<LockOwner | null> {
  try {
    const parsed = JSON.parse(await readFile(path, 'utf8')) as Partial<LockOwner>;
    return typeof parsed.pid === 'number' && typeof parsed.host === 'string' ? { pid: parsed.pid, host: parsed.host, since: String(parsed.since ?? '') } : null;
  } catch {
    return null;
  }
}

async function releaseIfOurs(path: string, me: LockOwner): Promise<void> {
  const owner = await readOwner(path);
  if (owner && owner.pid === me.pid && owner.host === me.host) await rm(path, { force: true });
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errnoCode(error) === 'EPERM';
  }
}
