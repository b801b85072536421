// Runs in: the benchmark script (Node). Polls an expression in the page until it is truthy; the
// app's CSP forbids eval, so Playwright's waitForFunction cannot take a string there.
import type { Page } from '@playwright/test';

export async function waitInPage(page: Page, expression: string, timeoutMs: number, intervalMs = 20): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await page.evaluate(expression))) {
    if (performance.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${expression}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** Resolves once the page has painted a frame and then found idle time: its pending work is done. */
export async function waitForPageIdle(page: Page): Promise<void> {
  await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestIdleCallback(() => resolve(true), { timeout: 5000 })))');
}
