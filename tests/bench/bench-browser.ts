// Runs in: the benchmark script (Node). Debian's Chromium, launched the way the e2e tests launch it.
import { chromium, type Browser, type BrowserContext } from '@playwright/test';
import { CHROMIUM_ARGS } from '../../playwright.config';

export const BENCH_VIEWPORT = { width: 1400, height: 900 };

export function launchBenchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

export function benchContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ locale: 'en-US', viewport: BENCH_VIEWPORT });
}
