// Runs in: Node (`npx tsx tests/bench/memory-soak.ts [minutes] [words] [renderer-dir]`). Types for a
// while in the middle of an article in the app and in bare TipTap side by side (a key in one, then a
// key in the other, each waiting for its frame), and every interval reports after a forced garbage
// collection: JS heap used, DOM nodes and event listeners per page, and the host process's RSS. A
// heap that keeps growing while the same kind of typing goes on is a leak; bare TipTap is the floor.
import { readFile, rm } from 'node:fs/promises';
import type { CDPSession, Page } from '@playwright/test';
import { startHost } from '../e2e/support/start-host';
import { hostClient } from '../support/host-client';
import { launchBenchBrowser, benchContext } from './bench-browser';
import { bareTiptapScript } from './bare-tiptap-bundle';
import { bodyDoc } from './body-doc';
import { placeCaretScript } from './typing-scenarios';
import { paragraphsFor } from './typing-bench';
import { uiText } from './ui-text';
import { waitInPage } from './wait-in-page';

const MAX_MINUTES = 120;
const MAX_WORDS = 200_000;
const SAMPLES = 8;
/** Every this many keys a line break, so the story grows by paragraphs as well as letters. */
const ENTER_EVERY = 40;

interface Sample {
  heapMb: number;
  nodes: number;
  listeners: number;
}

async function sample(cdp: CDPSession): Promise<Sample> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? Number.NaN;
  return { heapMb: metric('JSHeapUsedSize') / 2 ** 20, nodes: metric('Nodes'), listeners: metric('JSEventListeners') };
}

async function rssMb(pid: number | undefined): Promise<number> {
  if (pid === undefined) return Number.NaN;
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const kb = /^VmRSS:\s+(\d+)/m.exec(status)?.[1];
  return kb ? Number(kb) / 1024 : Number.NaN;
}

/** One key, then the page's next frame: typing as fast as each editor paints. */
async function typeKey(page: Page, key: string): Promise<void> {
  await page.keyboard.press(key);
  await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => resolve(true)))');
}

async function main(): Promise<void> {
  const minutes = Math.min(MAX_MINUTES, Number(process.argv[2] ?? 3));
  const words = Math.min(MAX_WORDS, Number(process.argv[3] ?? 20_000));
  const staticDir = process.argv[4];
  const host = await startHost(staticDir ? { env: { DATELINE_STATIC_DIR: staticDir } } : {});
  const browser = await launchBenchBrowser();
  try {
    const client = hostClient(host.url);
    const paragraphs = paragraphsFor({ label: 'soak', language: 'en', size: words });
    const headline = `Soak: ${words} words`;
    const created = await client.call('articles.create', { language: 'en' });
    await client.call('articles.save', { article: { ...created, headline, body: bodyDoc(paragraphs) }, explicit: false });
    const html = paragraphs.map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`).join('');

    const app = await (await benchContext(browser)).newPage();
    await app.goto(host.url);
    await app.getByRole('button', { name: uiText('library.openNamed', { headline }), exact: true }).click({ timeout: 60_000 });
    await app.getByRole('textbox', { name: uiText('editor.body.label'), exact: true }).waitFor({ timeout: 60_000 });
    const bare = await (await benchContext(browser)).newPage();
    await bare.setContent('<!doctype html><html><body><div id="bare"></div></body></html>');
    await bare.addScriptTag({ content: await bareTiptapScript() });
    await bare.evaluate((content) => window.__bareTiptap.open(content, document.getElementById('bare') as HTMLElement), html);
    await waitInPage(bare, 'window.__bareTiptap.opened.painted !== null', 60_000);

    const pages = [
      { name: 'app', page: app, root: '.ProseMirror', cdp: await app.context().newCDPSession(app) },
      { name: 'bare TipTap', page: bare, root: '#bare .ProseMirror', cdp: await bare.context().newCDPSession(bare) },
    ];
    for (const p of pages) {
      await p.cdp.send('Performance.enable');
      await p.page.evaluate(placeCaretScript(p.root, 'middle'));
    }

    console.log(`## Memory soak: ${minutes} min of typing in the middle of ${words} words, app and bare TipTap side by side`);
    console.log('| minute | keys each | app heap MB | bare heap MB | app DOM nodes | bare DOM nodes | app listeners | bare listeners | host RSS MB |');
    console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    const report = async (keys: number, startedAt: number) => {
      const [a, b] = [await sample(pages[0]!.cdp), await sample(pages[1]!.cdp)];
      const minute = ((Date.now() - startedAt) / 60_000).toFixed(1);
      console.log(`| ${minute} | ${keys} | ${a.heapMb.toFixed(1)} | ${b.heapMb.toFixed(1)} | ${a.nodes} | ${b.nodes} | ${a.listeners} | ${b.listeners} | ${(await rssMb(host.process.pid)).toFixed(0)} |`);
    };
    const startedAt = Date.now();
    const endAt = startedAt + minutes * 60_000;
    const intervalMs = (minutes * 60_000) / SAMPLES;
    let nextReport = startedAt;
    let keys = 0;
    while (Date.now() < endAt) {
      if (Date.now() >= nextReport) {
        await report(keys, startedAt);
        nextReport += intervalMs;
      }
      const key = keys % ENTER_EVERY === ENTER_EVERY - 1 ? 'Enter' : 'abcdefghijklmnopqrstuvwxyz '[keys % 27]!;
      for (const p of pages) await typeKey(p.page, key === ' ' ? 'Space' : key);
      keys++;
    }
    await report(keys, startedAt);
  } finally {
    await browser.close();
    await host.stop();
    await rm(host.dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
