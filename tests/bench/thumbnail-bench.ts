// Runs in: the benchmark script (Node; `npm run bench:thumbnails`, after `npm run build`). Opens a
// story with 30 photos of 24 megapixels in the browser mode, three ways in one run: the editor as it
// is (thumbnails, first open makes them, later opens reuse them) and, as the same-run baseline, the
// same editor with every thumbnail request answered by the original. Prints time to the editor ready,
// to every photo decoded, and the image bytes the page received.
import { readdir, rm, stat } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import sharp from 'sharp';
import { startHost } from '../e2e/support/start-host';
import { hostClient } from '../support/host-client';
import { eventually } from '../support/services-caller';
import { benchContext, launchBenchBrowser } from './bench-browser';
import { bodyDoc, type BenchFigure } from './body-doc';
import { formatMs } from './format-ms';
import { timeUntilResponsive } from './host-health';
import { OPEN_PROBE, type OpenSample } from './open-probe';
import { printTable } from './print-table';
import { stats } from './stats';
import { uiText } from './ui-text';
import { waitInPage } from './wait-in-page';

const PHOTOS = 30;
const RUNS = 3;
const WIDTH = 6000;
const HEIGHT = 4000;

interface OpenRun extends OpenSample {
  imageBytes: number;
  imageRequests: number;
}

async function photo(seed: number): Promise<Uint8Array<ArrayBuffer>> {
  const noise = await sharp({ create: { width: 600, height: 400, channels: 3, background: '#000000', noise: { type: 'gaussian', mean: 100 + seed, sigma: 50 } } })
    .png()
    .toBuffer();
  return new Uint8Array(await sharp(noise).resize(WIDTH, HEIGHT).jpeg({ quality: 85 }).toBuffer());
}

async function openOnce(page: Page, headline: string): Promise<OpenRun> {
  const sizes: Promise<number>[] = [];
  const onFinished = (request: import('@playwright/test').Request) => {
    const path = new URL(request.url()).pathname;
    // The network's count, not response.body(): the browser keeps no body of a large image for the tools.
    if (path.startsWith('/media/') || path.startsWith('/thumbnails/')) sizes.push(request.sizes().then((s) => s.responseBodySize));
  };
  page.on('requestfinished', onFinished);
  const open = page.getByRole('button', { name: uiText('library.openNamed', { headline }), exact: true });
  await open.waitFor({ state: 'visible', timeout: 60_000 });
  await page.evaluate(`window.__benchOpenArm(${PHOTOS})`);
  await open.click();
  await waitInPage(page, 'window.__benchOpen.painted !== null && window.__benchOpen.loaded !== null', 600_000);
  const sample = (await page.evaluate('({ ready: window.__benchOpen.ready, painted: window.__benchOpen.painted, loaded: window.__benchOpen.loaded })')) as OpenSample;
  await page.evaluate('window.__benchOpenArm(null)');
  page.off('requestfinished', onFinished);
  const bytes = await Promise.all(sizes);
  await page.getByRole('button', { name: uiText('article.back'), exact: true }).click();
  return { ...sample, imageBytes: bytes.reduce((a, b) => a + b, 0), imageRequests: bytes.length };
}

