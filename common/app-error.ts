// Runs in: main, services, host and renderer. Typed errors that cross the process boundary; the
// renderer translates each code into a message in the user's language.

import type { AppErrorCode } from './errors/app-error-codes';
import type { AppErrorDetails, AppFailure } from './errors/app-error-details';

export { APP_ERROR_CODES, type AppErrorCode } from './errors/app-error-codes';

/**
 * Details of a throw site not yet given a kind: they still cross the boundary for the services'
 * own use, but the renderer shows only the code's headline for them.
 * @deprecated Give the site its kind in common/errors/app-error-details.ts.
 */
export type UnconvertedDetails = { readonly kind?: undefined; readonly [key: string]: unknown } | readonly unknown[];

/**
 * An error that crosses process boundaries as `{ code, message, details }`. The message is English
 * prose for the log only; what the user reads is built by the renderer from `code` and `details.kind`.
 */
export class AppError<C extends AppErrorCode = AppErrorCode> extends Error {
  constructor(
    readonly code: C,
    message: string,
    readonly details?: AppErrorDetails<C> | UnconvertedDetails,
  ) {
    super(message);
    this.name = 'AppError';
  }

  /** The code and typed details together, so that checking the code narrows the details. */
  get failure(): AppFailure {
    const details = this.details;
    const typed = details !== undefined && !Array.isArray(details) && typeof (details as { kind?: unknown }).kind === 'string';
    return { code: this.code, details: typed ? details : undefined } as AppFailure;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/**
 * Details relayed between Dateline's own processes (services ↔ main/host), kept as sent so the
 * services' machine fields survive the hop; the renderer validates them against the code's schema.
 */
export function relayedDetails(raw: unknown): AppErrorDetails | UnconvertedDetails | undefined {
  return typeof raw === 'object' && raw !== null ? (raw as AppErrorDetails | UnconvertedDetails) : undefined;
}
