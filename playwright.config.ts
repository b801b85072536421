// End-to-end tests: the real renderer and the real services, in Chromium through the loopback
// host (tests/e2e), and the packaged shell through Playwright's _electron (tests/electron).
// Which Chromium: tests/support/chromium-executable.ts (DATELINE_CHROMIUM, Playwright's, Debian's).
import { defineConfig } from '@playwright/test';
import { chromiumExecutablePath } from './tests/support/chromium-executable';

export const CHROMIUM_ARGS = [
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export default defineConfig({
  timeout: 120_000,
  expect: { timeout: 15_000 },
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: [['list'], ['json']],
  outputDir: '.tmp/test-results',
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    locale: 'en-US',
  },
  projects: [
    {
      name: 'chromium',
      testDir: 'tests/e2e',
      use: {
        browserName: 'chromium',
        launchOptions: { executablePath: chromiumExecutablePath(), args: CHROMIUM_ARGS },
      },
    },
    { name: 'electron', testDir: 'tests/electron' },
  ],
});