async function main(): Promise<void> {
  const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
  const loadAtStart = loadavg().map((v) => v.toFixed(1)).join(' / ');
  // The browser first: if it cannot start, no host is left running behind.
  const browser = await launchBenchBrowser();
  const host = await startHost();
  try {
    const client = hostClient(host.url);
    const figures: BenchFigure[] = [];
    let originalBytes = 0;
    for (let i = 0; i < PHOTOS; i++) {
      const data = await photo(i);
      originalBytes += data.byteLength;
      const media = await client.call('media.import', { fileName: `photo-${i + 1}.jpg`, data });
      figures.push({ mediaId: media.id, caption: `Photo ${i + 1}`, credit: 'Photo: City Press Office', alt: `Photo ${i + 1}` });
    }
    log(`${PHOTOS} photos of ${WIDTH}×${HEIGHT} imported (${(originalBytes / 1e6).toFixed(1)} MB)`);
    const headline = `Thumbnail bench: ${PHOTOS} photos`;
    const created = await client.call('articles.create', { language: 'en' });
    await client.call('articles.save', { article: { ...created, headline, body: bodyDoc(['Thirty photos.'], figures) }, explicit: false });
    await timeUntilResponsive(client, 240_000);

    const runCase = async (label: string, originals: boolean, runs: number): Promise<{ label: string; runs: OpenRun[] }> => {
      const results: OpenRun[] = [];
      for (let run = 0; run < runs; run++) {
        // A fresh browser context per open: nothing comes from the browser's cache, as when the app starts.
        const context = await benchContext(browser);
        try {
          // The baseline: the same editor, each thumbnail request answered with the original photo.
          if (originals) await context.route('**/thumbnails/**', (route) => route.continue({ url: route.request().url().replace('/thumbnails/', '/media/') }));
          const page = await context.newPage();
          await page.addInitScript(OPEN_PROBE);
          await page.goto(host.url);
          results.push(await openOnce(page, headline));
          log(`${label}: run ${run + 1}/${runs}`);
        } finally {
          await context.close();
        }
      }
      return { label, runs: results };
    };
    const mediaDir = join(host.dataDir, 'library', 'media');
    const thumbnailFiles = async () => (await readdir(mediaDir)).filter((name) => name.endsWith('.thumb.webp'));
    // Import makes each thumbnail in the background: wait for them, then remove them so the first open
    // below is that of a library from before thumbnails (the editor makes them on request).
    const madeAtImport = await eventually(thumbnailFiles, (names) => names.length === PHOTOS, 600_000);
    log(`${madeAtImport.length} thumbnails made at import`);
    await Promise.all(madeAtImport.map((name) => rm(join(mediaDir, name))));
    const baseline = await runCase('originals (baseline)', true, RUNS);
    const cold = await runCase('thumbnails, first open (makes them)', false, 1);
    const thumbs = await thumbnailFiles();
    const thumbMtimes = await Promise.all(thumbs.map(async (name) => (await stat(join(mediaDir, name))).mtimeMs));
    const warm = await runCase('thumbnails, later opens (reuse them)', false, RUNS);
    const reused = (await Promise.all(thumbs.map(async (name) => (await stat(join(mediaDir, name))).mtimeMs))).every((m, i) => m === thumbMtimes[i]);

    const row = (c: { label: string; runs: OpenRun[] }) => {
      const pick = (key: keyof OpenSample) => stats(c.runs.map((r) => r[key]).filter((v): v is number => typeof v === 'number')).median;
      const bytes = c.runs.map((r) => r.imageBytes);
      return [c.label, c.runs.length, formatMs(pick('ready')), formatMs(pick('loaded')), `${(bytes.reduce((a, b) => a + b, 0) / bytes.length / 1e6).toFixed(1)} MB`, c.runs[0]!.imageRequests];
    };
    console.log(
      printTable({
        title: `Opening a story with ${PHOTOS} photos of ${WIDTH}×${HEIGHT} (24 MP) in the browser mode`,
        headers: ['Case', 'Runs', 'Editor ready (median)', 'All photos loaded (median)', 'Image bytes received (mean)', 'Image requests'],
        rows: [row(baseline), row(cold), row(warm)],
        notes: [
          `Import makes each thumbnail in the background (${madeAtImport.length} of ${PHOTOS} here); they were removed before the first open, as in a library from before thumbnails.`,
          `${thumbs.length} thumbnails made on the first open; later opens ${reused ? 'reused them (files unchanged)' : 'REWROTE them'}.`,
          `Originals on disk: ${(originalBytes / 1e6).toFixed(1)} MB. ${cpus().length} cores, load average at start ${loadAtStart}, at end ${loadavg().map((v) => v.toFixed(1)).join(' / ')}.`,
        ],
      }),
    );
  } finally {
    await browser.close();
    await host.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
