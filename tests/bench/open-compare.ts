// Runs in: the benchmark scripts (Node). Opening a story, click → first frame after the body is
// editable, in one or more renderer builds (each served by its own host: e.g. main's and a branch's)
// beside bare TipTap and a plain contenteditable holding the same paragraphs. Every open is in a
// fresh page, builds and baselines interleaved sample by sample, in two rounds.
import type { Browser } from '@playwright/test';
import type { hostClient } from '../support/host-client';
import { openBaseline, paragraphsHtml, readEditorStyle, type BaselineKind, type EditorStyle } from './baseline-page';
import { benchContext } from './bench-browser';
import { bodyDoc } from './body-doc';
import { formatMs, formatRatio } from './format-ms';
import { OPEN_PROBE } from './open-probe';
import type { Table } from './print-table';
import { stats } from './stats';
import { paragraphsFor } from './typing-bench';
import { uiText } from './ui-text';
import { waitForPageIdle, waitInPage } from './wait-in-page';

const ROUNDS = 2;

export interface OpenBuild {
  label: string;
  url: string;
  client: ReturnType<typeof hostClient>;
  /** False for a build from before the editor became a chunk of its own (nothing to wait for). */
  editorChunk?: boolean;
}
/**
 * The editor is a chunk the app loads in idle time once the library has answered: with
 * `afterEditorLoaded`, the click waits until its scripts have arrived and the page is idle again
 * (opening a story a moment after start); without, it comes as soon as the list is idle (at once).
 */
const EDITOR_CHUNKS_LOADED = `(() => {
  const scripts = performance.getEntriesByType('resource').map((e) => e.name);
  return ['article-screen-', 'editor-extensions-'].every((chunk) => scripts.some((name) => name.includes(chunk)));
})()`;

async function openInApp(browser: Browser, build: OpenBuild, headline: string, afterEditorLoaded: boolean): Promise<{ painted: number; style: EditorStyle }> {
  const context = await benchContext(browser);
  try {
    const page = await context.newPage();
    await page.addInitScript(OPEN_PROBE);
    await page.goto(build.url);
    const open = page.getByRole('button', { name: uiText('library.openNamed', { headline }), exact: true });
    await open.waitFor({ state: 'visible', timeout: 60_000 });
    await waitForPageIdle(page);
    if (afterEditorLoaded) {
      await waitInPage(page, EDITOR_CHUNKS_LOADED, 60_000);
      await waitForPageIdle(page);
    }
    await page.evaluate('window.__benchOpenArm(0)');
    await open.click();
    await waitInPage(page, 'window.__benchOpen.painted !== null', 120_000);
    const painted = (await page.evaluate('window.__benchOpen.painted')) as number;
    const style = await readEditorStyle(page, '.ProseMirror');
    return { painted, style };
  } finally {
    await context.close();
  }
}

async function openInPage(browser: Browser, kind: BaselineKind, html: string, style: EditorStyle): Promise<number> {
  const context = await benchContext(browser);
  try {
    const page = await context.newPage();
    const opened = await openBaseline(page, kind, html, 'en', style);
    return opened.painted as number;
  } finally {
    await context.close();
  }
}

/** Creates the stories in every build's library, opens them, and returns the table. */
export async function runOpenCompare(
  browser: Browser,
  builds: readonly OpenBuild[],
  words: readonly number[],
  samples: number,
  log: (line: string) => void,
  afterEditorLoaded = false,
): Promise<Table> {
  const htmlBySize = new Map<number, string>();
  for (const size of words) {
    const paragraphs = paragraphsFor({ label: 'open', language: 'en', size });
    htmlBySize.set(size, paragraphsHtml(paragraphs));
    for (const build of builds) {
      const created = await build.client.call('articles.create', { language: 'en' });
      await build.client.call('articles.save', { article: { ...created, headline: `Open: ${size} words`, body: bodyDoc(paragraphs) }, explicit: false });
    }
  }
  const kinds = [...builds.map((b) => b.label), 'TipTap', 'plain'];
  // size → kind → round → samples
  const results = new Map<number, Map<string, number[][]>>();
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
      let style: EditorStyle | null = null;
      for (let i = 0; i < samples; i++) {
        for (const build of builds) {
          // A build from before the editor was a chunk of its own has nothing to wait for.
          const opened = await openInApp(browser, build, `Open: ${size} words`, afterEditorLoaded && build.editorChunk !== false);
          style ??= opened.style;
          push(build.label, opened.painted);
        }
        push('TipTap', await openInPage(browser, 'tiptap', html, style as EditorStyle));
        push('plain', await openInPage(browser, 'plain', html, style as EditorStyle));
      }
      log(`opening compared: round ${round + 1}, ${size.toLocaleString('en')} words`);
    }
  }
  const median = (size: number, kind: string, round: number) => stats(results.get(size)?.get(kind)?.[round] ?? []).median;
  const perRound = (show: (round: number) => string) => Array.from({ length: ROUNDS }, (_, r) => show(r)).join(' / ');
  return {
    title: `Opening a story${afterEditorLoaded ? ' once the editor has loaded' : ' as soon as the list is idle'}: click → first frame after the body is editable, median of ${samples} fresh pages (each cell: round 1 / round 2)`,
    headers: ['Size', ...kinds.map((k) => (k === 'TipTap' || k === 'plain' ? k : `Dateline (${k})`)), ...builds.map((b) => `${b.label} ×TipTap`)],
    rows: words.map((size) => [
      `${size.toLocaleString('en')} words`,
      ...kinds.map((kind) => perRound((r) => formatMs(median(size, kind, r)))),
      ...builds.map((b) => perRound((r) => formatRatio(median(size, b.label, r), median(size, 'TipTap', r)))),
    ]),
    notes: ['_Dateline: from the click on Open in the library (the body fetched from the host); TipTap: `new Editor` with StarterKit given the same paragraphs as HTML; plain: `innerHTML` of a contenteditable. Same font and width._'],
  };
}
