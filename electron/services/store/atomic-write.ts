// Runs in: services (and main, for the secrets file). Crash-safe file replacement: the target is
// always either the old or the new bytes. Temp file beside the target, fsync, rename, fsync the
// folder; `stageFile` splits that in two so a compare-and-swap can check right before the rename.
import { randomBytes } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { errnoCode, fsAppError } from './fs-app-error';

/** Temp files are `.<name>.<random>.tmp` beside the target; stores sweep them at open. */
export const TEMP_FILE_PATTERN = /^\..+\.[0-9a-f]{12}\.tmp$/;

const DIR_FSYNC_UNSUPPORTED = new Set(['EISDIR', 'EINVAL', 'EPERM', 'EACCES', 'EBADF']);

export interface WriteOptions {
  /** File mode of the new file; 0o600 keeps a secret unreadable to others, even briefly. @default 0o644 */
  mode?: number;
}

export interface StagedFile {
  /** Renames the temp file over the target and makes the rename durable. */
  commit(): Promise<void>;
  /** Removes the temp file; safe to call after commit. */
  discard(): Promise<void>;
}

export async function atomicWriteFile(path: string, data: string | Uint8Array, options: WriteOptions = {}): Promise<void> {
  const staged = await stageFile(path, data, options);
  await staged.commit();
}

/** Writes and fsyncs the new bytes to a temp file; nothing replaces the target until `commit`. */
export async function stageFile(path: string, data: string | Uint8Array, options: WriteOptions = {}): Promise<StagedFile> {
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx', options.mode ?? 0o644);
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

/** Makes the rename durable; some platforms (Windows, many network shares) refuse to fsync a folder, which is fine there. */
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
