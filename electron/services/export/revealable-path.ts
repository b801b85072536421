// Runs in: services (plain Node). A path the renderer asks to reveal in the file manager, accepted
// only when it exists inside a folder Dateline writes (the library, the export folder).
import { realpath } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { AppError } from '../../../common/app-error';

const MAX_PATH_LENGTH = 4096;

/** The real path (links resolved) when it lies inside one of `roots`; otherwise an `invalid-input` AppError. */
export async function revealablePath(path: string, roots: readonly string[]): Promise<string> {
  if (path.length === 0 || path.length > MAX_PATH_LENGTH || path.includes('\u0000') || !isAbsolute(path)) {
    throw new AppError('invalid-input', 'Only a file Dateline wrote can be shown in its folder', { kind: 'reveal-outside' });
  }
  let real: string;
  try {
    real = await realpath(resolve(path));
  } catch {
    throw new AppError('not-found', `${path} is no longer there`, { kind: 'path-missing', path });
  }
  for (const root of roots) {
    const realRoot = await realpath(resolve(root)).catch(() => null);
    if (realRoot === null) continue;
    const inside = relative(realRoot, real);
    if (inside !== '' && !inside.startsWith('..') && !isAbsolute(inside)) return real;
  }
  throw new AppError('invalid-input', 'Only a file Dateline wrote can be shown in its folder', { kind: 'reveal-outside' });
}
