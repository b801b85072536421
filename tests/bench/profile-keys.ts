// Runs in: Node (`npx tsx tests/bench/profile-keys.ts [words] [keys] [renderer-dir]`). Profiles Enter
// and letters typed in the middle of an article, in the app and in bare TipTap (in the app's font and
// text-column width), with Chromium's sampling profiler, and prints where each spends its self time
// (bottom-up, by function and file).
// Give it a readable renderer build for names that mean something:
//   npx vite build --minify false --outDir <dir>   (then pass <dir>)
import { writeFile } from 'node:fs/promises';
import { rm } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { startHost } from '../e2e/support/start-host';
import { hostClient } from '../support/host-client';
import { launchBenchBrowser, benchContext } from './bench-browser';
import { baselineRoot, openBaseline, paragraphsHtml, readEditorStyle } from './baseline-page';
import { bodyDoc } from './body-doc';
import { CARET_PARAGRAPH_CENTRE_SCRIPT, placeCaretScript } from './typing-scenarios';
import { paragraphsFor } from './typing-bench';
import { selfTimes, topSelfTimes, type CpuProfile } from './cpu-profile-self-times';
import { mainThreadPhases, phaseRows, type TraceEvent } from './trace-phases';
import { uiText } from './ui-text';
import { waitForPageIdle } from './wait-in-page';

const MAX_WORDS = 200_000;
const MAX_KEYS = 1_000;

const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'v8.execute'];

interface KeysProfile {
  self: Map<string, number>;
  phases: Map<string, number>;
}

async function profileKeys(page: Page, root: string, key: string, keys: number, label: string): Promise<KeysProfile> {
  await page.evaluate(placeCaretScript(root, 'middle'));
  const pointer = (await page.evaluate(CARET_PARAGRAPH_CENTRE_SCRIPT)) as { x: number; y: number };
  await page.mouse.move(pointer.x, pointer.y);
  await waitForPageIdle(page);
  const browser = page.context().browser()!;
  await browser.startTracing(page, { categories: TRACE_CATEGORIES });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  for (let i = 0; i < keys; i++) {
    await page.keyboard.press(key === 'letters' ? 'abcdefghijklmnopqrstuvwxyz'[i % 26]! : key);
    await waitForPageIdle(page);
  }
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] };
  await writeFile(`profile-${label}.cpuprofile`, JSON.stringify(profile));
  await writeFile(`trace-${label}.json`, JSON.stringify(trace));
  return { self: selfTimes(profile), phases: mainThreadPhases(trace.traceEvents) };
}

async function main(): Promise<void> {
  const words = Math.min(MAX_WORDS, Number(process.argv[2] ?? 20_000));
  const keys = Math.min(MAX_KEYS, Number(process.argv[3] ?? 60));
  const staticDir = process.argv[4];
  // The browser first: if it cannot start, no host is left running behind.
  const browser = await launchBenchBrowser();
  const host = await startHost(staticDir ? { env: { DATELINE_STATIC_DIR: staticDir } } : {});
  try {
    const client = hostClient(host.url);
    const paragraphs = paragraphsFor({ label: 'profile', language: 'en', size: words });
    const headline = `Profile: ${words} words`;
    const created = await client.call('articles.create', { language: 'en' });
    await client.call('articles.save', { article: { ...created, headline, body: bodyDoc(paragraphs) }, explicit: false });
    const html = paragraphsHtml(paragraphs);
    for (const key of ['Enter', 'letters']) {
      const appContext = await benchContext(browser);
      const app = await appContext.newPage();
      await app.goto(host.url);
      await app.getByRole('button', { name: uiText('library.openNamed', { headline }), exact: true }).click({ timeout: 60_000 });
      await app.getByRole('textbox', { name: uiText('editor.body.label'), exact: true }).waitFor({ timeout: 60_000 });
      const style = await readEditorStyle(app, '.ProseMirror');
      const appTimes = await profileKeys(app, '.ProseMirror', key, keys, `app-${key}`);
      await appContext.close();
      const bareContext = await benchContext(browser);
      const bare = await bareContext.newPage();
      await openBaseline(bare, 'tiptap', html, 'en', style);
      const bareTimes = await profileKeys(bare, baselineRoot('tiptap'), key, keys, `tiptap-${key}`);
      await bareContext.close();
      const total = (t: Map<string, number>) => [...t.entries()].filter(([n]) => !n.startsWith('(idle)')).reduce((a, [, v]) => a + v, 0);
      console.log(`\n## ${key} × ${keys} in the middle of ${words} words: busy ${total(appTimes.self).toFixed(0)} ms in the app, ${total(bareTimes.self).toFixed(0)} ms in bare TipTap`);
      console.log('### Renderer main thread by trace event (ms): app, bare TipTap, ratio\n' + phaseRows(appTimes.phases, bareTimes.phases, 30).join('\n'));
      console.log('### App, top self time\n' + topSelfTimes(appTimes.self, 25).join('\n'));
      console.log('### Bare TipTap, top self time\n' + topSelfTimes(bareTimes.self, 15).join('\n'));
    }
  } finally {
    await browser.close();
    await host.kill();
    await rm(host.dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
