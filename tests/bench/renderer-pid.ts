// Runs in: the benchmark script (Node). Which renderer process draws a page. Chromium's process list
// (CDP SystemInfo.getProcessInfo) names renderers but not the page each one serves, and a browser
// keeps spare renderers besides. So the page spins its main thread for a moment, and the renderer
// whose CPU time grew by far the most is the page's.
import type { Browser, Page } from '@playwright/test';

const SPIN_MS = 400;

interface ProcessInfo {
  type: string;
  id: number;
  cpuTime: number;
}

export async function chromiumProcesses(browser: Browser): Promise<ProcessInfo[]> {
  const session = await browser.newBrowserCDPSession();
  try {
    const { processInfo } = (await session.send('SystemInfo.getProcessInfo')) as { processInfo: ProcessInfo[] };
    return processInfo;
  } finally {
    await session.detach();
  }
}

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

export async function rendererPid(browser: Browser, page: Page, attempts = 3): Promise<number> {
  for (let attempt = 0; attempt < attempts; attempt++) {
    const before = await chromiumProcesses(browser);
    await page.evaluate(`(() => { const end = performance.now() + ${SPIN_MS}; while (performance.now() < end); return true; })()`);
    const pid = busiestPid(before, await chromiumProcesses(browser));
    if (pid !== undefined) return pid;
  }
  throw new Error(`could not tell which renderer serves ${page.url()}`);
}

/** The pids of the browser's non-renderer processes by type: browser, GPU, network service, ... */
export async function otherProcessPids(browser: Browser): Promise<Map<string, number>> {
  const pids = new Map<string, number>();
  for (const p of await chromiumProcesses(browser)) if (p.type !== 'renderer') pids.set(p.type, p.id);
  return pids;
}
