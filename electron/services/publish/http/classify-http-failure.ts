// Runs in: services. Turns a failed HTTP exchange with a publishing backend into an AppError with
// its own code and a message that says what happened and what to do; shared by every adapter.
import { AppError } from '../../../../common/app-error';

export interface HttpStatusContext {
  url: string;
  /** The start of the response body, for the details (whitespace is collapsed, length capped). */
  bodySnippet?: string;
  /** Names the backend in messages, e.g. "The WordPress site news.example.com" or "The webhook receiver". */
  targetLabel: string;
}

export interface NetworkErrorContext {
  url: string;
  targetLabel: string;
}

/** What the details of every remote-* AppError from this module carry. */
export interface HttpFailureDetails {
  url: string;
  status?: number;
  bodySnippet?: string;
  /** The errno / undici / TLS code found in the error's cause chain. */
  errno?: string;
  /** True when the request may have reached the server (timeout, reset): look before repeating a create. */
  mayHaveArrived: boolean;
  /** Whether the outbox should try again later. */
  retryable: boolean;
}

const SNIPPET_MAX = 300;

const TLS_MESSAGES: Record<string, string> = {
  CERT_HAS_EXPIRED: 'its security certificate has expired',
  CERT_NOT_YET_VALID: 'its security certificate is not valid yet (check this computer’s clock)',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'it uses a self-signed security certificate that this computer does not trust',
  SELF_SIGNED_CERT_IN_CHAIN: 'its security certificate chain ends in a self-signed certificate this computer does not trust',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'its security certificate could not be verified (the server may be missing an intermediate certificate)',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'its security certificate was issued by an authority this computer does not trust',
  UNABLE_TO_GET_ISSUER_CERT: 'its security certificate was issued by an authority this computer does not trust',
  ERR_TLS_CERT_ALTNAME_INVALID: 'its security certificate is for a different address',
  CERT_REVOKED: 'its security certificate has been revoked',
};

const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);
// Refused before anything was sent: the request certainly did not arrive.
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'EADDRNOTAVAIL', 'ENETDOWN']);
// Broken mid-exchange: the server may have committed what we sent.
const BROKEN_CODES = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);

/** The AppError for a non-2xx answer. */
export function classifyHttpStatus(status: number, context: HttpStatusContext): AppError {
  const { url, targetLabel } = context;
  const bodySnippet = snippet(context.bodySnippet);
  const details = (retryable: boolean): HttpFailureDetails => ({
    url,
    status,
    ...(bodySnippet ? { bodySnippet } : {}),
    mayHaveArrived: true,
    retryable,
  });
  const said = bodySnippet ? ` It said: “${bodySnippet}”` : '';
  if (status === 401) {
    return new AppError(
      'remote-auth',
      `${targetLabel} refused the signature or credentials (HTTP 401 from ${url}). Check the user name and password or signing key for this target in Settings.${said}`,
      details(false),
    );
  }
  if (status === 403) {
    return new AppError(
      'remote-forbidden',
      `${targetLabel} accepted the credentials but refused this action (HTTP 403 from ${url}): the account may not be allowed to do it. Ask the site's administrator for the needed role, or publish with a status the account may set.${said}`,
      details(false),
    );
  }
  if (status === 404) {
    return new AppError('remote-not-found', `${targetLabel} has nothing at ${url} (HTTP 404). Check the address in Settings.${said}`, details(false));
  }
  if (status === 408) {
    return new AppError('remote-timeout', `${targetLabel} gave up waiting for the request (HTTP 408 from ${url}). Dateline will try again.`, details(true));
  }
  if (status === 413) {
    return new AppError(
      'remote-too-large',
      `${targetLabel} refused the upload as too large (HTTP 413 from ${url}). Use a smaller photo, or ask the site's administrator to raise the upload limit.${said}`,
      details(false),
    );
  }
  if (status === 429) {
    return new AppError('remote-server-error', `${targetLabel} is receiving too many requests (HTTP 429 from ${url}). Dateline will try again later.`, details(true));
  }
  if (status >= 500 && status <= 599) {
    return new AppError(
      'remote-server-error',
      `${targetLabel} had an internal problem (HTTP ${status} from ${url}). Dateline will try again; if it keeps failing, tell the site's administrator.${said}`,
      details(true),
    );
  }
  return new AppError('remote-bad-response', `${targetLabel} answered with an unexpected HTTP ${status} from ${url}.${said}`, details(false));
}

