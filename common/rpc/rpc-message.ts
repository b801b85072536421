// Runs in: main, host, services process and preload (pure). The messages one RPC endpoint sends
// another over a MessagePort, Electron's parentPort or Node's fork IPC, and their validation.
import { APP_ERROR_CODES, relayedDetails, type AppErrorCode } from '../app-error';
import type { Envelope } from '../contract';
import { isRecord } from '../is-record';

/** Operation names are short identifiers like "articles.save" or "secrets.get". */
const OP_PATTERN = /^[A-Za-z][A-Za-z0-9.-]{0,99}$/;
/** An error message longer than this is cut: the far side is trusted less than our own code. */
const MAX_MESSAGE_CHARS = 4_000;

export interface RpcRequest {
  kind: 'rpc-request';
  id: number;
  op: string;
  input: unknown;
}

export interface RpcResponse {
  kind: 'rpc-response';
  id: number;
  result: Envelope<unknown>;
}

/** A one-way notice from the far side (the services' events); nobody answers it. */
export interface RpcEvent {
  kind: 'rpc-event';
  event: unknown;
}

/** One direction of a channel: send a structured-cloneable message, hear the other side's. */
export interface RpcEndpoint {
  send(message: unknown): void;
  /** Returns a function that stops listening. */
  onMessage(listener: (message: unknown) => void): () => void;
}


function isRequestId(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}

export function isRpcOpName(value: unknown): value is string {
  return typeof value === 'string' && OP_PATTERN.test(value);
}

export function parseRpcRequest(message: unknown): RpcRequest | null {
  if (!isRecord(message) || message.kind !== 'rpc-request' || !isRequestId(message.id) || !isRpcOpName(message.op)) return null;
  return { kind: 'rpc-request', id: message.id, op: message.op, input: message.input };
}

/** A response whose envelope is not understood becomes an `internal` failure, never a value. */
export function parseRpcResponse(message: unknown): RpcResponse | null {
  if (!isRecord(message) || message.kind !== 'rpc-response' || !isRequestId(message.id)) return null;
  return { kind: 'rpc-response', id: message.id, result: parseEnvelope(message.result) };
}

function parseEnvelope(value: unknown): Envelope<unknown> {
  if (isRecord(value) && value.ok === true) return { ok: true, value: value.value };
  const error = isRecord(value) && value.ok === false && isRecord(value.error) ? value.error : {};
  const code: AppErrorCode = (APP_ERROR_CODES as readonly unknown[]).includes(error.code) ? (error.code as AppErrorCode) : 'internal';
  const message = typeof error.message === 'string' && error.message !== '' ? error.message.slice(0, MAX_MESSAGE_CHARS) : 'The services sent a reply that was not understood.';
  const details = relayedDetails(error.details);
  return details === undefined ? { ok: false, error: { code, message } } : { ok: false, error: { code, message, details } };
}
