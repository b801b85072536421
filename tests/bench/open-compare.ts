// Runs in: Node (`npx tsx tests/bench/open-compare.ts <label>=<renderer-dir> [<label>=<renderer-dir>] [--words=1000,20000,100000] [--samples=3]`).
// Opening a story, click → first frame after the body is editable, in one or more renderer builds
// (e.g. main's and a branch's, each served by its own host) beside bare TipTap and a plain
// contenteditable holding the same paragraphs. Every open is in a fresh page; two interleaved rounds.
import { loadavg } from 'node:os';
import { rm } from 'node:fs/promises';
import type { Browser } from '@playwright/test';
import { startHost, type RunningHost } from '../e2e/support/start-host';
import { hostClient } from '../support/host-client';
import { bareTiptapScript } from './bare-tiptap-bundle';
import { BENCH_VIEWPORT, benchContext, launchBenchBrowser } from './bench-browser';
import { bodyDoc } from './body-doc';
import { formatMs, formatRatio } from './format-ms';
import { withLoadNote } from './load-note';
import { OPEN_PROBE } from './open-probe';
import { printTable } from './print-table';
import { stats } from './stats';
import { paragraphsFor } from './typing-bench';
import { uiText } from './ui-text';
import { waitForPageIdle, waitInPage } from './wait-in-page';

const ROUNDS = 2;
const MAX_WORDS = 200_000;
const MAX_SAMPLES = 20;

interface Build {
  label: string;
  host: RunningHost;
}
interface Style {
  font: string;
  width: number;
}

async function openInApp(browser: Browser, build: Build, headline: string): Promise<{ painted: number; style: Style }> {
  const context = await benchContext(browser);
  try {
    const page = await context.newPage();
    await page.addInitScript(OPEN_PROBE);
    await page.goto(build.host.url);
    const open = page.getByRole('button', { name: uiText('library.openNamed', { headline }), exact: true });
    await open.waitFor({ state: 'visible', timeout: 60_000 });
    await waitForPageIdle(page);
    await page.evaluate('window.__benchOpenArm(0)');
    await open.click();
    await waitInPage(page, 'window.__benchOpen.painted !== null', 120_000);
    const painted = (await page.evaluate('window.__benchOpen.painted')) as number;
    const style = (await page.evaluate(`(() => { const el = document.querySelector('.ProseMirror'); const cs = getComputedStyle(el); return { font: cs.font, width: el.clientWidth }; })()`)) as Style;
    return { painted, style };
  } finally {
    await context.close();
  }
}

