// Runs in: renderer. The error every API client rejects with: a typed code the UI can translate,
// with the details checked against the code's schema (they come from outside the page).
import { APP_ERROR_CODES, type AppErrorCode } from '../../common/app-error';
import { parseAppErrorDetails, type AppErrorDetails, type AppFailure } from '../../common/errors/app-error-details';

export class ApiError extends Error {
  /** The details when they fit the code's schema; anything else that arrived is dropped. */
  readonly details: AppErrorDetails | undefined;

  constructor(
    readonly code: AppErrorCode,
    /** English, for the console and bug reports: never shown as the UI's text. */
    message: string,
    details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
    this.details = parseAppErrorDetails(code, details);
  }

  /** The code and typed details together, so that checking the code narrows the details. */
  get failure(): AppFailure {
    return { code: this.code, details: this.details } as AppFailure;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** Turns a decoded envelope into its value, or throws the ApiError it carries. */
export function unwrapEnvelope<T>(envelope: unknown, operation: string): T {
  if (!envelope || typeof envelope !== 'object' || !('ok' in envelope)) {
    throw new ApiError('internal', `The reply to ${operation} was not understood.`, { kind: 'reply-not-understood' });
  }
  const record = envelope as { ok: unknown; value?: unknown; error?: unknown };
  if (record.ok === true) return record.value as T;
  const error = (record.error ?? {}) as { code?: unknown; message?: unknown; details?: unknown };
  const code = (APP_ERROR_CODES as readonly unknown[]).includes(error.code) ? (error.code as AppErrorCode) : 'internal';
  const message = typeof error.message === 'string' && error.message ? error.message.slice(0, 4_000) : `${operation} failed.`;
  throw new ApiError(code, message, error.details);
}
