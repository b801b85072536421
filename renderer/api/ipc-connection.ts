// Runs in: renderer (Electron). The services' events over preload's onEvent; main's channel to the
// window stays open as long as the window does, and a services restart arrives as `app.resync`.
import type { DatelineBridge } from '../../common/bridge';
import type { EventConnection } from './event-subscription';

export function ipcConnection(bridge: Pick<DatelineBridge, 'onEvent'>): EventConnection {
  return {
    start(handlers) {
      const stop = bridge.onEvent((event) => handlers.event(event));
      handlers.open();
      return stop;
    },
  };
}