async function openInPage(browser: Browser, kind: 'tiptap' | 'plain', html: string, style: Style): Promise<number> {
  const context = await benchContext(browser);
  try {
    const page = await context.newPage();
    const editorStyle = `font:${style.font.replace(/"/g, '&quot;')};width:${style.width}px;outline:none`;
    await page.setContent(
      `<!doctype html><html lang="en"><head><style>.ProseMirror{outline:none;white-space:pre-wrap}</style></head>` +
        `<body style="margin:0;height:${BENCH_VIEWPORT.height}px;overflow:auto"><div id="root" contenteditable="${kind === 'plain'}" spellcheck="true" style="${editorStyle}"></div></body></html>`,
    );
    if (kind === 'tiptap') {
      await page.addScriptTag({ content: await bareTiptapScript() });
      await waitForPageIdle(page);
      await page.evaluate((content) => window.__bareTiptap.open(content, document.getElementById('root') as HTMLElement), html);
      await waitInPage(page, 'window.__bareTiptap.opened.painted !== null', 120_000);
      return (await page.evaluate('window.__bareTiptap.opened.painted')) as number;
    }
    await waitForPageIdle(page);
    return await page.evaluate(
      (content) =>
        new Promise<number>((resolve) => {
          const t0 = performance.now();
          (document.getElementById('root') as HTMLElement).innerHTML = content;
          const frame = new MessageChannel();
          frame.port2.onmessage = () => resolve(performance.now() - t0);
          requestAnimationFrame(() => frame.port1.postMessage(0));
        }),
      html,
    );
  } finally {
    await context.close();
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const words = (option('words') ?? '1000,20000,100000').split(',').map((w) => Math.min(MAX_WORDS, Number(w)));
  const samples = Math.min(MAX_SAMPLES, Number(option('samples') ?? 3));
  const specs = args.filter((a) => !a.startsWith('--')).map((a) => a.split('=') as [string, string]);
  if (specs.length === 0) throw new Error('give at least one <label>=<renderer-dir>');
  const log = (line: string) => process.stderr.write(`[open-compare] ${line}\n`);
  const builds: Build[] = [];
  const browser = await launchBenchBrowser();
  try {
    for (const [label, dir] of specs) builds.push({ label, host: await startHost({ env: { DATELINE_STATIC_DIR: dir } }) });
    const htmlBySize = new Map<number, string>();
    for (const size of words) {
      const paragraphs = paragraphsFor({ label: 'open', language: 'en', size });
      htmlBySize.set(size, paragraphs.map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`).join(''));
      for (const build of builds) {
        const client = hostClient(build.host.url);
        const created = await client.call('articles.create', { language: 'en' });
        await client.call('articles.save', { article: { ...created, headline: `Open: ${size} words`, body: bodyDoc(paragraphs) }, explicit: false });
      }
    }
    const kinds = [...builds.map((b) => b.label), 'TipTap', 'plain'];
    // size → kind → round → samples
    const results = new Map<number, Map<string, number[][]>>();
    const loadStart = loadavg();
    for (let round = 0; round < ROUNDS; round++) {
      for (const size of words) {
        const html = htmlBySize.get(size) as string;
        const bySize = results.get(size) ?? new Map<string, number[][]>();
        results.set(size, bySize);
        const push = (kind: string, ms: number) => {
          const rounds = bySize.get(kind) ?? [];
          bySize.set(kind, rounds);
          (rounds[round] ??= []).push(ms);
        };
        let style: Style | null = null;
        for (let i = 0; i < samples; i++) {
          // Interleaved: each build, then the baselines, sample by sample.
          for (const build of builds) {
            const opened = await openInApp(browser, build, `Open: ${size} words`);
            style ??= opened.style;
            push(build.label, opened.painted);
          }
          push('TipTap', await openInPage(browser, 'tiptap', html, style as Style));
          push('plain', await openInPage(browser, 'plain', html, style as Style));
        }
        log(`round ${round + 1}, ${size} words done`);
      }
    }
    const median = (size: number, kind: string, round: number) => stats(results.get(size)?.get(kind)?.[round] ?? []).median;
    const perRound = (show: (round: number) => string) => Array.from({ length: ROUNDS }, (_, r) => show(r)).join(' / ');
    const rows = words.map((size) => [
      `${size.toLocaleString('en')} words`,
      ...kinds.map((kind) => perRound((r) => formatMs(median(size, kind, r)))),
      ...builds.map((b) => perRound((r) => formatRatio(median(size, b.label, r), median(size, 'TipTap', r)))),
    ]);
    const table = {
      title: `Opening a story: click → first frame after the body is editable, median of ${samples} fresh pages (each cell: round 1 / round 2)`,
      headers: ['Size', ...kinds.map((k) => (k === 'TipTap' || k === 'plain' ? k : `Dateline (${k})`)), ...builds.map((b) => `${b.label} ×TipTap`)],
      rows,
      notes: ['_Dateline: from the click on Open in the library (the body fetched from the host); TipTap: `new Editor` with StarterKit given the same paragraphs as HTML; plain: `innerHTML` of a contenteditable. Same font and width._'],
    };
    console.log(printTable(withLoadNote(table, loadStart, loadavg())));
  } finally {
    await browser.close();
    for (const build of builds) {
      await build.host.kill();
      await rm(build.host.dataDir, { recursive: true, force: true });
    }
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
