// Runs in: the benchmark script (Node). One page of the memory soak, in a browser of its own: it types
// one key and waits for the page's frame, and samples after a forced garbage collection the page's
// JS heap, DOM nodes and listeners (CDP Performance metrics), its renderer process's memory and its
// browser's GPU process's.
import type { Browser, CDPSession, Page } from '@playwright/test';
import { bareTiptapScript } from './bare-tiptap-bundle';
import { benchContext } from './bench-browser';
import type { PageSample } from './memory-soak-table';
import { processMemory } from './process-memory';
import { otherProcessPids, rendererPid } from './renderer-pid';
import { waitInPage } from './wait-in-page';

/** Every this many keys a line break, so the story grows by paragraphs as well as letters. */
const ENTER_EVERY = 40;

/** The key typed as the `index`th: letters and spaces, and Enter every ENTER_EVERY keys. */
export function soakKey(index: number): string {
  if (index % ENTER_EVERY === ENTER_EVERY - 1) return 'Enter';
  const key = 'abcdefghijklmnopqrstuvwxyz '[index % 27]!;
  return key === ' ' ? 'Space' : key;
}

export interface SoakPage {
  page: Page;
  /** The page's DevTools session (Performance enabled). */
  cdp: CDPSession;
  /** The pid of the renderer process that serves the page. */
  rendererPid: number;
  /** One key, then the page's next frame: typing as fast as the editor paints. */
  typeKey(key: string): Promise<void>;
  sample(): Promise<PageSample>;
}

export async function soakPage(browser: Browser, page: Page): Promise<SoakPage> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const renderer = await rendererPid(browser, page);
  const gpu = (await otherProcessPids(browser)).get('GPU');
  return {
    page,
    cdp,
    rendererPid: renderer,
    async typeKey(key) {
      await page.keyboard.press(key);
      await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => resolve(true)))');
    },
    async sample() {
      await cdp.send('HeapProfiler.collectGarbage');
      const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
      const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? Number.NaN;
      const own = await processMemory(renderer);
      const gpuRssMb = gpu === undefined ? Number.NaN : (await processMemory(gpu)).rssMb;
      return {
        heapMb: metric('JSHeapUsedSize') / 2 ** 20,
        nodes: metric('Nodes'),
        listeners: metric('JSEventListeners'),
        rendererRssMb: own.rssMb,
        rendererPrivateMb: own.privateMb,
        gpuRssMb,
      };
    },
  };
}

/** Bare TipTap (the same bundle the typing bench uses) holding `html`, painted. */
export async function openBareTiptap(browser: Browser, html: string): Promise<Page> {
  const page = await (await benchContext(browser)).newPage();
  await page.setContent('<!doctype html><html><body><div id="bare"></div></body></html>');
  await page.addScriptTag({ content: await bareTiptapScript() });
  await page.evaluate((content) => window.__bareTiptap.open(content, document.getElementById('bare') as HTMLElement), html);
  await waitInPage(page, 'window.__bareTiptap.opened.painted !== null', 60_000);
  return page;
}
