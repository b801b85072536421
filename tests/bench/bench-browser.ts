// Runs in: the benchmark script (Node). The tests' Chromium, launched the way the e2e tests launch it.
import { chromium, type Browser, type BrowserContext } from '@playwright/test';
import { CHROMIUM_ARGS } from '../../playwright.config';
import { chromiumExecutablePath } from '../support/chromium-executable';

export const BENCH_VIEWPORT = { width: 1400, height: 900 };

export function launchBenchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumExecutablePath(), args: CHROMIUM_ARGS });
}

export function benchContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ locale: 'en-US', viewport: BENCH_VIEWPORT });
}
