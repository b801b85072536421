// Runs in: services. Files in a shared review hub are untrusted: before one is read it must be a
// regular file (not a link, a FIFO that never ends or a device) of a sane size, in a folder that
// really lies inside the hub (not one linked to elsewhere on this machine).
import { lstat, realpath } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, sep } from 'node:path';
import { AppError } from '../../../common/app-error';
import { MAX_MEDIA_BYTES } from '../../../common/contract';
import { errnoCode, fsAppError } from '../store/fs-app-error';

/**
 * A review package holds the article twice (current and previous submission) plus history and
 * comments. A heavily formatted 100,000-word story is 3.3 MB of JSON (common/doc-bounds.ts), 9.5 MB
 * indented as the hub writes it: measured, both copies make 19 MB, which leaves room for comments.
 */
export const MAX_PACKAGE_BYTES = 32 * 1024 * 1024;
export const MAX_HUB_PHOTO_BYTES = MAX_MEDIA_BYTES;

/** 'missing' when there is no file; throws a clear error for anything that must not be read. */
export async function guardHubFile(path: string, maxBytes: number, what: string): Promise<'ok' | 'missing'> {
  let info;
  try {
    info = await lstat(path);
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return 'missing';
    throw fsAppError(error, path, 'read');
  }
  if (!info.isFile()) {
    throw new AppError('corrupt-file', `${what} in the review hub (${path}) is not a regular file${info.isSymbolicLink() ? ' but a link' : ''}; it was not read`, { kind: 'hub-not-a-file', path });
  }
  if (info.size > maxBytes) {
    throw new AppError('corrupt-file', `${what} in the review hub (${path}) is ${Math.round(info.size / 1024 / 1024)} MB, more than the ${Math.round(maxBytes / 1024 / 1024)} MB Dateline accepts; it was not read`, {
      kind: 'hub-file-too-large',
      path,
      megabytes: Math.round(info.size / 1024 / 1024),
      maxMegabytes: Math.round(maxBytes / 1024 / 1024),
    });
  }
  return 'ok';
}

/**
 * Throws unless `folder` (an article folder or its media folder), once every link on the way is
 * resolved, lies inside the hub's own resolved folder. A part not created yet is judged by the
 * nearest part that exists, so a write never creates folders through a link either.
 */
export async function guardHubFolder(root: string, folder: string, what: string): Promise<void> {
  const hub = await realpath(root).catch((error: unknown) => {
    throw fsAppError(error, root, 'read');
  });
  const resolved = await resolveExisting(folder);
  const inside = relative(hub, resolved);
  if (inside !== '..' && !inside.startsWith(`..${sep}`) && !isAbsolute(inside)) return;
  throw new AppError(
    'corrupt-file',
    `${what} in the review hub (${folder}) leads outside the hub, to ${resolved}; Dateline neither reads nor writes there. Remove that link from the hub folder`,
    { kind: 'hub-link-outside', path: folder },
  );
}

/** The real path of `path`, or of its nearest existing ancestor with the missing parts appended. */
async function resolveExisting(path: string): Promise<string> {
  const missing: string[] = [];
  let probe = path;
  for (;;) {
    try {
      return join(await realpath(probe), ...missing);
    } catch (error) {
      const parent = dirname(probe);
      if (errnoCode(error) !== 'ENOENT' || parent === probe) throw fsAppError(error, probe, 'read');
      missing.unshift(basename(probe));
      probe = parent;
    }
  }
}
