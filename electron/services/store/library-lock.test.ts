// A reporter starts `npm run serve` while the desktop app has the same library open: the second
// one refuses with a clear message instead of overwriting the first one's saves; after a crash
// the lock is taken over.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LIBRARY_LOCK_FILE, acquireLibraryLock } from './library-lock';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'dateline-lock-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('library lock', () => {
  it('refuses a second live process on the same library, naming it', async () => {
    await writeFile(join(root, LIBRARY_LOCK_FILE), JSON.stringify({ pid: 424242, host: hostname(), since: '2026-11-25T09:00:00Z' }));
    await expect(acquireLibraryLock(root, () => true)).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('process 424242') });
  });

  it('takes over the lock of a process that died, and releases it on close', async () => {
    await writeFile(join(root, LIBRARY_LOCK_FILE), JSON.stringify({ pid: 424242, host: hostname(), since: '2026-11-25T09:00:00Z' }));
    const lock = await acquireLibraryLock(root, () => false);
    expect(JSON.parse(await readFile(join(root, LIBRARY_LOCK_FILE), 'utf8')).pid).toBe(process.pid);
    await lock.release();
    await expect(readFile(join(root, LIBRARY_LOCK_FILE))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('waits for the services process of a killed supervisor to exit, then takes the lock over', async () => {
    await writeFile(join(root, LIBRARY_LOCK_FILE), JSON.stringify({ pid: 424242, parentPid: 424241, host: hostname(), since: '2026-11-25T09:00:00Z' }));
    // The orphan (424242) is still alive the first two times it is asked about, then gone; its supervisor is gone throughout.
    let orphanChecks = 0;
    const lock = await acquireLibraryLock(root, (pid) => pid === 424242 && ++orphanChecks <= 2, 1234);
    expect(orphanChecks).toBeGreaterThan(2);
    expect(JSON.parse(await readFile(join(root, LIBRARY_LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid, parentPid: 1234 });
    await lock.release();
  });

  it('still refuses a live services process whose supervisor is alive', async () => {
    await writeFile(join(root, LIBRARY_LOCK_FILE), JSON.stringify({ pid: 424242, parentPid: 424241, host: hostname(), since: '2026-11-25T09:00:00Z' }));
    await expect(acquireLibraryLock(root, () => true)).rejects.toMatchObject({ code: 'conflict' });
  });

  it('refuses a library opened on another computer of a shared folder', async () => {
    await writeFile(join(root, LIBRARY_LOCK_FILE), JSON.stringify({ pid: 1, host: 'newsroom-laptop-7', since: '2026-11-25T09:00:00Z' }));
    await expect(acquireLibraryLock(root)).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('newsroom-laptop-7') });
  });
});
