// Runs in: the benchmark script (Node). Types 200 paced keystrokes at the end of a big article in
// the real app and in a plain contenteditable holding the same paragraphs, and measures both.
import type { Browser, Page } from '@playwright/test';
import type { HostClient } from '../support/host-client';
import { BENCH_VIEWPORT, benchContext } from './bench-browser';
import { BenchText } from './bench-text';
import { bodyDoc } from './body-doc';
import { ARM_KEYSTROKE_PROBE, KEYSTROKE_PROBE, READ_KEYSTROKE_PROBE, type KeystrokeSamples } from './keystroke-probe';
import { processCpuMs, timeUntilResponsive } from './host-health';
import { stats, type Stats } from './stats';
import { uiText } from './ui-text';

export interface TypingCase {
  label: string;
  language: 'en' | 'zh-CN';
  /** Words (English) or characters (Chinese). */
  size: number;
}

export interface KeystrokeStats {
  work: Stats;
  task: Stats;
  paint: Stats;
  /** Keys whose input event or frame never arrived. */
  missing: number;
  /** True when the typed letters ended up at the end of the last paragraph. */
  landed: boolean;
}

export interface TypingResult {
  typingCase: TypingCase;
  editor: KeystrokeStats;
  baseline: KeystrokeStats;
  /** Renders per component while typing; null when the built app has no render probe (stale build). */
  renders: Record<string, number> | null;
  keystrokes: number;
  /** How long the host answered nothing after the article was saved through the API (null: longer than the cap). */
  hostBusyAfterSaveMs: number | null;
  /** CPU the host process used while the 200 keys were typed (autosaves and what they trigger). */
  hostCpuWhileTypingMs: number | null;
  /** Whether autosave reported "Saved" within the wait after typing. */
  autosaveSettled: boolean;
}

export interface BenchHost {
  url: string;
  pid: number | undefined;
  client: HostClient;
}

export const PROBED_COMPONENTS = ['ArticleScreen', 'EditorHost', 'ArticleEditor', 'EditorToolbar'] as const;
const KEYSTROKES = 200;
const KEY_GAP_MS = 50;
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
/** Saving a 100k-word article keeps today's host busy for minutes (see the report); cap the waits. */
const HOST_BUSY_CAP_MS = 240_000;
const SETTLE_CAP_MS = 20_000;

export async function runTypingBench(browser: Browser, host: BenchHost, cases: readonly TypingCase[], log: (line: string) => void): Promise<TypingResult[]> {
  const results: TypingResult[] = [];
  for (const typingCase of cases) {
    // Start from an idle host: the previous case's last autosave may still be re-indexing.
    await timeUntilResponsive(host.client, HOST_BUSY_CAP_MS);
    const paragraphs = paragraphsFor(typingCase);
    const headline = `Bench typing: ${typingCase.label}`;
    const created = await host.client.call('articles.create', { language: typingCase.language });
    await host.client.call('articles.save', { article: { ...created, headline, body: bodyDoc(paragraphs) }, explicit: false });
    log(`typing ${typingCase.label}: ${paragraphs.length} paragraphs saved; waiting for the host to answer again…`);
    const hostBusyAfterSaveMs = await timeUntilResponsive(host.client, HOST_BUSY_CAP_MS);
    if (hostBusyAfterSaveMs === null) throw new Error(`the host stayed unresponsive for over ${HOST_BUSY_CAP_MS / 1000} s after saving the ${typingCase.label} article`);
    log(`typing ${typingCase.label}: host answered after ${(hostBusyAfterSaveMs / 1000).toFixed(1)} s; editor…`);
    const app = await typeInApp(browser, host, headline);
    log(`typing ${typingCase.label}: plain contenteditable…`);
    const baselineSamples = await typeInPlainEditable(browser, paragraphs, typingCase.language, app.style);
    results.push({
      typingCase,
      editor: app.samples,
      baseline: baselineSamples,
      renders: app.renders,
      keystrokes: KEYSTROKES,
      hostBusyAfterSaveMs,
      hostCpuWhileTypingMs: app.hostCpuMs,
      autosaveSettled: app.settled,
    });
  }
  return results;
}

/** ~60-word English paragraphs, or ~150-character Chinese ones, adding up to the case's size. */
export function paragraphsFor(typingCase: TypingCase): string[] {
  const text = new BenchText(typingCase.size * 7 + (typingCase.language === 'en' ? 1 : 2));
  const per = typingCase.language === 'en' ? 60 : 150;
  const out: string[] = [];
  for (let left = typingCase.size; left > 0; left -= per) {
    const n = Math.min(per, left);
    out.push(typingCase.language === 'en' ? text.englishParagraph(n) : text.chineseParagraph(n));
  }
  return out;
}

interface EditorStyle {
  font: string;
  width: number;
}

interface AppTyping {
  samples: KeystrokeStats;
  renders: Record<string, number> | null;
  style: EditorStyle;
  hostCpuMs: number | null;
  settled: boolean;
}

