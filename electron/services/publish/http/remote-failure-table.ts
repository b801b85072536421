// Runs in: services. The one table that says, for every way a remote exchange can fail, which
// AppError code it gets and whether trying again later can help. Every adapter (the WordPress
// client, the webhook target, the WordPress review hub, photo downloads) classifies through it.
import { AppError, type AppErrorCode } from '../../../../common/app-error';
import type { RemoteFailureKind } from '../../../../common/errors/remote-failure-kinds';

export { REMOTE_FAILURE_KINDS, type RemoteFailureKind } from '../../../../common/errors/remote-failure-kinds';

export interface RemoteFailureRule {
  code: AppErrorCode;
  /** Whether the outbox (or the review sync) should try again later. */
  retry: boolean;
  /** Whether the request may have reached the server: look before repeating a create. */
  mayHaveArrived: boolean;
  /** What the row covers. */
  when: string;
}

export const REMOTE_FAILURE_TABLE: Readonly<Record<RemoteFailureKind, RemoteFailureRule>> = {
  tls: { code: 'remote-tls', retry: false, mayHaveArrived: false, when: 'the certificate is expired, self-signed, for another name, or the TLS handshake failed' },
  timeout: { code: 'remote-timeout', retry: true, mayHaveArrived: true, when: 'no answer before the deadline (connect, headers or body)' },
  'not-sent': { code: 'remote-unreachable', retry: true, mayHaveArrived: false, when: 'refused, DNS failure, no route: nothing was sent' },
  'connection-broken': { code: 'remote-unreachable', retry: true, mayHaveArrived: true, when: 'reset or closed mid-exchange' },
  'network-other': { code: 'remote-unreachable', retry: true, mayHaveArrived: true, when: 'any other network failure' },
  'http-redirect': { code: 'remote-bad-response', retry: false, mayHaveArrived: true, when: 'a redirect where none is followed' },
  'http-400': { code: 'remote-bad-response', retry: false, mayHaveArrived: true, when: 'HTTP 400 without a WordPress error body' },
  'http-401': { code: 'remote-auth', retry: false, mayHaveArrived: true, when: 'HTTP 401: wrong password or signing key' },
  'http-403': { code: 'remote-forbidden', retry: false, mayHaveArrived: true, when: 'HTTP 403: the account may not do this' },
  'http-404': { code: 'remote-not-found', retry: false, mayHaveArrived: true, when: 'HTTP 404' },
  'http-408': { code: 'remote-timeout', retry: true, mayHaveArrived: true, when: 'HTTP 408: the server gave up waiting' },
  'http-413': { code: 'remote-too-large', retry: false, mayHaveArrived: true, when: 'HTTP 413: the request is too large' },
  'http-429': { code: 'remote-server-error', retry: true, mayHaveArrived: true, when: 'HTTP 429: too many requests' },
  'http-4xx': { code: 'remote-bad-response', retry: false, mayHaveArrived: true, when: 'any other 4xx' },
  'http-5xx': { code: 'remote-server-error', retry: true, mayHaveArrived: true, when: 'any 5xx without a WordPress error that says otherwise' },
  'http-other': { code: 'remote-bad-response', retry: false, mayHaveArrived: true, when: 'a status outside 2xx-5xx' },
  'wp-auth': { code: 'remote-auth', retry: false, mayHaveArrived: true, when: 'incorrect_password, invalid_username, rest_not_logged_in…' },
  'wp-forbidden': { code: 'remote-forbidden', retry: false, mayHaveArrived: true, when: 'rest_cannot_create, rest_cannot_publish, rest_cannot_edit… (HTTP 403)' },
  'wp-not-found': { code: 'remote-not-found', retry: false, mayHaveArrived: true, when: 'rest_post_invalid_id, rest_no_route… (HTTP 404)' },
  'wp-invalid-request': { code: 'invalid-input', retry: false, mayHaveArrived: true, when: 'rest_invalid_param and other WordPress 400s' },
  'wp-upload-too-large': {
    code: 'remote-too-large',
    retry: false,
    mayHaveArrived: true,
    when: 'the photo exceeds upload_max_filesize (rest_upload_unknown_error, HTTP 500) or the site’s size limit (rest_upload_file_too_big)',
  },
  'wp-upload-dropped': {
    code: 'remote-too-large',
    retry: false,
    mayHaveArrived: true,
    when: 'PHP dropped an upload larger than post_max_size: WordPress sees no file (rest_upload_no_content_disposition, rest_upload_no_data…)',
  },
  'wp-upload-no-space': { code: 'remote-too-large', retry: false, mayHaveArrived: true, when: 'rest_upload_limited_space: the site’s upload quota is used up' },
  'wp-server-error': { code: 'remote-server-error', retry: true, mayHaveArrived: true, when: 'any other WordPress error with a 5xx status' },
  'ghost-invalid-request': { code: 'invalid-input', retry: false, mayHaveArrived: true, when: 'Ghost’s ValidationError or BadRequestError (HTTP 400 or 422): a field Ghost will not take' },
  'ghost-update-collision': {
    code: 'remote-conflict',
    retry: false,
    mayHaveArrived: false,
    when: 'Ghost’s UpdateCollisionError (HTTP 409): the post changed since the updated_at Dateline sent',
  },
  'bad-json': { code: 'remote-bad-response', retry: false, mayHaveArrived: true, when: 'a 2xx answer that is not valid JSON' },
  'html-instead-of-json': { code: 'remote-bad-response', retry: false, mayHaveArrived: true, when: 'a web page (login, maintenance, proxy) where JSON was expected' },
  'body-too-large': { code: 'remote-too-large', retry: false, mayHaveArrived: true, when: 'an answer larger than Dateline reads (JSON 10 MB, photos 40 MB)' },
};

