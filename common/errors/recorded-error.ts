// Runs in: main, services, host and renderer (pure). A failure kept in a record for later display
// (a review sync that could not be sent): its code and typed details, which the renderer words in
// the user's language, and the English message for the log only.
import { z } from 'zod';
import { APP_ERROR_CODES, isAppError, type AppErrorCode } from '../app-error';
import { parseAppErrorDetails, type AppErrorDetails } from './app-error-details';

export interface RecordedError {
  code: AppErrorCode;
  /** English, for the log: never shown as the UI's text. */
  message: string;
  /** What the renderer words the failure from. */
  details?: AppErrorDetails;
}

/** The failure as it is kept: an AppError's code and typed details; anything else an unexpected internal error. */
export function recordedError(error: unknown): RecordedError {
  if (isAppError(error)) {
    const { details } = error.failure;
    return { code: error.code, message: error.message, ...(details ? { details } : {}) };
  }
  return { code: 'internal', message: error instanceof Error ? error.message : String(error), details: { kind: 'unexpected' } };
}

/**
 * A recorded error as read back from a file: details that do not fit the code's schema are dropped.
 * A record written before errors were typed kept English text only; it reads as no error (the next
 * attempt records a typed one).
 */
export const recordedErrorSchema = z
  .union([
    z.object({ code: z.enum(APP_ERROR_CODES), message: z.string().max(4_000), details: z.unknown().optional() }).transform((raw): RecordedError => {
      const details = parseAppErrorDetails(raw.code, raw.details);
      return { code: raw.code, message: raw.message, ...(details ? { details } : {}) };
    }),
    z.string().transform(() => null),
  ])
  .nullable();