async function typeInApp(browser: Browser, host: BenchHost, headline: string): Promise<AppTyping> {
  const context = await benchContext(browser);
  try {
    const page = await context.newPage();
    await page.addInitScript(`window.__datelineRenderProbe = {};\n${KEYSTROKE_PROBE}`);
    await page.goto(host.url);
    await page.getByRole('button', { name: uiText('library.openNamed', { headline }), exact: true }).click({ timeout: 30_000 });
    const body = page.getByRole('textbox', { name: uiText('editor.body.label'), exact: true });
    await body.waitFor({ state: 'visible', timeout: 60_000 });
    await waitSaved(page);
    await body.click();
    await page.keyboard.press('ControlOrMeta+End');
    // Let the first stats pass and any layout work settle before measuring.
    await page.waitForTimeout(1000);
    await waitSaved(page);
    const style = await page.evaluate(`(() => { const el = document.querySelector('.ProseMirror'); const cs = getComputedStyle(el); return { font: cs.font, width: el.clientWidth }; })()`) as EditorStyle;
    const before = await readProbe(page);
    const cpuBefore = processCpuMs(host.pid);
    const typed = await typeKeys(page);
    const cpuAfter = processCpuMs(host.pid);
    const settled = await waitSaved(page, SETTLE_CAP_MS).then(
      () => true,
      () => false,
    );
    const after = await readProbe(page);
    // The editor rendered at least once to open: no count at all means the probe is not in this build.
    const renders: Record<string, number> | null = before.ArticleEditor ? {} : null;
    if (renders) for (const name of PROBED_COMPONENTS) renders[name] = (after[name] ?? 0) - (before[name] ?? 0);
    const landed = await lastParagraphEndsWith(page, '.ProseMirror', typed.text);
    const hostCpuMs = cpuBefore !== null && cpuAfter !== null ? cpuAfter - cpuBefore : null;
    return { samples: summarizeSamples(typed.samples, landed), renders, style, hostCpuMs, settled };
  } finally {
    await context.close();
  }
}

async function typeInPlainEditable(browser: Browser, paragraphs: readonly string[], language: string, style: EditorStyle): Promise<KeystrokeStats> {
  const context = await benchContext(browser);
  try {
    const page = await context.newPage();
    await page.goto('about:blank');
    const html = paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('');
    await page.setContent(
      `<!doctype html><html lang="${language}"><body style="margin:0;height:${BENCH_VIEWPORT.height}px;overflow:auto">` +
        `<div id="plain" contenteditable="true" spellcheck="true" style="font:${style.font.replace(/"/g, '&quot;')};width:${style.width}px;outline:none">${html}</div></body></html>`,
    );
    await page.evaluate(KEYSTROKE_PROBE);
    await page.locator('#plain').click({ position: { x: 20, y: 20 } });
    await page.keyboard.press('ControlOrMeta+End');
    await page.waitForTimeout(1000);
    const typed = await typeKeys(page);
    const landed = await lastParagraphEndsWith(page, '#plain', typed.text);
    return summarizeSamples(typed.samples, landed);
  } finally {
    await context.close();
  }
}

/** 200 letters, each at least 50 ms after the previous one, then the page's measurements. */
async function typeKeys(page: Page): Promise<{ samples: KeystrokeSamples; text: string }> {
  await page.evaluate(ARM_KEYSTROKE_PROBE);
  let text = '';
  let previous = 0;
  for (let i = 0; i < KEYSTROKES; i++) {
    const wait = previous + KEY_GAP_MS - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    previous = performance.now();
    const letter = LETTERS[i % LETTERS.length] as string;
    text += letter;
    await page.keyboard.press(letter);
  }
  // The last key's messages arrive within a frame or two.
  await page.waitForTimeout(300);
  const samples = (await page.evaluate(READ_KEYSTROKE_PROBE)) as KeystrokeSamples;
  return { samples, text };
}

function summarizeSamples(samples: KeystrokeSamples, landed: boolean): KeystrokeStats {
  const numbers = (values: (number | null)[]) => values.filter((v): v is number => typeof v === 'number');
  const [work, task, paint] = [numbers(samples.work), numbers(samples.task), numbers(samples.paint)];
  return { work: stats(work), task: stats(task), paint: stats(paint), missing: KEYSTROKES - Math.min(work.length, task.length, paint.length), landed };
}

async function readProbe(page: Page): Promise<Record<string, number>> {
  return (await page.evaluate('({ ...(window.__datelineRenderProbe ?? {}) })')) as Record<string, number>;
}

async function waitSaved(page: Page, timeout = 60_000): Promise<void> {
  await page.getByRole('status').filter({ hasText: new RegExp(`^${uiText('article.saveState.saved')}$`) }).waitFor({ state: 'visible', timeout });
}

async function lastParagraphEndsWith(page: Page, rootSelector: string, text: string): Promise<boolean> {
  return (await page.evaluate(
    `(() => { const ps = document.querySelectorAll(${JSON.stringify(`${rootSelector} p`)}); const last = ps[ps.length - 1]; return !!last && last.textContent.endsWith(${JSON.stringify(text)}); })()`,
  )) as boolean;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
