// Runs in: services and the library read worker. Whether an article folder is still as its cache
// entry says: the folder's mtime (changed when article.json is replaced, trashed.json comes or goes,
// or a temp file appears) and article.json's mtime and size. Synchronous on purpose: metadata only
// (a stat never downloads a synced file's contents), and 4x faster than an async stat per folder.
import { statSync } from 'node:fs';
import { join } from 'node:path';

/** The stats an entry was read with. */
export interface FolderStats {
  dirMtimeMs: number;
  mtimeMs: number;
  size: number;
}

/** A stat that fails (EACCES, EIO, ELOOP still throw with throwIfNoEntry off) means "changed": re-read it, never a failed scan. */
export function folderMatches(dir: string, entry: FolderStats): boolean {
  try {
    const dirInfo = statSync(dir, { throwIfNoEntry: false });
    if (!dirInfo || dirInfo.mtimeMs !== entry.dirMtimeMs) return false;
    const fileInfo = statSync(join(dir, 'article.json'), { throwIfNoEntry: false });
    return fileInfo !== undefined && fileInfo.mtimeMs === entry.mtimeMs && fileInfo.size === entry.size;
  } catch {
    return false;
  }
}
