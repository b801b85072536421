// Runs in: services. Turns a Node file-system error into an AppError a reporter can act on.
import { AppError } from '../../../common/app-error';

/** The errno code of a Node error, or undefined. */
export function errnoCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}

/** `action` completes "Could not … <path>", e.g. "save" or "read". */
export function fsAppError(error: unknown, path: string, action: string): AppError {
  if (error instanceof AppError) return error;
  const code = errnoCode(error);
  const detail = error instanceof Error ? error.message : String(error);
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new AppError('disk-full', `The disk is full: ${path} was not saved; your previous version is intact`, { kind: 'disk-full', path, errno: code });
  }
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new AppError('permission-denied', `Dateline is not allowed to ${action} ${path} (${code})`, { kind: 'file-access', path, errno: code });
  }
  if (code === 'ENOENT') {
    return new AppError('not-found', `Could not ${action} ${path}: it does not exist`, { kind: 'path-missing', path });
  }
  return new AppError('io-error', `Could not ${action} ${path}: ${detail}`, { kind: 'file-io', path, ...(code ? { errno: code } : {}) });
}
