// Runs in: Node (Playwright config, benches, the test preflight). Decides which Chromium the tests
// drive: DATELINE_CHROMIUM when set, else Playwright's own Chromium where it is installed, else
// Debian's /usr/bin/chromium. The one place that knows these paths.
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

export type ChromiumSource = 'DATELINE_CHROMIUM' | 'playwright' | 'debian';

export type ChromiumChoice =
  | { found: true; path: string; source: ChromiumSource }
  | { found: false; explicit: string | null; tried: string[] };

export interface ChromiumProbe {
  /** The value of DATELINE_CHROMIUM, if set. */
  explicit: string | undefined;
  /** Where Playwright's own Chromium would be, or null when Playwright cannot say. */
  playwrightPath: string | null;
  exists(path: string): boolean;
}

/** Pure: the explicit choice wins (and is not replaced when it is wrong), then Playwright's, then Debian's. */
export function chooseChromium(probe: ChromiumProbe): ChromiumChoice {
  const explicit = probe.explicit?.trim();
  if (explicit) {
    return probe.exists(explicit) ? { found: true, path: explicit, source: 'DATELINE_CHROMIUM' } : { found: false, explicit, tried: [explicit] };
  }
  if (probe.playwrightPath && probe.exists(probe.playwrightPath)) return { found: true, path: probe.playwrightPath, source: 'playwright' };
  if (probe.exists(DEBIAN_CHROMIUM)) return { found: true, path: DEBIAN_CHROMIUM, source: 'debian' };
  return { found: false, explicit: null, tried: [probe.playwrightPath, DEBIAN_CHROMIUM].filter((path): path is string => Boolean(path)) };
}

function playwrightChromiumPath(): string | null {
  try {
    return chromium.executablePath() || null;
  } catch {
    return null;
  }
}

/** The Chromium on this machine, as chooseChromium decides. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): ChromiumChoice {
  return chooseChromium({ explicit: env.DATELINE_CHROMIUM, playwrightPath: playwrightChromiumPath(), exists: existsSync });
}

/** The path to launch, or undefined (Playwright then names what it looked for in its own error). */
export function chromiumExecutablePath(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const choice = findChromium(env);
  return choice.found ? choice.path : undefined;
}
