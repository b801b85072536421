// Runs in: renderer. The error every API client rejects with: a typed code the UI can translate.
import { APP_ERROR_CODES, type AppErrorCode } from '../../common/app-error';

export class ApiError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** Turns a decoded envelope into its value, or throws the ApiError it carries. */
export function unwrapEnvelope<T>(envelope: unknown, operation: string): T {
  if (!envelope || typeof envelope !== 'object' || !('ok' in envelope)) {
    throw new ApiError('internal', `The reply to ${operation} was not understood.`);
  }
  const record = envelope as { ok: unknown; value?: unknown; error?: unknown };
  if (record.ok === true) return record.value as T;
  const error = (record.error ?? {}) as { code?: unknown; message?: unknown; details?: unknown };
  const code = (APP_ERROR_CODES as readonly unknown[]).includes(error.code) ? (error.code as AppErrorCode) : 'internal';
  const message = typeof error.message === 'string' && error.message ? error.message : `${operation} failed.`;
  throw new ApiError(code, message, error.details);
}
