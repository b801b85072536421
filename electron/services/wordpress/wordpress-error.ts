// Runs in: services. Turns a WordPress REST error reply into an AppError that says what happened
// and what to do; replies that are not WordPress errors go to the shared HTTP classifier.
import { AppError } from '../../../common/app-error';
import { bodyExcerpt, stripTags } from '../publish/http/body-excerpt';
import { classifyHttpStatus } from '../publish/http/classify-http-failure';
import { remoteFailure, wordpressKind } from '../publish/http/remote-failure-table';

/** What a request was for, so an error can name it. */
export interface RequestPurpose {
  /** Completes "may not …", e.g. "upload photos" or "create the category '国际'". */
  action: string;
  /** What a 404 or 413 is about, e.g. `the photo "harbour.jpg"`. */
  subject?: string;
  /** What the account needs for it, for the 403 message, e.g. "the upload_files capability, e.g. the Author role". */
  needs?: string;
  /** Overrides the 403 message, e.g. for a contributor asking to publish. */
  forbiddenHint?: string;
  /** The request carries a photo: a PHP upload error or an upload WordPress did not receive means a size limit. */
  upload?: { bytes?: number; limitBytes?: number };
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

/** The AppError for a WordPress answer outside 2xx; its code and whether to retry come from the failure table. */
export function wordpressHttpError(status: number, text: string, purpose: RequestPurpose, context: ErrorContext): AppError {
  const wp = parseWordPressError(text);
  const details: WordPressErrorDetails = { status, url: context.url, wpCode: wp?.code, wpData: wp?.data };
  const role = context.role ?? 'unknown role';
  const said = wp?.message ? bodyExcerpt(stripTags(wp.message)) : '';
  const wpSays = said ? ` (WordPress says: ${said})` : '';
  const site = context.targetLabel;
  const subject = purpose.subject ?? 'the upload';
  const size = purpose.upload?.bytes === undefined ? ' is' : ` is ${megabytes(purpose.upload.bytes)} MB,`;
  const limit = purpose.upload?.limitBytes ? `, ${megabytes(purpose.upload.limitBytes)} MB` : '';
  const kind = wordpressKind(status, wp?.code ?? null, wp?.message ?? '', purpose.upload !== undefined);
  const build = (message: string) => remoteFailure(kind, message, { ...details, ...(said ? { serverSaid: said } : {}) });
  switch (kind) {
    case 'http-401':
    case 'wp-auth':
      return build(
        `WordPress refused the application password for ${context.username}: create one under Users → Profile → Application Passwords and save it with this target`,
      );
    case 'wp-forbidden':
    case 'http-403': {
      const message = purpose.forbiddenHint ?? `Your WordPress role (${role}) may not ${purpose.action}${purpose.needs ? ` (${purpose.needs})` : ''}`;
      return build(`${message}${wpSays}`);
    }
    case 'wp-not-found':
      return build(`${site} has no ${purpose.subject ?? 'such item'} (${context.url})${wpSays}`);
    case 'wp-upload-too-large':
      return build(
        `${capitalize(subject)}${size} larger than the site accepts for one file (PHP's upload_max_filesize${limit}). Use a smaller photo, or ask the site's administrator to raise upload_max_filesize`,
      );
    case 'wp-upload-dropped':
      return build(
        `${capitalize(subject)}${size} larger than the site accepts in one request (PHP's post_max_size${limit}): WordPress received no file. Use a smaller photo, or ask the site's administrator to raise post_max_size and upload_max_filesize`,
      );
    case 'wp-upload-no-space':
      return build(`${site} has no room left for ${subject}: its upload space is used up${wpSays}. Ask the site's administrator to free or add space`);
    case 'http-413':
      return build(`${capitalize(subject)}${size} larger than the site accepts${limit ? ` (${limit.slice(2)})` : ''}: ask the site's administrator to raise the upload limit, or use a smaller photo`);
    case 'wp-server-error':
      return build(`${site} failed while trying to ${purpose.action} (HTTP ${status})${wpSays}; Dateline will try again`);
    case 'wp-invalid-request':
      return build(`WordPress rejected the request to ${purpose.action}${wpSays}`);
    default:
      return classifyHttpStatus(status, { url: context.url, bodySnippet: text, targetLabel: site, facts: details });
  }
}

export function wordpressErrorDetails(error: unknown): WordPressErrorDetails | null {
  if (!(error instanceof AppError)) return null;
  const details = error.details;
  if (typeof details === 'object' && details !== null && typeof (details as { status?: unknown }).status === 'number') {
    return details as WordPressErrorDetails;
  }
  return null;
}

function capitalize(text: string): string {
  return text.length > 0 ? `${text[0]?.toUpperCase() ?? ''}${text.slice(1)}` : text;
}

function megabytes(bytes: number): string {
  return (bytes / 1_048_576).toFixed(1).replace(/\.0$/, '');
}
