// Runs in: main, host and services process (pure). Events travel beside requests and responses on
// the same RpcEndpoint, as one-way `rpc-event` messages; the receiver checks each against its schema.
import { parseDatelineEvent, type DatelineEvent } from '../contract-events';
import type { RpcEndpoint, RpcEvent } from './rpc-message';

/** Sends one event; a channel whose far side just died drops it (the restart resynchronises). */
export function sendRpcEvent(endpoint: RpcEndpoint, event: DatelineEvent): void {
  try {
    endpoint.send({ kind: 'rpc-event', event } satisfies RpcEvent);
  } catch {
    // Nobody is listening any more.
  }
}

/** Hears the far side's events; anything malformed or unknown is dropped. Returns a function that stops listening. */
export function onRpcEvent(endpoint: RpcEndpoint, listener: (event: DatelineEvent) => void): () => void {
  return endpoint.onMessage((message) => {
    if (typeof message !== 'object' || message === null || (message as { kind?: unknown }).kind !== 'rpc-event') return;
    const event = parseDatelineEvent((message as { event?: unknown }).event);
    if (event !== null) listener(event);
  });
}
