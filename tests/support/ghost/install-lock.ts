// Runs in: test processes. A lock folder (mkdir is atomic) so two test runs never install Ghost into
// the same cache at once. A lock left by a process that died is taken over.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { watch } from 'node:fs';
import { dirname } from 'node:path';
import { GhostFixtureError } from './ghost-fixture-error';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function holderPid(lockDir: string): Promise<number | undefined> {
  try {
    const pid = Number((await readFile(`${lockDir}/pid`, 'utf8')).trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Resolves when something changes in the lock's parent folder (the lock going away), or after `ms`. */
function changeInFolder(folder: string, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const watcher = watch(folder, () => finish());
    const timer = setTimeout(() => finish(), ms);
    function finish() {
      clearTimeout(timer);
      watcher.close();
      resolve();
    }
  });
}

export async function withInstallLock<T>(lockDir: string, waitLimitMs: number, work: () => Promise<T>): Promise<T> {
  await mkdir(dirname(lockDir), { recursive: true });
  const giveUpAt = Date.now() + waitLimitMs;
  for (;;) {
    try {
      await mkdir(lockDir);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const pid = await holderPid(lockDir);
    if (pid !== undefined && !isAlive(pid)) {
      await rm(lockDir, { recursive: true, force: true });
      continue;
    }
    if (Date.now() > giveUpAt) {
      throw new GhostFixtureError(
        `Another test run (pid ${pid ?? 'unknown'}) has been installing Ghost for too long; the lock is ${lockDir}. ` +
          'If no install is running, delete that folder.',
      );
    }
    // The holder may not have written its pid yet: re-check on any change, and at least every second.
    await changeInFolder(dirname(lockDir), 1_000);
  }
  await writeFile(`${lockDir}/pid`, String(process.pid));
  try {
    return await work();
  } finally {
    await rm(lockDir, { recursive: true, force: true });
  }
}
