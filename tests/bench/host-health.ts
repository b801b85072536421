// Runs in: the benchmark script (Node). How long the host's event loop stays blocked (it answers
// no request until it is free), and how much CPU the host process used, from /proc on Linux.
import { readFileSync } from 'node:fs';
import type { HostClient } from '../support/host-client';

/** Milliseconds until the host answers a trivial call again, or null if it did not within `capMs`. */
export async function timeUntilResponsive(client: HostClient, capMs: number): Promise<number | null> {
  const start = performance.now();
  while (performance.now() - start < capMs) {
    const left = capMs - (performance.now() - start);
    // A request that waits longer than Node's headersTimeout (60 s) is reset: just ask again.
    const answered = await Promise.race([
      client.call('app.info', {}).then(
        () => true,
        () => false,
      ),
      new Promise<false>((resolve) => setTimeout(() => resolve(false), left).unref()),
    ]);
    if (answered) return performance.now() - start;
  }
  return null;
}

/** User + system CPU time of a process in ms, or null where /proc is not available. */
export function processCpuMs(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces) start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? ticks * 10 : null;
  } catch {
    return null;
  }
}
