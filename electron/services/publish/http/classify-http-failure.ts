// Runs in: services. Turns a failed HTTP exchange with a publishing backend into an AppError with
// its own code and a message that says what happened and what to do; shared by every adapter.
import { AppError } from '../../../../common/app-error';
import { bodyExcerpt, bodyQuote, bodySaid } from './body-excerpt';
import { BodyTooLargeError } from './read-capped-body';
import { hostOf, NETWORK_CODE_KINDS, remoteFailure, statusKind, type RemoteFailureKind } from './remote-failure-table';

export interface HttpStatusContext {
  url: string;
  /** The start of the response body, for the details (whitespace is collapsed, length capped). */
  bodySnippet?: string;
  /** Names the backend in messages, e.g. "The WordPress site news.example.com" or "The webhook receiver". */
  targetLabel: string;
  /** What the caller read back for its own use (a backend's error code and data); never shown. */
  facts?: object;
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
  /** The row of the failure table (remote-failure-table.ts) that classified it. */
  kind: RemoteFailureKind;
  host: string;
  /** What the server said, or the title of the web page it answered with: quoted to the user. */
  serverSaid?: string;
  pageTitle?: string;
}

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

/** The AppError for a non-2xx answer: its code and whether to retry come from the failure table. */
export function classifyHttpStatus(status: number, context: HttpStatusContext): AppError {
  const { url, targetLabel } = context;
  const bodySnippet = bodyExcerpt(context.bodySnippet);
  const details = { ...context.facts, url, status, ...(bodySnippet ? { bodySnippet } : {}), ...bodyQuote(context.bodySnippet) };
  const said = bodySaid(context.bodySnippet);
  const kind = statusKind(status);
  const message: Partial<Record<RemoteFailureKind, string>> = {
    'http-401': `${targetLabel} refused the signature or credentials (HTTP 401 from ${url}). Check the user name and password or signing key for this target in Settings.${said}`,
    'http-403': `${targetLabel} accepted the credentials but refused this action (HTTP 403 from ${url}): the account may not be allowed to do it. Ask the site's administrator for the needed role, or publish with a status the account may set.${said}`,
    'http-404': `${targetLabel} has nothing at ${url} (HTTP 404). Check the address in Settings.${said}`,
    'http-408': `${targetLabel} gave up waiting for the request (HTTP 408 from ${url}). Dateline will try again.`,
    'http-413': `${targetLabel} refused the upload as too large (HTTP 413 from ${url}). Use a smaller photo, or ask the site's administrator to raise the upload limit.${said}`,
    'http-429': `${targetLabel} is receiving too many requests (HTTP 429 from ${url}). Dateline will try again later.`,
    'http-5xx': `${targetLabel} had an internal problem (HTTP ${status} from ${url}). Dateline will try again; if it keeps failing, tell the site's administrator.${said}`,
    'http-redirect': `${targetLabel} answered with a redirect (HTTP ${status} from ${url}) where Dateline expected an answer: check the address in Settings.`,
  };
  return remoteFailure(kind, message[kind] ?? `${targetLabel} answered with an unexpected HTTP ${status} from ${url}.${said}`, details);
}

/** The AppError for an answer larger than the caller reads (see read-capped-body.ts). */
export function classifyBodyTooLarge(error: BodyTooLargeError, context: NetworkErrorContext & { what?: string }): AppError {
  const size = error.declaredBytes === null ? `more than ${megabytes(error.maxBytes)} MB` : `${megabytes(error.declaredBytes)} MB`;
  return remoteFailure(
    'body-too-large',
    `${context.targetLabel} sent ${context.what ?? 'an answer'} of ${size} (${context.url}); Dateline reads at most ${megabytes(error.maxBytes)} MB and stopped reading it`,
    {
      url: context.url,
      maxBytes: error.maxBytes,
      maxMegabytes: Number(megabytes(error.maxBytes)),
      ...(error.declaredBytes === null ? {} : { declaredBytes: error.declaredBytes, sizeMegabytes: Number(megabytes(error.declaredBytes)) }),
    },
  );
}

/** The AppError for a request that got no usable answer: timeout, refused, DNS, reset or TLS. */
export function classifyNetworkError(error: unknown, context: NetworkErrorContext): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof BodyTooLargeError) return classifyBodyTooLarge(error, context);
  const { url, targetLabel } = context;
  const host = hostOf(url);
  const codes = codesIn(error);
  const names = namesIn(error);
  const kindOf = (code: string): RemoteFailureKind | undefined => NETWORK_CODE_KINDS[code] ?? (code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_') ? 'tls' : undefined);
  const first = (kind: RemoteFailureKind) => codes.find((code) => kindOf(code) === kind);
  const details = (errno: string | undefined) => ({ url, ...(errno ? { errno } : {}) });

  const tls = first('tls');
  if (tls) {
    const reason = TLS_MESSAGES[tls] ?? `the secure connection failed (${tls})`;
    return remoteFailure('tls', `Could not connect securely to ${host}: ${reason}. Fix the certificate on the server, or check the address in Settings.`, details(tls));
  }
  const timeout = first('timeout');
  if (timeout || names.includes('TimeoutError') || names.includes('AbortError')) {
    return remoteFailure(
      'timeout',
      `${targetLabel} (${host}) did not answer in time. Dateline will check whether it arrived and try again.`,
      details(timeout ?? names.find((n) => n === 'TimeoutError' || n === 'AbortError')),
    );
  }
  const notSent = first('not-sent');
  if (notSent) {
    const reason =
      notSent === 'ECONNREFUSED'
        ? 'nothing is listening at that address (connection refused)'
        : notSent === 'ENOTFOUND' || notSent === 'EAI_AGAIN'
          ? 'the name could not be looked up: the address may be misspelled, or this computer is offline'
          : 'the network has no route there: this computer may be offline';
    return remoteFailure('not-sent', `Could not reach ${host}: ${reason}. Dateline will try again when it can.`, details(notSent));
  }
  const broken = first('connection-broken');
  if (broken) {
    return remoteFailure(
      'connection-broken',
      `The connection to ${host} broke off before an answer arrived (${broken}). Dateline will check whether it arrived and try again.`,
      details(broken),
    );
  }
  const detail = error instanceof Error ? error.message : String(error);
  return remoteFailure('network-other', `Could not talk to ${host}: ${detail}. Dateline will try again when it can.`, details(codes[0]));
}

/** Whether an AppError (from the failure table, or any remote-* error) is worth trying again later. */
export function isRetryableRemoteError(error: unknown): boolean {
  if (!(error instanceof AppError)) return false;
  const retryable: unknown = error.details && !Array.isArray(error.details) && 'retryable' in error.details ? error.details.retryable : undefined;
  if (typeof retryable === 'boolean') return retryable;
  return error.code === 'remote-unreachable' || error.code === 'remote-timeout' || error.code === 'remote-server-error';
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

function megabytes(bytes: number): string {
  return (bytes / 1_048_576).toFixed(1).replace(/\.0$/, '');
}
