// Runs in: main, host, services process and preload (pure). Calls operations on the far side of
// an RpcEndpoint: each call gets a request id, and its promise settles with the far side's
// Envelope. Calls never reject: a channel that dies fails them with the code it is given.
import { relayedDetails, type AppErrorCode } from '../app-error';
import type { Envelope } from '../contract';
import { parseRpcResponse, type RpcEndpoint, type RpcRequest } from './rpc-message';

export interface RpcClient {
  call(op: string, input: unknown): Promise<Envelope<unknown>>;
  /** Settles every call still waiting with this error (the far side died); the client stays usable. */
  failPending(code: AppErrorCode, message: string, details?: unknown): void;
  /** How many calls are waiting for an answer. */
  readonly pending: number;
  /** Stops listening to the endpoint and fails what is pending. */
  dispose(code: AppErrorCode, message: string): void;
}

export function createRpcClient(endpoint: RpcEndpoint): RpcClient {
  let nextId = 1;
  const waiting = new Map<number, (result: Envelope<unknown>) => void>();
  const stop = endpoint.onMessage((message) => {
    const response = parseRpcResponse(message);
    if (response === null) return;
    const settle = waiting.get(response.id);
    if (settle === undefined) return;
    waiting.delete(response.id);
    settle(response.result);
  });
  const failPending = (code: AppErrorCode, message: string, details?: unknown): void => {
    const relayed = relayedDetails(details);
    const failure: Envelope<unknown> = relayed === undefined ? { ok: false, error: { code, message } } : { ok: false, error: { code, message, details: relayed } };
    const all = [...waiting.values()];
    waiting.clear();
    for (const settle of all) settle(failure);
  };
  return {
    call(op, input) {
      const id = nextId++;
      return new Promise<Envelope<unknown>>((resolve) => {
        waiting.set(id, resolve);
        const request: RpcRequest = { kind: 'rpc-request', id, op, input };
        try {
          endpoint.send(request);
        } catch (error) {
          waiting.delete(id);
          resolve({
            ok: false,
            error: { code: 'internal', message: `Could not send ${op}: ${error instanceof Error ? error.message : String(error)}`, details: { kind: 'services-unreachable' } },
          });
        }
      });
    },
    failPending,
    get pending() {
      return waiting.size;
    },
    dispose(code, message) {
      stop();
      failPending(code, message);
    },
  };
}
