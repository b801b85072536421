// Runs in: vitest (node). Two test runs that both find Ghost missing never install it at once: the
// second waits for the first's lock; a lock left by a run that died is taken over; a failed install
// step names the command to run by hand.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { withInstallLock } from '../support/ghost/install-lock';
import { runInstallCommand } from '../support/ghost/run-install-command';

describe('the Ghost install lock', () => {
  let dir = '';
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('lets one install run at a time', async () => {
    dir = await mkdtemp(join(tmpdir(), 'dateline-lock-'));
    const lock = join(dir, 'ghost.lock');
    const events: string[] = [];
    let releaseFirst: () => void = () => undefined;
    const firstMayEnd = new Promise<void>((resolve) => {
      releaseFirst = resolve;
    });
    let firstStarted: () => void = () => undefined;
    const firstIsIn = new Promise<void>((resolve) => {
      firstStarted = resolve;
    });
    const first = withInstallLock(lock, 60_000, async () => {
      events.push('first in');
      firstStarted();
      await firstMayEnd;
      events.push('first out');
    });
    await firstIsIn;
    const second = withInstallLock(lock, 60_000, async () => {
      events.push('second in');
    });
    releaseFirst();
    await Promise.all([first, second]);
    expect(events).toEqual(['first in', 'first out', 'second in']);
  });

  it('takes over a lock whose holder is no longer running', async () => {
    dir = await mkdtemp(join(tmpdir(), 'dateline-lock-'));
    const lock = join(dir, 'ghost.lock');
    await mkdir(lock);
    // A pid far above any the kernel hands out (pid_max is at most 2^22).
    await writeFile(join(lock, 'pid'), String(2 ** 22 + 12_345));
    await expect(withInstallLock(lock, 60_000, async () => 'installed')).resolves.toBe('installed');
  });

  it('a failed step names its command and what it was for', async () => {
    await expect(runInstallCommand({ command: 'sh', args: ['-c', 'echo compiling re2; exit 3'], cwd: tmpdir(), purpose: 'install Ghost' })).rejects.toThrow(
      /Could not install Ghost: the command exited with code 3\.\nCommand: cd .+ && sh -c echo compiling re2; exit 3[\s\S]*compiling re2/,
    );
    await expect(runInstallCommand({ command: 'no-such-pnpm', args: ['install'], cwd: tmpdir(), purpose: 'install Ghost' })).rejects.toThrow(/`no-such-pnpm` could not be started/);
  });
});