/** Network error codes (errno, undici, TLS) by the row they fall in. */
export const NETWORK_CODE_KINDS: Readonly<Record<string, RemoteFailureKind>> = {
  ETIMEDOUT: 'timeout',
  UND_ERR_CONNECT_TIMEOUT: 'timeout',
  UND_ERR_HEADERS_TIMEOUT: 'timeout',
  UND_ERR_BODY_TIMEOUT: 'timeout',
  ECONNREFUSED: 'not-sent',
  ENOTFOUND: 'not-sent',
  EAI_AGAIN: 'not-sent',
  ENETUNREACH: 'not-sent',
  EHOSTUNREACH: 'not-sent',
  EADDRNOTAVAIL: 'not-sent',
  ENETDOWN: 'not-sent',
  ECONNRESET: 'connection-broken',
  EPIPE: 'connection-broken',
  ECONNABORTED: 'connection-broken',
  UND_ERR_SOCKET: 'connection-broken',
  UND_ERR_CLOSED: 'connection-broken',
  CERT_HAS_EXPIRED: 'tls',
  CERT_NOT_YET_VALID: 'tls',
  CERT_REVOKED: 'tls',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'tls',
  SELF_SIGNED_CERT_IN_CHAIN: 'tls',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'tls',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'tls',
  UNABLE_TO_GET_ISSUER_CERT: 'tls',
  ERR_TLS_CERT_ALTNAME_INVALID: 'tls',
};

/** WordPress REST error codes by the row they fall in (codes not listed go by their HTTP status). */
export const WORDPRESS_CODE_KINDS: Readonly<Record<string, RemoteFailureKind>> = {
  rest_not_logged_in: 'wp-auth',
  invalid_username: 'wp-auth',
  incorrect_password: 'wp-auth',
  invalid_email: 'wp-auth',
  application_passwords_disabled: 'wp-auth',
  rest_forbidden: 'wp-forbidden',
  rest_forbidden_context: 'wp-forbidden',
  rest_cannot_create: 'wp-forbidden',
  rest_cannot_publish: 'wp-forbidden',
  rest_cannot_edit: 'wp-forbidden',
  rest_cannot_edit_others: 'wp-forbidden',
  rest_cannot_delete: 'wp-forbidden',
  rest_cannot_assign_term: 'wp-forbidden',
  rest_cannot_create_term: 'wp-forbidden',
  rest_cannot_view: 'wp-forbidden',
  rest_post_invalid_id: 'wp-not-found',
  rest_no_route: 'wp-not-found',
  rest_term_invalid: 'wp-not-found',
  rest_user_invalid_id: 'wp-not-found',
  rest_invalid_param: 'wp-invalid-request',
  rest_missing_callback_param: 'wp-invalid-request',
  rest_upload_file_too_big: 'wp-upload-too-large',
  rest_upload_limited_space: 'wp-upload-no-space',
  rest_upload_no_data: 'wp-upload-dropped',
  rest_upload_no_content_type: 'wp-upload-dropped',
  rest_upload_no_content_disposition: 'wp-upload-dropped',
  // The companion plugin's photo route (resources/wordpress/dateline-companion.php).
  dateline_photo_too_large: 'wp-upload-too-large',
  dateline_photo_empty: 'wp-upload-dropped',
};

