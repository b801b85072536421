// Runs in: Node (`npx tsx tests/bench/memory-soak.ts [minutes] [words] [renderer-dir] [--census]
// [--devtools-network] [--allocators]`). Types for a while in the middle of an article in the app
// and in bare TipTap side by side (a key in one, then a key in the other, each waiting for its
// frame), each page in a Chromium of its own so each has its own renderer and GPU process. Every
// minute, after a forced garbage collection, it samples per page the JS heap, DOM nodes, event
// listeners, the renderer's RSS and private memory and the GPU process's RSS, and the host process's
// RSS; then prints the growth from minute 1 to the end, and a last sample after Chromium is told
// memory is short. Memory that keeps growing while the same kind of typing goes on is a leak; bare
// TipTap is the floor.
//
// The pages are driven over a bare CDP connection, not Playwright: Playwright enables DevTools'
// Network domain on every page, and that agent keeps the body of every request in the renderer, so
// each autosave of the story stayed in the app's renderer. --devtools-network enables it on both
// pages to show that. With --census the soak also takes a heap snapshot of each page at minute 1 and
// at the end and lists the kinds of objects that grew most; with --allocators, a Chromium memory dump
// of each renderer at the same two points, and which allocators (DOM heap, V8, malloc, ...) grew.
import { loadavg } from 'node:os';
import { rm } from 'node:fs/promises';
import { startHost } from '../e2e/support/start-host';
import { hostClient } from '../support/host-client';
import { allocatorGrowthTable, type AllocatorDumps } from './allocator-growth-table';
import { paragraphsHtml } from './baseline-page';
import { bodyDoc } from './body-doc';
import { censusGrowthTable } from './census-growth-table';
import { type HeapCensus, takeHeapCensus } from './heap-census';
import { withLoadNote } from './load-note';
import { memorySoakTable, type SoakSample } from './memory-soak-table';
import { launchPlainChromium } from './plain-chromium';
import { printTable } from './print-table';
import { processMemory } from './process-memory';
import { rendererAllocators } from './renderer-allocators';
import { openAppStory, openBareTiptap, soakKey, soakPage } from './soak-page';
import { placeCaretScript } from './typing-scenarios';
import { paragraphsFor } from './typing-bench';
import { uiText } from './ui-text';

const MAX_MINUTES = 120;
const MAX_WORDS = 200_000;
const SAMPLE_EVERY_MS = 60_000;
const OILPAN_TITLE = 'Which live objects grew in the DOM\'s C++ heap (Oilpan) from minute 1 to the end, by type (memory-infra dumps)';

async function main(): Promise<void> {
  const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const census = process.argv.includes('--census');
  const devtoolsNetwork = process.argv.includes('--devtools-network');
  const allocators = process.argv.includes('--allocators');
  const minutes = Math.min(MAX_MINUTES, Number(args[0] ?? 3));
  const words = Math.min(MAX_WORDS, Number(args[1] ?? 20_000));
  const staticDir = args[2];
  const loadAtStart = loadavg();
  const host = await startHost(staticDir ? { env: { DATELINE_STATIC_DIR: staticDir } } : {});
  const appBrowser = await launchPlainChromium();
  const bareBrowser = await launchPlainChromium();
  try {
    const client = hostClient(host.url);
    const paragraphs = paragraphsFor({ label: 'soak', language: 'en', size: words });
    const headline = `Soak: ${words} words`;
    const created = await client.call('articles.create', { language: 'en' });
    await client.call('articles.save', { article: { ...created, headline, body: bodyDoc(paragraphs) }, explicit: false });
    const html = paragraphsHtml(paragraphs);

    const appPage = await openAppStory(appBrowser, host.url, uiText('library.openNamed', { headline }), uiText('editor.body.label'));
    const barePage = await openBareTiptap(bareBrowser, html);
    if (devtoolsNetwork) for (const page of [appPage, barePage]) await page.cdp.send('Network.enable');
    const app = await soakPage(appBrowser, appPage);
    const bare = await soakPage(bareBrowser, barePage);
    await appPage.evaluate(placeCaretScript('.ProseMirror', 'middle'));
    await barePage.evaluate(placeCaretScript('#bare .ProseMirror', 'middle'));

    const samples: SoakSample[] = [];
    const censuses: { app: HeapCensus; bare: HeapCensus }[] = [];
    const dumps: AllocatorDumps[] = [];
    const takeDiagnostics = async () => {
      if (census) censuses.push({ app: await takeHeapCensus(appPage.cdp), bare: await takeHeapCensus(barePage.cdp) });
      if (allocators) {
        dumps.push({ app: await rendererAllocators(appBrowser.connection, app.rendererPid), bare: await rendererAllocators(bareBrowser.connection, bare.rendererPid) });
      }
    };
    const startedAt = Date.now();
    const takeSample = async (keys: number) => {
      const [a, b] = [await app.sample(), await bare.sample()];
      const hostRssMb = host.process.pid === undefined ? Number.NaN : (await processMemory(host.process.pid)).rssMb;
      samples.push({ minute: (Date.now() - startedAt) / 60_000, keys, app: a, bare: b, hostRssMb });
      console.error(`minute ${samples.at(-1)!.minute.toFixed(1)}: ${keys} keys, renderer private app ${a.rendererPrivateMb.toFixed(0)} MB, bare ${b.rendererPrivateMb.toFixed(0)} MB`);
    };
    const endAt = startedAt + minutes * 60_000;
    const everyMs = Math.min(SAMPLE_EVERY_MS, (minutes * 60_000) / 2);
    let nextSample = startedAt;
    let keys = 0;
    while (Date.now() < endAt) {
      if (Date.now() >= nextSample) {
        await takeSample(keys);
        // The census compares the end with minute 1, after the warm-up, as the table's growth row does.
        if (samples.length === 2) await takeDiagnostics();
        nextSample += everyMs;
      }
      const key = soakKey(keys);
      await app.typeKey(key);
      await bare.typeKey(key);
      keys++;
    }
    await takeSample(keys);
    const loadAtEnd = loadavg();
    await takeDiagnostics();
    // What the renderers give back when told memory is short is what they held, not what they need.
    for (const page of [appPage, barePage]) await page.cdp.send('Memory.simulatePressureNotification', { level: 'critical' });
    const relieved = { minute: (Date.now() - startedAt) / 60_000, keys, app: await app.sample(), bare: await bare.sample(), hostRssMb: Number.NaN };
    const table = memorySoakTable(samples, words, relieved);
    if (devtoolsNetwork) table.notes = [...(table.notes ?? []), 'DevTools\' Network domain was enabled on both pages (--devtools-network).'];
    console.log(printTable(withLoadNote(table, loadAtStart, loadAtEnd)));
    const [warm, end] = censuses;
    if (warm && end) console.log(`\n${printTable(censusGrowthTable(warm, end))}`);
    const [warmDump, endDump] = dumps;
    if (warmDump && endDump) {
      console.log(`\n${printTable(allocatorGrowthTable(warmDump, endDump))}`);
      const oilpan = (dump: AllocatorDumps) => ({ app: dump.app.oilpan, bare: dump.bare.oilpan });
      console.log(`\n${printTable(censusGrowthTable(oilpan(warmDump), oilpan(endDump), OILPAN_TITLE))}`);
    }
  } finally {
    await appBrowser.close();
    await bareBrowser.close();
    await host.stop();
    await rm(host.dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
