// Runs in: main and host (plain Node). One log line for what the services watchdog saw.
import type { WatchdogEvent } from './watchdog-event';

export function describeWatchdogEvent(event: WatchdogEvent): string | null {
  if (event.kind === 'exited') return `[services] the services process ${event.description}.`;
  if (event.kind === 'restarting') return `[services] restarting it in ${event.delayMs} ms (restart ${event.attempt}).`;
  if (event.kind === 'gave-up') return `[services] it stopped ${event.restarts + 1} times in a short while; not restarting it again.`;
  return null;
}
