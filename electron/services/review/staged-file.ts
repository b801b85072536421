// Runs in: services. atomicWriteFile split in two: the new bytes are written and fsynced to a temp
// file first, and the rename happens later, so a compare-and-swap can check right before it.
import { randomBytes } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { errnoCode, fsAppError } from '../store/fs-app-error';

export interface StagedFile {
  /** Renames the temp file over the target and makes the rename durable. */
  commit(): Promise<void>;
  /** Removes the temp file; safe to call after commit. */
  discard(): Promise<void>;
}

const DIR_FSYNC_UNSUPPORTED = new Set(['EISDIR', 'EINVAL', 'EPERM', 'EACCES', 'EBADF']);

/** The temp name matches TEMP_FILE_PATTERN in store/atomic-write, so the same sweeps recognise it. */
export async function stageFile(path: string, data: string | Uint8Array): Promise<StagedFile> {
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx', 0o644);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw fsAppError(error, path, 'save');
  }
  let committed = false;
  return {
    async commit() {
      try {
        await rename(temp, path);
      } catch (error) {
        await unlink(temp).catch(() => undefined);
        throw fsAppError(error, path, 'save');
      }
      committed = true;
      await syncDirectory(dir);
    },
    async discard() {
      if (!committed) await unlink(temp).catch(() => undefined);
    },
  };
}

/** Some platforms (Windows, many network shares) refuse to fsync a folder, which is fine there. */
async function syncDirectory(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch (error) {
    if (!DIR_FSYNC_UNSUPPORTED.has(errnoCode(error) ?? '')) throw fsAppError(error, dir, 'flush');
  } finally {
    await handle?.close();
  }
}
