// Runs in: the benchmark script (Node). Opens a 20k-word article with 30 photos from the library,
// five times, and a one-paragraph article as the baseline, timing each open in the page.
import type { Browser, Page } from '@playwright/test';
import { makePng } from '../support/test-photos';
import { benchContext } from './bench-browser';
import { BenchText } from './bench-text';
import { bodyDoc, type BenchFigure } from './body-doc';
import { timeUntilResponsive } from './host-health';
import { OPEN_PROBE, type OpenSample } from './open-probe';
import type { BenchHost } from './typing-bench';
import { stats, type Stats } from './stats';
import { uiText } from './ui-text';
import { waitForPageIdle, waitInPage } from './wait-in-page';

export interface OpenCaseResult {
  label: string;
  figures: number;
  samples: OpenSample[];
  ready: Stats;
  painted: Stats;
  loaded: Stats;
}

export interface OpenResult {
  photos: OpenCaseResult;
  baseline: OpenCaseResult;
}

const RUNS = 5;
const PHOTOS = 30;

export async function runOpenBench(browser: Browser, host: BenchHost, words: number, log: (line: string) => void): Promise<OpenResult> {
  const client = host.client;
  const text = new BenchText(20_030);
  const figures: BenchFigure[] = [];
  for (let i = 0; i < PHOTOS; i++) {
    const media = await client.call('media.import', { fileName: `bench-photo-${i + 1}.png`, data: new Uint8Array(makePng(800 + i, 600)) });
    figures.push({ mediaId: media.id, caption: text.englishSentence(12), credit: 'Photo: City Press Office', alt: text.englishSentence(8).slice(0, -1) });
  }
  const paragraphs: string[] = [];
  for (let left = words; left > 0; left -= 60) paragraphs.push(text.englishParagraph(Math.min(60, left)));
  const big = { headline: `Bench opening: ${words.toLocaleString('en')} words, ${PHOTOS} photos`, body: bodyDoc(paragraphs, figures), figures: PHOTOS };
  const small = { headline: 'Bench opening: one paragraph', body: bodyDoc([text.englishParagraph(60)]), figures: 0 };
  for (const spec of [big, small]) {
    const created = await client.call('articles.create', { language: 'en' });
    await client.call('articles.save', { article: { ...created, headline: spec.headline, body: spec.body }, explicit: false });
  }
  // Saving re-indexes the article for search on the host's event loop: start from an idle host.
  await timeUntilResponsive(client, 240_000);

  const context = await benchContext(browser);
  try {
    const page = await context.newPage();
    await page.addInitScript(OPEN_PROBE);
    await page.goto(host.url);
    const samples = new Map<string, OpenSample[]>([
      [big.headline, []],
      [small.headline, []],
    ]);
    for (let run = 0; run < RUNS; run++) {
      for (const spec of [big, small]) {
        samples.get(spec.headline)?.push(await openOnce(page, spec.headline, spec.figures));
      }
      log(`opening: run ${run + 1}/${RUNS} done`);
    }
    return {
      photos: summarize(`${words.toLocaleString('en')} words + ${PHOTOS} photos`, PHOTOS, samples.get(big.headline) ?? []),
      baseline: summarize('1 paragraph (baseline)', 0, samples.get(small.headline) ?? []),
    };
  } finally {
    await context.close();
  }
}

async function openOnce(page: Page, headline: string, figures: number): Promise<OpenSample> {
  const open = page.getByRole('button', { name: uiText('library.openNamed', { headline }), exact: true });
  await open.waitFor({ state: 'visible', timeout: 30_000 });
  // Let the library settle so the click starts from an idle page.
  await waitForPageIdle(page);
  await page.evaluate(`window.__benchOpenArm(${figures})`);
  await open.click();
  await waitInPage(page, 'window.__benchOpen.painted !== null && window.__benchOpen.loaded !== null', 60_000);
  const sample = (await page.evaluate('({ ready: window.__benchOpen.ready, painted: window.__benchOpen.painted, loaded: window.__benchOpen.loaded })')) as OpenSample;
  await page.evaluate('window.__benchOpenArm(null)');
  await page.getByRole('status').filter({ hasText: new RegExp(`^${uiText('article.saveState.saved')}$`) }).waitFor({ state: 'visible', timeout: 30_000 });
  await page.getByRole('button', { name: uiText('article.back'), exact: true }).click();
  return sample;
}

function summarize(label: string, figures: number, samples: OpenSample[]): OpenCaseResult {
  const pick = (key: keyof OpenSample) => samples.map((s) => s[key]).filter((v): v is number => typeof v === 'number');
  return { label, figures, samples, ready: stats(pick('ready')), painted: stats(pick('painted')), loaded: stats(pick('loaded')) };
}
