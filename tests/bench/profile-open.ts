// Runs in: Node (`npx tsx tests/bench/profile-open.ts [words] [runs] [renderer-dir]`). Profiles opening an
// article from the library with Chromium's sampling profiler, and prints where the open spends its
// self time (bottom-up, by function and file), from the click on Open until the frame after the body
// is editable; then bare TipTap's, in the app's font and text column. Give it a readable renderer
// build for names that mean something:
//   npx vite build --minify false --outDir <dir>   (then pass <dir>)
import { rm, writeFile } from 'node:fs/promises';
import type { Browser } from '@playwright/test';
import { startHost } from '../e2e/support/start-host';
import { hostClient } from '../support/host-client';
import { launchBenchBrowser, benchContext } from './bench-browser';
import { openBaseline, paragraphsHtml, readEditorStyle, type EditorStyle } from './baseline-page';
import { bodyDoc } from './body-doc';
import { OPEN_PROBE, type OpenSample } from './open-probe';
import { paragraphsFor } from './typing-bench';
import { uiText } from './ui-text';
import { waitForPageIdle, waitInPage } from './wait-in-page';
import { selfTimes, topSelfTimes, type CpuProfile } from './cpu-profile-self-times';

const CREATED_ELEMENTS_PROBE = `(() => {
  const created = window.__createdElements = new Map();
  const original = Document.prototype.createElement;
  Document.prototype.createElement = function (name, options) {
    const tag = String(name).toLowerCase();
    created.set(tag, (created.get(tag) ?? 0) + 1);
    return original.call(this, name, options);
  };
})();`;

const MAX_WORDS = 200_000;
const MAX_RUNS = 20;

async function main(): Promise<void> {
  const words = Math.min(MAX_WORDS, Number(process.argv[2] ?? 100_000));
  const runs = Math.max(1, Math.min(MAX_RUNS, Number(process.argv[3] ?? 3)));
  const staticDir = process.argv[4];
  // The browser first: if it cannot start, no host is left running behind.
  const browser = await launchBenchBrowser();
  const host = await startHost(staticDir ? { env: { DATELINE_STATIC_DIR: staticDir } } : {});
  try {
    const client = hostClient(host.url);
    const headline = `Profile: ${words} words`;
    const paragraphs = paragraphsFor({ label: 'profile', language: 'en', size: words });
    const created = await client.call('articles.create', { language: 'en' });
    await client.call('articles.save', { article: { ...created, headline, body: bodyDoc(paragraphs) }, explicit: false });
    const context = await benchContext(browser);
    const page = await context.newPage();
    await page.addInitScript(OPEN_PROBE);
    // Counts the elements created while an open is armed: how many times the body's DOM is built.
    await page.addInitScript(CREATED_ELEMENTS_PROBE);
    await page.goto(host.url);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    const total = new Map<string, number>();
    let style: EditorStyle | null = null;
    for (let run = 0; run < runs; run++) {
      const open = page.getByRole('button', { name: uiText('library.openNamed', { headline }), exact: true });
      await open.waitFor({ state: 'visible', timeout: 60_000 });
      await waitForPageIdle(page);
      await page.evaluate('window.__benchOpenArm(0)');
      await page.evaluate('window.__createdElements.clear()');
      await cdp.send('Profiler.start');
      await open.click();
      await waitInPage(page, 'window.__benchOpen.painted !== null', 60_000);
      const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
      if (process.env.DATELINE_PROFILE_OUT) await writeFile(`${process.env.DATELINE_PROFILE_OUT}-${run + 1}.cpuprofile`, JSON.stringify(profile));
      const sample = (await page.evaluate('({ ready: window.__benchOpen.ready, painted: window.__benchOpen.painted, loaded: null })')) as OpenSample;
      const created = (await page.evaluate('Object.fromEntries(window.__createdElements)')) as Record<string, number>;
      const paragraphCount = await page.locator('.ProseMirror > p').count();
      style ??= await readEditorStyle(page, '.ProseMirror');
      console.log(`run ${run + 1}: ready ${sample.ready?.toFixed(0)} ms, painted ${sample.painted?.toFixed(0)} ms; <p> created ${created.p ?? 0} for ${paragraphCount} paragraphs, elements created ${Object.values(created).reduce((a, b) => a + b, 0)}`);
      for (const [name, ms] of selfTimes(profile)) total.set(name, (total.get(name) ?? 0) + ms / runs);
      await page.evaluate('window.__benchOpenArm(null)');
      await page.getByRole('status').filter({ hasText: new RegExp(`^${uiText('article.saveState.saved')}$`) }).waitFor({ state: 'visible', timeout: 60_000 });
      await page.getByRole('button', { name: uiText('article.back'), exact: true }).click();
    }
    console.log(`\n## Opening ${words} words, mean self time over ${runs} runs (click → frame after editable, plus what the profiler caught until then)`);
    console.log(topSelfTimes(total, 40).join('\n'));
    await context.close();
    console.log(`\n## Bare TipTap opening the same ${words} words, mean self time over ${runs} runs`);
    console.log(topSelfTimes(await profileBareTiptap(browser, paragraphs, style as EditorStyle, runs), 25).join('\n'));
  } finally {
    await browser.close();
    await host.kill();
    await rm(host.dataDir, { recursive: true, force: true });
  }
}

async function profileBareTiptap(browser: Browser, paragraphs: readonly string[], style: EditorStyle, runs: number): Promise<Map<string, number>> {
  const html = paragraphsHtml(paragraphs);
  const total = new Map<string, number>();
  for (let run = 0; run < runs; run++) {
    const context = await benchContext(browser);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    const opened = await openBaseline(page, 'tiptap', html, 'en', style, { beforeOpen: () => cdp.send('Profiler.start').then(() => undefined), timeoutMs: 60_000 });
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
    console.log(`bare TipTap run ${run + 1}: ready ${opened.ready?.toFixed(0)} ms, painted ${opened.painted?.toFixed(0)} ms`);
    for (const [name, ms] of selfTimes(profile)) total.set(name, (total.get(name) ?? 0) + ms / runs);
    await context.close();
  }
  return total;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
