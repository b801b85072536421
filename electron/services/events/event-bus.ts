// Runs in: the services process (plain Node, no electron import). One small bus the services
// publish their events on; the services process forwards them to its parent over common/rpc.
import { datelineEvent, type DatelineEvent, type EventName, type EventPayload } from '../../../common/contract-events';

export interface EventBus {
  emit<K extends EventName>(name: K, payload: EventPayload<K>): void;
  /** Returns a function that stops listening. */
  subscribe(listener: (event: DatelineEvent) => void): () => void;
}

/** A listener that throws is reported and skipped: an event never breaks the work that emitted it. */
export function createEventBus(onListenerError: (error: unknown) => void = () => undefined): EventBus {
  const listeners = new Set<(event: DatelineEvent) => void>();
  return {
    emit(name, payload) {
      const event = datelineEvent(name, payload);
      for (const listener of [...listeners]) {
        try {
          listener(event);
        } catch (error) {
          onListenerError(error);
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
