// Runs in: tests (node). The atomic writer replaces files whole and leaves nothing behind.
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../common/app-error';
import { atomicWriteFile } from './atomic-write';
import { fsAppError } from './fs-app-error';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dateline-atomic-'));
});
afterEach(async () => {
  await chmod(dir, 0o755).catch(() => undefined);
  await rm(dir, { recursive: true, force: true });
});

describe('atomicWriteFile', () => {
  it('replaces an existing file and leaves no temp files in the folder', async () => {
    const path = join(dir, 'article.json');
    await writeFile(path, 'old version');
    await atomicWriteFile(path, 'new version');
    await atomicWriteFile(path, new TextEncoder().encode('newest version'));
    expect(await readFile(path, 'utf8')).toBe('newest version');
    expect(await readdir(dir)).toEqual(['article.json']);
  });

  it('keeps the previous version and cleans up when the folder refuses the write', async () => {
    if (process.getuid?.() === 0) {
      // Root ignores folder permissions; the mapping is covered below instead.
      const error = fsAppError(Object.assign(new Error('nope'), { code: 'EACCES' }), '/x/article.json', 'save');
      expect(error.code).toBe('permission-denied');
      return;
    }
    const path = join(dir, 'article.json');
    await writeFile(path, 'previous');
    await chmod(dir, 0o555);
    await expect(atomicWriteFile(path, 'next')).rejects.toMatchObject({ code: 'permission-denied' });
    await chmod(dir, 0o755);
    expect(await readFile(path, 'utf8')).toBe('previous');
    expect(await readdir(dir)).toEqual(['article.json']);
  });

  it('removes its temp file when the final rename fails', async () => {
    await writeFile(join(dir, 'keep.txt'), 'x');
    const target = join(dir, 'occupied');
    await mkdir(join(target, 'child'), { recursive: true });
    await expect(atomicWriteFile(target, 'data')).rejects.toBeInstanceOf(AppError);
    expect((await readdir(dir)).sort()).toEqual(['keep.txt', 'occupied']);
  });

  it('reports a missing folder as an error naming the path', async () => {
    const path = join(dir, 'no-such-folder', 'article.json');
    const error = await atomicWriteFile(path, 'x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toContain(path);
  });

  it('tells a reporter the disk is full and that the previous version is intact', () => {
    const error = fsAppError(Object.assign(new Error('ENOSPC: no space left'), { code: 'ENOSPC' }), '/lib/a/article.json', 'save');
    expect(error.code).toBe('disk-full');
    expect(error.message).toBe('The disk is full: /lib/a/article.json was not saved; your previous version is intact');
    expect(fsAppError(Object.assign(new Error('ro'), { code: 'EROFS' }), '/p', 'save').code).toBe('permission-denied');
    expect(fsAppError(Object.assign(new Error('io'), { code: 'EIO' }), '/p', 'save').code).toBe('io-error');
  });
});
