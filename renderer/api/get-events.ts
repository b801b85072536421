// Runs in: renderer. The app's one event subscription, over the same transport getApi() picked.
import { createEventSubscription, type EventSubscription } from './event-subscription';
import { ipcConnection } from './ipc-connection';
import { sseConnection } from './sse-connection';

let cached: EventSubscription | null = null;

export function getEvents(): EventSubscription {
  cached ??= createEventSubscription(window.dateline ? ipcConnection(window.dateline) : sseConnection());
  return cached;
}
