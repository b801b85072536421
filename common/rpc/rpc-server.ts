// Runs in: main, host and services process (pure). Answers the requests that arrive on an
// RpcEndpoint with a dispatch function; anything that is not a well-formed request is ignored.
import type { Envelope } from '../contract';
import { parseRpcRequest, type RpcEndpoint, type RpcResponse } from './rpc-message';

export type RpcDispatch = (op: string, input: unknown) => Promise<Envelope<unknown>>;

/** Returns a function that stops answering. */
export function serveRpc(endpoint: RpcEndpoint, dispatch: RpcDispatch): () => void {
  return endpoint.onMessage((message) => {
    const request = parseRpcRequest(message);
    if (request === null) return;
    void dispatch(request.op, request.input)
      .catch((error: unknown): Envelope<unknown> => ({
        ok: false,
        error: { code: 'internal', message: `${request.op} failed: ${error instanceof Error ? error.message : String(error)}`, details: { kind: 'unexpected' } },
      }))
      .then((result) => {
        const response: RpcResponse = { kind: 'rpc-response', id: request.id, result };
        try {
          endpoint.send(response);
        } catch {
          // The caller is gone (its process died); there is nobody left to answer.
        }
      });
  });
}
