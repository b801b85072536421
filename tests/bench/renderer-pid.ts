// Runs in: the benchmark script (Node). Which renderer process draws a page. Chromium's process list
// (CDP SystemInfo.getProcessInfo) names renderers but not the page each one serves, and a browser
// keeps spare renderers besides. So the page spins its main thread for a moment, and the renderer
// whose CPU time grew by far the most is the page's.

const SPIN_MS = 400;

export interface ProcessInfo {
  type: string;
  id: number;
  cpuTime: number;
}

/** In-page: keeps the main thread busy for SPIN_MS. */
export const SPIN_SCRIPT = `(() => { const end = performance.now() + ${SPIN_MS}; while (performance.now() < end); return true; })()`;

/** The pid whose CPU time grew most, if it grew more than twice as much as any other. */
export function busiestPid(before: readonly ProcessInfo[], after: readonly ProcessInfo[]): number | undefined {
  const was = new Map(before.map((p) => [p.id, p.cpuTime]));
  const grew = after
    .filter((p) => p.type === 'renderer')
    .map((p) => ({ id: p.id, delta: p.cpuTime - (was.get(p.id) ?? 0) }))
    .sort((a, b) => b.delta - a.delta);
  const [first, second] = grew;
  if (!first || first.delta <= 0) return undefined;
  return !second || first.delta > 2 * second.delta ? first.id : undefined;
}

export async function rendererPid(processes: () => Promise<ProcessInfo[]>, spin: () => Promise<unknown>, attempts = 5): Promise<number> {
  for (let attempt = 0; attempt < attempts; attempt++) {
    const before = await processes();
    await spin();
    const pid = busiestPid(before, await processes());
    if (pid !== undefined) return pid;
  }
  throw new Error('could not tell which renderer serves the page');
}
