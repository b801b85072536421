// Runs in: vitest. An event connection the test drives by hand: open, drop, deliver.
import type { DatelineEvent } from '../../common/contract-events';
import type { EventConnection, EventConnectionHandlers } from '../../renderer/api/event-subscription';

export interface TestEventConnection extends EventConnection {
  open(): void;
  down(): void;
  deliver(event: DatelineEvent): void;
  readonly started: boolean;
}

export function testEventConnection(): TestEventConnection {
  let handlers: EventConnectionHandlers | null = null;
  const need = (): EventConnectionHandlers => {
    if (handlers === null) throw new Error('The subscription has not started the connection.');
    return handlers;
  };
  return {
    start(next) {
      handlers = next;
      return () => {
        handlers = null;
      };
    },
    open: () => need().open(),
    down: () => need().down(),
    deliver: (event) => need().event(event),
    get started() {
      return handlers !== null;
    },
  };
}