/** Ghost Admin API error types by the row they fall in (other types go by their HTTP status). */
export const GHOST_ERROR_TYPE_KINDS: Readonly<Record<string, RemoteFailureKind>> = {
  ValidationError: 'ghost-invalid-request',
  BadRequestError: 'ghost-invalid-request',
  UpdateCollisionError: 'ghost-update-collision',
};

/** The row a Ghost error answer falls in: its error type when the table knows it, else its status. */
export function ghostKind(status: number, ghostType: string | null): RemoteFailureKind {
  const known = ghostType ? GHOST_ERROR_TYPE_KINDS[ghostType] : undefined;
  if (known === 'ghost-update-collision' && status !== 409) return statusKind(status);
  return known ?? statusKind(status);
}

/** The row an HTTP status (without a more specific body) falls in. */
export function statusKind(status: number): RemoteFailureKind {
  switch (status) {
    case 400:
      return 'http-400';
    case 401:
      return 'http-401';
    case 403:
      return 'http-403';
    case 404:
      return 'http-404';
    case 408:
      return 'http-408';
    case 413:
      return 'http-413';
    case 429:
      return 'http-429';
  }
  if (status >= 300 && status <= 399) return 'http-redirect';
  if (status >= 400 && status <= 499) return 'http-4xx';
  if (status >= 500 && status <= 599) return 'http-5xx';
  return 'http-other';
}

/**
 * The row a WordPress error answer falls in. `upload` says the request carried a photo: only then
 * does "no file" mean PHP dropped a body above post_max_size, and a PHP upload error mean a limit.
 */
export function wordpressKind(status: number, wpCode: string | null, wpMessage: string, upload: boolean): RemoteFailureKind {
  if (status === 401) return 'http-401';
  if (upload && wpCode === 'rest_upload_unknown_error' && /upload_max_filesize|MAX_FILE_SIZE|exceeds the maximum upload size/i.test(wpMessage)) return 'wp-upload-too-large';
  const known = wpCode ? WORDPRESS_CODE_KINDS[wpCode] : undefined;
  if (known === 'wp-upload-dropped' && !upload) return 'wp-invalid-request';
  if (known === 'wp-auth' && status === 403) return 'wp-forbidden';
  if (known) return known;
  if (status === 413) return 'http-413';
  if (wpCode !== null) {
    if (status === 403) return 'wp-forbidden';
    if (status === 404) return 'wp-not-found';
    if (status === 400) return 'wp-invalid-request';
    if (status >= 500 && status <= 599) return 'wp-server-error';
  }
  return statusKind(status);
}

/** What a failed exchange showed, for the details: the address, and what the server said if anything. */
export interface RemoteFacts {
  url: string;
  status?: number;
  errno?: string;
  /** What the server said, quoted to the user as such (see bodyQuote). */
  serverSaid?: string;
  /** The title of the web page it answered with, quoted. */
  pageTitle?: string;
  sizeMegabytes?: number;
  maxMegabytes?: number;
  allowedStatuses?: string[];
  /** Anything else the services read back (WordPress's error code and data, byte counts…); never shown. */
  readonly [machine: string]: unknown;
}

/** The AppError for a row: code, retryable and mayHaveArrived from the table, the kind from the row, the log message from the caller. */
export function remoteFailure(kind: RemoteFailureKind, message: string, facts: RemoteFacts): AppError {
  const rule = REMOTE_FAILURE_TABLE[kind];
  return new AppError(rule.code, message, { ...facts, kind, host: hostOf(facts.url), retryable: rule.retry, mayHaveArrived: rule.mayHaveArrived });
}

/** The host of an address, or the address itself when it is not one. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
}
