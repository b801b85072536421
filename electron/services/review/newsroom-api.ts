// Runs in: services. The newsroom server's HTTP API (common/collab/newsroom-server-protocol.ts) as
// the app calls it: the account token as `Authorization: Bearer`, replies read up to a bound and
// checked against the protocol's schemas, and every failure turned into an AppError whose details
// say what went wrong so the renderer can say it in the user's language: a refusal the server gave
// a kind (a workflow rule, a spiked story, a bad request) keeps the server's code and kind, checked
// against the kind's schema; anything else is told by `newsroom`: unreachable, auth, forbidden,
// conflict, not-found, bad-response.
import { z } from 'zod';
import { AppError, APP_ERROR_CODES, type AppErrorCode } from '../../../common/app-error';
import { parseAppErrorDetails } from '../../../common/errors/app-error-details';
import { articleIdSchema } from '../../../common/article';
import {
  meResultSchema,
  storyRecordSchema,
  storySummarySchema,
  storyTicketSchema,
  type CommentCall,
  type MeResult,
  type StoryRecord,
  type StorySummary,
  type StoryTicketResult,
  type WorkflowCall,
} from '../../../common/collab/newsroom-server-protocol';

/** Why a call failed, as the settings and review panels tell the user. */
export type NewsroomFailure = 'unreachable' | 'auth' | 'forbidden' | 'conflict' | 'not-found' | 'bad-response';

export interface NewsroomApiOptions {
  /** http(s)://host:port of the server. */
  serverUrl: string;
  token: string | null;
  /** @default globalThis.fetch */
  fetch?: typeof fetch;
  /** @default 15_000 */
  timeoutMs?: number;
}

/** The largest reply read: 1,000 stories or one story's history and comments fit well within it. */
export const MAX_NEWSROOM_REPLY_BYTES = 8 * 1024 * 1024;

const storyListSchema = z.object({ stories: z.array(storySummarySchema).max(10_000) });

export interface NewsroomApi {
  readonly serverUrl: string;
  me(): Promise<MeResult>;
  stories(): Promise<StorySummary[]>;
  /** null when the story is not on the server (or not yours to open). */
  story(id: string): Promise<StoryRecord | null>;
  workflow(id: string, call: WorkflowCall): Promise<StoryRecord>;
  comment(id: string, call: CommentCall): Promise<StoryRecord>;
  /** A short-lived ticket to open the story over the WebSocket; not-found when not yours to open. */
  ticket(id: string): Promise<StoryTicketResult>;
}

/** The server's address as settings keep it: http(s) only, no path, query or credentials. */
export function normaliseServerUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw newsroomError('invalid-input', 'bad-response', `"${input}" is not a server address (e.g. https://newsroom.example.org:4455).`);
  }
  if (url.protocol === 'ws:') url.protocol = 'http:';
  if (url.protocol === 'wss:') url.protocol = 'https:';
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password) {
    throw newsroomError('invalid-input', 'bad-response', `"${input}" is not a server address (e.g. https://newsroom.example.org:4455).`);
  }
  return url.origin;
}

/** Where the SecretStore keeps the account token of the server at `serverUrl` (normalised). */
export function newsroomTokenKey(serverUrl: string): string {
  return `newsroom-token:${serverUrl}`;
}

/** The WebSocket address of the server's collaboration endpoint. */
export function collabUrlOf(serverUrl: string): string {
  const url = new URL(normaliseServerUrl(serverUrl));
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.pathname = '/collab';
  return url.toString();
}

export function newsroomError(code: AppErrorCode, newsroom: NewsroomFailure, message: string, details: Record<string, unknown> = {}): AppError {
  return new AppError(code, message, { ...details, kind: `newsroom-${newsroom}`, newsroom, ...(newsroom === 'unreachable' ? { unreachable: true } : {}) });
}

