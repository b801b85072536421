// Runs in: main (Electron). Passes the services' events (already checked by the watchdog) to the
// window on one channel; preload checks them again. Type-checked only: there is no Electron runtime
// on the build machines, and the same events are tested through the loopback host.
import type { WebContents } from 'electron';
import type { ServicesWatchdog } from '../services-process/services-watchdog';
import { EVENT_CHANNEL } from '../transport/ipc-channels';

/** Returns a function that stops forwarding. */
export function forwardServicesEvents(watchdog: Pick<ServicesWatchdog, 'onServicesEvent'>, target: () => WebContents | null): () => void {
  return watchdog.onServicesEvent((event) => {
    const contents = target();
    if (contents !== null && !contents.isDestroyed()) contents.send(EVENT_CHANNEL, event);
  });
}
