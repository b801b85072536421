// Runs in: the newsroom server. The HTTP API beside the WebSocket (see
// common/collab/newsroom-server-protocol.ts): who am I, the stories I may open, a story's record,
// workflow actions, comments and a story's collaboration ticket. Every call needs a Bearer token; bodies are JSON, at most
// MAX_API_BODY_BYTES; errors are { error: { code, message, details } }.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AppError, isAppError, type AppErrorCode } from '../../common/app-error';
import { articleIdSchema } from '../../common/article';
import { commentCallSchema, EVENTS_PATH, MAX_API_BODY_BYTES, workflowCallSchema } from '../../common/collab/newsroom-server-protocol';
import { accountForToken, type Account } from '../accounts/account-store';
import type { SqlDatabase } from '../db/sql-database';
import { addComment, applyWorkflow, canOpen, ensureStory, listStories, storyRecord } from '../stories/story-store';
import { storyDocumentName } from '../../common/collab/story-name';
import { issueStoryTicket } from '../collab/story-tickets';
import type { StoryEventStream } from './story-event-stream';

const STATUS_OF: Partial<Record<AppErrorCode, number>> = {
  'invalid-input': 400,
  unauthorized: 401,
  'permission-denied': 403,
  'not-found': 404,
  conflict: 409,
};

function send(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}

function sendError(response: ServerResponse, error: unknown): void {
  if (isAppError(error)) {
    send(response, STATUS_OF[error.code] ?? 500, { error: { code: error.code, message: error.message, details: error.details ?? null } });
    return;
  }
  console.error(error);
  send(response, 500, { error: { code: 'internal', message: 'The server failed; see its log.', details: null } });
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > MAX_API_BODY_BYTES) throw new AppError('invalid-input', `The request is too large: at most ${MAX_API_BODY_BYTES} bytes.`, { kind: 'request-too-large', maxBytes: MAX_API_BODY_BYTES });
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_API_BODY_BYTES) throw new AppError('invalid-input', `The request is too large: at most ${MAX_API_BODY_BYTES} bytes.`, { kind: 'request-too-large', maxBytes: MAX_API_BODY_BYTES });
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new AppError('invalid-input', 'The request body is not JSON.', { kind: 'request-not-json' });
  }
}

async function authenticate(db: SqlDatabase, request: IncomingMessage): Promise<Account> {
  const header = request.headers.authorization ?? '';
  const token = header.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : null;
  const account = await accountForToken(db, token);
  if (!account) throw new AppError('unauthorized', 'Give a valid account token (Authorization: Bearer …).', { kind: 'server-token-invalid' });
  return account;
}

function parsed<T>(schema: { safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: unknown[] } } }, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new AppError('invalid-input', 'The request does not have the expected fields.', { kind: 'server-request-invalid', issues: result.error.issues.length });
  return result.data;
}

/** Handles /api/* and /healthz; false for any other path (the caller answers 404). `events` serves /api/events. */
export async function handleApi(db: SqlDatabase, nodeName: string, request: IncomingMessage, response: ServerResponse, events?: StoryEventStream): Promise<boolean> {
  const url = new URL(request.url ?? '/', 'http://server');
  const path = url.pathname;
  if (path === '/healthz' && request.method === 'GET') {
    send(response, 200, { ok: true, node: nodeName });
    return true;
  }
  if (!path.startsWith('/api/')) return false;
  try {
    const account = await authenticate(db, request);
    const parts = path.slice('/api/'.length).split('/');
    if (request.method === 'GET' && path === '/api/me') return (send(response, 200, account), true);
    if (request.method === 'GET' && path === EVENTS_PATH && events) {
      if (!events.serve(account, request, response)) send(response, 503, { error: { code: 'internal', message: 'Too many event streams are open on this node.', details: { kind: 'unexpected' } } });
      return true;
    }
    if (request.method === 'GET' && path === '/api/stories') return (send(response, 200, { stories: await listStories(db, account) }), true);
    if (parts[0] === 'stories' && parts[1] !== undefined) {
      const id = parts[1];
      if (!articleIdSchema.safeParse(id).success) throw new AppError('not-found', 'No such story.', { kind: 'server-story-missing', id: id.slice(0, 100) });
      if (request.method === 'GET' && parts.length === 2) return (send(response, 200, await storyRecord(db, id, account)), true);
      if (request.method === 'POST' && parts.length === 3 && parts[2] === 'workflow') {
        const call = parsed(workflowCallSchema, await readJson(request));
        return (send(response, 200, await applyWorkflow(db, id, account, call, new Date())), true);
      }
      if (request.method === 'POST' && parts.length === 3 && parts[2] === 'ticket') {
        // The same check as opening the story over the WebSocket (story-access-extension.ts).
        const story = await ensureStory(db, id, account);
        if (!canOpen(story, account)) throw new AppError('not-found', 'No such story, or it is not yours to open.', { kind: 'server-story-missing', id });
        return (send(response, 200, await issueStoryTicket(db, account, storyDocumentName(id), new Date())), true);
      }
      if (request.method === 'POST' && parts.length === 3 && parts[2] === 'comments') {
        const call = parsed(commentCallSchema, await readJson(request));
        return (send(response, 200, await addComment(db, id, account, call)), true);
      }
    }
    throw new AppError('not-found', `No such API call: ${request.method ?? ''} ${path.slice(0, 200)}.`, { kind: 'server-call-unknown' });
  } catch (error) {
    sendError(response, error);
  }
  return true;
}
