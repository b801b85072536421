// Runs in: services. Turns a WordPress REST error reply into an AppError that says what happened
// and what to do; replies that are not WordPress errors go to the shared HTTP classifier.
import { AppError } from '../../../../common/app-error';
import { classifyHttpStatus } from '../http/classify-http-failure';

/** What a request was for, so an error can name it. */
export interface RequestPurpose {
  /** Completes "may not …", e.g. "upload photos" or "create the category '国际'". */
  action: string;
  /** What a 404 or 413 is about, e.g. `the photo "harbour.jpg"`. */
  subject?: string;
  /** Overrides the 403 message, e.g. for a contributor asking to publish. */
  forbiddenHint?: string;
}

export interface WordPressErrorBody {
  code: string;
  message: string;
  data?: { status?: number; term_id?: number; [key: string]: unknown };
}

export interface ErrorContext {
  url: string;
  targetLabel: string;
  username: string;
  /** The account's role once known (from users/me), for 403 messages. */
  role: string | null;
}

/** Details carried by every AppError this adapter throws for an HTTP reply. */
export interface WordPressErrorDetails {
  status: number;
  url: string;
  wpCode?: string;
  wpData?: WordPressErrorBody['data'];
}

const AUTH_CODES = new Set(['rest_not_logged_in', 'invalid_username', 'incorrect_password', 'invalid_email', 'rest_forbidden_context']);

export function parseWordPressError(text: string): WordPressErrorBody | null {
  try {
    const json: unknown = JSON.parse(text);
    if (typeof json === 'object' && json !== null && typeof (json as { code?: unknown }).code === 'string') {
      const body = json as { code: string; message?: unknown; data?: unknown };
      const data = typeof body.data === 'object' && body.data !== null ? (body.data as WordPressErrorBody['data']) : undefined;
      return { code: body.code, message: typeof body.message === 'string' ? body.message : '', data };
    }
  } catch {
    // Not JSON: the shared classifier describes it.
  }
  return null;
}

export function wordpressHttpError(status: number, text: string, purpose: RequestPurpose, context: ErrorContext): AppError {
  const wp = parseWordPressError(text);
  const details: WordPressErrorDetails = { status, url: context.url, wpCode: wp?.code, wpData: wp?.data };
  const role = context.role ?? 'unknown role';
  const wpSays = wp?.message ? ` (WordPress says: ${stripTags(wp.message)})` : '';
  if (status === 401 || (wp && AUTH_CODES.has(wp.code) && status !== 403)) {
    return new AppError(
      'remote-auth',
      `WordPress refused the application password for ${context.username}: create one under Users → Profile → Application Passwords and save it with this target`,
      details,
    );
  }
  if (status === 403) {
    const message = purpose.forbiddenHint ?? `Your WordPress role (${role}) may not ${purpose.action}`;
    return new AppError('remote-forbidden', `${message}${wpSays}`, details);
  }
  if (status === 404 && wp) {
    return new AppError('remote-not-found', `WordPress at ${context.targetLabel} has no ${purpose.subject ?? 'such item'} (${context.url})${wpSays}`, details);
  }
  if (status === 413) {
    return new AppError('remote-too-large', `${capitalize(purpose.subject ?? 'The upload')} is larger than the site accepts: ask the site's administrator to raise the upload limit, or use a smaller photo`, details);
  }
  if (status >= 500 && wp) {
    return new AppError('remote-server-error', `WordPress at ${context.targetLabel} failed while trying to ${purpose.action} (HTTP ${status})${wpSays}; Dateline will try again`, details);
  }
  if (status === 400 && wp) {
    return new AppError('invalid-input', `WordPress rejected the request to ${purpose.action}${wpSays}`, details);
  }
  const generic = classifyHttpStatus(status, { url: context.url, bodySnippet: text.slice(0, 300), targetLabel: context.targetLabel });
  return new AppError(generic.code, generic.message, { ...details, ...asRecord(generic.details) });
}

export function wordpressErrorDetails(error: unknown): WordPressErrorDetails | null {
  if (!(error instanceof AppError)) return null;
  const details = error.details;
  if (typeof details === 'object' && details !== null && typeof (details as { status?: unknown }).status === 'number') {
    return details as WordPressErrorDetails;
  }
  return null;
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

function capitalize(text: string): string {
  return text.length > 0 ? `${text[0]?.toUpperCase() ?? ''}${text.slice(1)}` : text;
}

function stripTags(text: string): string {
  return text.replace(/<[^>]*>/g, '').trim();
}
