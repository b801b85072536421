// Runs in: the benchmark scripts (Node). The same-run baselines' page: bare TipTap or a plain
// contenteditable on a blank page, set in the app's font and the width of the app's text column, so
// that their lines break where the app's do and layout has the same lines to place.
import type { Page } from '@playwright/test';
import { bareTiptapScript } from './bare-tiptap-bundle';
import type { BareTiptapOpen } from './bare-tiptap-page';
import { BENCH_VIEWPORT } from './bench-browser';
import { waitForPageIdle, waitInPage } from './wait-in-page';

export type BaselineKind = 'tiptap' | 'plain';

export interface EditorStyle {
  /** The computed `font` shorthand, line height included. */
  font: string;
  /** The width of the text column in CSS pixels: the editor's content box, without its padding. */
  width: number;
}

/** The article's paragraphs as the HTML the baselines are given. */
export function paragraphsHtml(paragraphs: readonly string[]): string {
  return paragraphs.map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</p>`).join('');
}

/** Where the baseline's editable text is, for the keystroke and caret scripts. */
export function baselineRoot(kind: BaselineKind): string {
  return kind === 'plain' ? '#plain' : '#bare .ProseMirror';
}

/** The font and text-column width of the editor at `root` in the app's page. */
export function readEditorStyle(page: Page, root: string): Promise<EditorStyle> {
  return page.evaluate((selector) => {
    const el = document.querySelector(selector) as HTMLElement;
    const cs = getComputedStyle(el);
    // clientWidth leaves out borders and a scrollbar; the padding may be fractional.
    return { font: cs.font, width: el.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) };
  }, root);
}

export interface OpenBaselineOptions {
  /** Evaluated in the page once its document is in place, before the editor opens (a probe). */
  script?: string;
  /** Runs once the page is ready and idle, just before the editor opens (starts a profiler). */
  beforeOpen?: () => Promise<void>;
  timeoutMs?: number;
}

/** Fills a blank page with the baseline holding `html`, and resolves when it has painted. */
export async function openBaseline(page: Page, kind: BaselineKind, html: string, language: string, style: EditorStyle, options: OpenBaselineOptions = {}): Promise<BareTiptapOpen> {
  const timeoutMs = options.timeoutMs ?? 120_000;
  const font = style.font.replace(/"/g, '&quot;');
  const editorStyle = `font:${font};width:${style.width}px;outline:none`;
  await page.setContent(
    `<!doctype html><html lang="${language}"><head><style>.ProseMirror{outline:none;white-space:pre-wrap}</style></head>` +
      `<body style="margin:0;height:${BENCH_VIEWPORT.height}px;overflow:auto">` +
      (kind === 'plain' ? `<div id="plain" contenteditable="true" spellcheck="true" style="${editorStyle}"></div>` : `<div id="bare" spellcheck="true" style="${editorStyle}"></div>`) +
      `</body></html>`,
  );
  if (options.script) await page.evaluate(options.script);
  if (kind === 'tiptap') {
    await page.addScriptTag({ content: await bareTiptapScript() });
    await waitForPageIdle(page);
    await options.beforeOpen?.();
    await page.evaluate((content) => window.__bareTiptap.open(content, document.getElementById('bare') as HTMLElement), html);
    await waitInPage(page, 'window.__bareTiptap.opened.painted !== null', timeoutMs);
    return (await page.evaluate('({ ...window.__bareTiptap.opened })')) as BareTiptapOpen;
  }
  await waitForPageIdle(page);
  await options.beforeOpen?.();
  return page.evaluate(
    (content) =>
      new Promise<BareTiptapOpen>((resolve) => {
        const t0 = performance.now();
        (document.getElementById('plain') as HTMLElement).innerHTML = content;
        const ready = performance.now() - t0;
        const frame = new MessageChannel();
        frame.port2.onmessage = () => resolve({ ready, painted: performance.now() - t0 });
        requestAnimationFrame(() => frame.port1.postMessage(0));
      }),
    html,
  );
}