/** The AppError for a request that got no usable answer: timeout, refused, DNS, reset or TLS. */
export function classifyNetworkError(error: unknown, context: NetworkErrorContext): AppError {
  if (error instanceof AppError) return error;
  const { url, targetLabel } = context;
  const host = hostOf(url);
  const codes = codesIn(error);
  const names = namesIn(error);

  const tls = codes.find((code) => code in TLS_MESSAGES || code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_'));
  if (tls) {
    const reason = TLS_MESSAGES[tls] ?? `the secure connection failed (${tls})`;
    return new AppError(
      'remote-tls',
      `Could not connect securely to ${host}: ${reason}. Fix the certificate on the server, or check the address in Settings.`,
      fail(url, tls, false, false),
    );
  }
  const timeout = codes.find((code) => TIMEOUT_CODES.has(code));
  if (timeout || names.includes('TimeoutError') || names.includes('AbortError')) {
    return new AppError(
      'remote-timeout',
      `${targetLabel} at ${host} did not answer in time. Dateline will check whether it arrived and try again.`,
      fail(url, timeout ?? names.find((n) => n === 'TimeoutError' || n === 'AbortError'), true, true),
    );
  }
  const notSent = codes.find((code) => NOT_SENT_CODES.has(code));
  if (notSent) {
    const reason =
      notSent === 'ECONNREFUSED'
        ? 'nothing is listening at that address (connection refused)'
        : notSent === 'ENOTFOUND' || notSent === 'EAI_AGAIN'
          ? 'the name could not be looked up: the address may be misspelled, or this computer is offline'
          : 'the network has no route there: this computer may be offline';
    return new AppError('remote-unreachable', `Could not reach ${host}: ${reason}. Dateline will try again when it can.`, fail(url, notSent, false, true));
  }
  const broken = codes.find((code) => BROKEN_CODES.has(code));
  if (broken) {
    return new AppError(
      'remote-unreachable',
      `The connection to ${host} broke off before an answer arrived (${broken}). Dateline will check whether it arrived and try again.`,
      fail(url, broken, true, true),
    );
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new AppError(
    'remote-unreachable',
    `Could not talk to ${host}: ${detail}. Dateline will try again when it can.`,
    fail(url, codes[0], true, true),
  );
}

/** Whether an AppError from this module (or any remote-* error) is worth trying again later. */
export function isRetryableRemoteError(error: unknown): boolean {
  if (!(error instanceof AppError)) return false;
  const details = error.details as Partial<HttpFailureDetails> | undefined;
  if (typeof details?.retryable === 'boolean') return details.retryable;
  return error.code === 'remote-unreachable' || error.code === 'remote-timeout' || error.code === 'remote-server-error';
}

function fail(url: string, errno: string | undefined, mayHaveArrived: boolean, retryable: boolean): HttpFailureDetails {
  return { url, ...(errno ? { errno } : {}), mayHaveArrived, retryable };
}

/** Every string `code` in the error, its `cause` chain and AggregateError members, outermost first. */
function codesIn(error: unknown): string[] {
  return walk(error).flatMap((e) => {
    const code = (e as { code?: unknown }).code;
    return typeof code === 'string' ? [code] : [];
  });
}

function namesIn(error: unknown): string[] {
  return walk(error).flatMap((e) => {
    const name = (e as { name?: unknown }).name;
    return typeof name === 'string' ? [name] : [];
  });
}

function walk(error: unknown): object[] {
  const seen: object[] = [];
  const queue: unknown[] = [error];
  while (queue.length > 0 && seen.length < 20) {
    const next = queue.shift();
    if (typeof next !== 'object' || next === null || seen.includes(next)) continue;
    seen.push(next);
    queue.push((next as { cause?: unknown }).cause);
    const members = (next as { errors?: unknown }).errors;
    if (Array.isArray(members)) queue.push(...members);
  }
  return seen;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function snippet(text: string | undefined): string {
  if (!text) return '';
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > SNIPPET_MAX ? `${flat.slice(0, SNIPPET_MAX)}…` : flat;
}