export function createNewsroomApi(options: NewsroomApiOptions): NewsroomApi {
  const serverUrl = normaliseServerUrl(options.serverUrl);
  const doFetch = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const where = `The newsroom server ${serverUrl}`;

  async function call<T>(method: 'GET' | 'POST', path: string, schema: z.ZodType<T>, body?: unknown): Promise<T | null> {
    if (!options.token) throw newsroomError('remote-auth', 'auth', `${where} needs your account token: enter it in Settings.`);
    let response: Response;
    try {
      response = await doFetch(`${serverUrl}${path}`, {
        method,
        headers: { authorization: `Bearer ${options.token}`, accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
        redirect: 'error',
      });
    } catch (error) {
      throw newsroomError('remote-unreachable', 'unreachable', `${where} could not be reached: ${error instanceof Error ? error.message : String(error)}.`);
    }
    const text = await readBounded(response, where);
    if (response.status === 404) return null;
    if (!response.ok) throw failureOf(response.status, text, where);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw newsroomError('remote-bad-response', 'bad-response', `${where} answered something that is not JSON (HTTP ${response.status}).`);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw newsroomError('remote-bad-response', 'bad-response', `${where} answered in an unexpected shape (${path}).`);
    return parsed.data;
  }

  const found = <T>(value: T | null, what: string): T => {
    if (value === null) throw newsroomError('not-found', 'not-found', `${where} has no ${what}, or it is not yours to open.`);
    return value;
  };
  const storyPath = (id: string) => `/api/stories/${articleIdSchema.parse(id)}`;

  return {
    serverUrl,
    me: async () => found(await call('GET', '/api/me', meResultSchema), 'account API'),
    stories: async () => found(await call('GET', '/api/stories', storyListSchema), 'story list').stories,
    story: (id) => call('GET', storyPath(id), storyRecordSchema),
    workflow: async (id, body) => found(await call('POST', `${storyPath(id)}/workflow`, storyRecordSchema, body), `story ${id}`),
    comment: async (id, body) => found(await call('POST', `${storyPath(id)}/comments`, storyRecordSchema, body), `story ${id}`),
    ticket: async (id) => found(await call('POST', `${storyPath(id)}/ticket`, storyTicketSchema, {}), `story ${id}`),
  };
}

async function readBounded(response: Response, where: string): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > MAX_NEWSROOM_REPLY_BYTES) {
    await response.body?.cancel();
    throw newsroomError('remote-too-large', 'bad-response', `${where} sent a reply larger than ${MAX_NEWSROOM_REPLY_BYTES} bytes.`);
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_NEWSROOM_REPLY_BYTES) {
      await reader.cancel();
      throw newsroomError('remote-too-large', 'bad-response', `${where} sent a reply larger than ${MAX_NEWSROOM_REPLY_BYTES} bytes.`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Refusals whose kind the server's answer may carry; the rest keep the app's own newsroom kinds. */
const RELAYED: Partial<Record<number, readonly AppErrorCode[]>> = {
  400: ['invalid-input'],
  403: ['permission-denied'],
  409: ['conflict'],
};

/**
 * The server's refusal ({ error: { code, message, details } }) with its typed kind, when the code
 * fits the HTTP status and the details fit the code's schema; the message stays for the log.
 */
function relayedFailure(status: number, error: { code?: unknown; details?: unknown } | undefined, where: string, said: string): AppError | null {
  const code = error?.code;
  if (typeof code !== 'string' || !(APP_ERROR_CODES as readonly string[]).includes(code) || !RELAYED[status]?.includes(code as AppErrorCode)) return null;
  const details = parseAppErrorDetails(code as AppErrorCode, error?.details);
  if (!details || details.kind.startsWith('newsroom-')) return null;
  return new AppError(code as AppErrorCode, `${where} refused (HTTP ${status}).${said}`, details);
}

/** The server's own message when it sent one ({ error: { message } }), else the status. */
function failureOf(status: number, text: string, where: string): AppError {
  let said = '';
  let error: { code?: unknown; message?: unknown; details?: unknown } | undefined;
  try {
    error = (JSON.parse(text) as { error?: typeof error }).error;
    if (typeof error?.message === 'string') said = ` ${error.message.slice(0, 500)}`;
  } catch {
    // Not JSON: the status says enough.
  }
  const relayed = relayedFailure(status, error, where, said);
  if (relayed) return relayed;
  if (status === 401) return newsroomError('remote-auth', 'auth', `${where} did not accept your account token: check it in Settings.${said}`, { status });
  if (status === 403) return newsroomError('permission-denied', 'forbidden', `${where} does not let your account do that.${said}`, { status });
  if (status === 409) return newsroomError('conflict', 'conflict', `${where} refused: the story changed meanwhile.${said}`, { status });
  if (status >= 500) return newsroomError('remote-server-error', 'unreachable', `${where} failed (HTTP ${status}).${said}`, { status });
  return newsroomError('remote-bad-response', 'bad-response', `${where} refused the request (HTTP ${status}).${said}`, { status });
}
