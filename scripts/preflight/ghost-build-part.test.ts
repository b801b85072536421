// Runs in: vitest (node). The preflight knows what installing Ghost for its tests compiles with:
// without g++, make or python3 on the PATH it names them and the Debian packages that bring them.
import { mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { probeParts } from './probe-parts';

describe('the Ghost build tools in the preflight', () => {
  const path = process.env.PATH;
  let dir = '';

  afterEach(async () => {
    process.env.PATH = path;
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('are missing, by name and with their Debian packages, when none is on the PATH', async () => {
    dir = await mkdtemp(join(tmpdir(), 'dateline-preflight-'));
    process.env.PATH = dir;
    const part = probeParts().find((p) => p.id === 'ghost-build-tools');
    expect(part).toMatchObject({ present: false, debianPackages: ['g++', 'make', 'python3'] });
    expect(part?.reason).toBe('g++, make, python3 not on the PATH');
    expect(part?.neededBy).toContain('Ghost');
  });

  it('are present when all three are on the PATH', async () => {
    dir = await mkdtemp(join(tmpdir(), 'dateline-preflight-'));
    for (const tool of ['g++', 'make', 'python3']) await symlink('/bin/true', join(dir, tool));
    process.env.PATH = dir;
    expect(probeParts().find((p) => p.id === 'ghost-build-tools')).toMatchObject({ present: true, reason: '' });
  });
});
