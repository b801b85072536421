// Runs in: the benchmark script (Node). One page of the memory soak, in a browser of its own driven
// over a bare CDP connection (plain-chromium.ts): it types one key and waits for the page's frame, and
// samples after a forced garbage collection the page's JS heap, DOM nodes and listeners (CDP
// Performance metrics), its renderer process's memory and its browser's GPU process's.
import { bareTiptapScript } from './bare-tiptap-bundle';
import type { PageSample } from './memory-soak-table';
import type { PlainChromium, PlainPage } from './plain-chromium';
import { processMemory } from './process-memory';
import { rendererPid, SPIN_SCRIPT } from './renderer-pid';
import { waitUntil } from '../support/wait-until';

/** Every this many keys a line break, so the story grows by paragraphs as well as letters. */
const ENTER_EVERY = 40;
const OPEN_TIMEOUT_MS = 60_000;

/** The key typed as the `index`th: letters and spaces, and Enter every ENTER_EVERY keys. */
export function soakKey(index: number): string {
  if (index % ENTER_EVERY === ENTER_EVERY - 1) return 'Enter';
  const key = 'abcdefghijklmnopqrstuvwxyz '[index % 27]!;
  return key === ' ' ? 'Space' : key;
}

export interface SoakPage {
  page: PlainPage;
  /** The pid of the renderer process that serves the page. */
  rendererPid: number;
  /** One key, then the page's next frame: typing as fast as the editor paints. */
  typeKey(key: string): Promise<void>;
  sample(): Promise<PageSample>;
}

export async function soakPage(browser: PlainChromium, page: PlainPage): Promise<SoakPage> {
  await page.cdp.send('Performance.enable');
  const renderer = await rendererPid(browser.processes, () => page.evaluate(SPIN_SCRIPT));
  const gpu = (await browser.processes()).find((p) => p.type === 'GPU')?.id;
  return {
    page,
    rendererPid: renderer,
    async typeKey(key) {
      await page.press(key);
      await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => resolve(true)))');
    },
    async sample() {
      await page.cdp.send('HeapProfiler.collectGarbage');
      const { metrics } = await page.cdp.send<{ metrics: { name: string; value: number }[] }>('Performance.getMetrics');
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

/** Bare TipTap (the same bundle the typing bench uses) holding `html`, painted, in a new page. */
export async function openBareTiptap(browser: PlainChromium, html: string): Promise<PlainPage> {
  const page = await browser.newPage();
  await page.evaluate(`document.body.innerHTML = '<div id="bare"></div>'`);
  await page.evaluate(await bareTiptapScript());
  await page.evaluate(`window.__bareTiptap.open(${JSON.stringify(html)}, document.getElementById('bare'))`);
  await waitUntil(() => page.evaluate<boolean>('window.__bareTiptap.opened.painted !== null'), 'bare TipTap to paint', OPEN_TIMEOUT_MS);
  return page;
}

/** The app at `url` with the story whose library button is named `openLabel` open, its body ready. */
export async function openAppStory(browser: PlainChromium, url: string, openLabel: string, bodyLabel: string): Promise<PlainPage> {
  const page = await browser.newPage();
  await page.goto(url);
  const button = `[...document.querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent.trim()) === ${JSON.stringify(openLabel)})`;
  await waitUntil(() => page.evaluate<boolean>(`Boolean(${button})`), `the library to list "${openLabel}"`, OPEN_TIMEOUT_MS);
  await page.evaluate(`${button}.click()`);
  await waitUntil(() => page.evaluate<boolean>(`Boolean(document.querySelector(${JSON.stringify(`[role="textbox"][aria-label="${bodyLabel}"]`)}))`), 'the story body', OPEN_TIMEOUT_MS);
  return page;
}
