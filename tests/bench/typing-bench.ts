// Runs in: the benchmark script (Node). Opens a big article in the real app, in a bare TipTap
// StarterKit editor and in a plain contenteditable holding the same paragraphs, and in each presses
// paced keys: letters at the end and in the middle, Enter and Backspace in the middle. Every case
// runs in two interleaved rounds (app, TipTap, plain; then again) so a noisy moment shows.
import type { Browser, Page } from '@playwright/test';
import type { HostClient } from '../support/host-client';
import { baselineRoot, openBaseline, paragraphsHtml, readEditorStyle, type BaselineKind, type EditorStyle } from './baseline-page';
import { benchContext } from './bench-browser';
import { BenchText } from './bench-text';
import { bodyDoc } from './body-doc';
import { ARM_KEYSTROKE_PROBE, KEYSTROKE_MEASURES, KEYSTROKE_PROBE, KEYSTROKE_PROBE_DONE, READ_KEYSTROKE_PROBE, type KeystrokeMeasure, type KeystrokeSamples, type LongFrame } from './keystroke-probe';
import { processCpuMs, timeUntilResponsive } from './host-health';
import { OPEN_PROBE, type OpenSample } from './open-probe';
import { stats, type Stats } from './stats';
import { bodyShapeScript, CARET_PARAGRAPH_CENTRE_SCRIPT, keyFor, keysLanded, placeCaretScript, TYPING_SCENARIOS, type BodyShape, type TypingScenario } from './typing-scenarios';
import { uiText } from './ui-text';
import { waitForPageIdle, waitInPage } from './wait-in-page';

export interface TypingCase {
  label: string;
  language: 'en' | 'zh-CN';
  /** Words (English) or characters (Chinese). */
  size: number;
}

export interface KeystrokeStats {
  measures: Record<KeystrokeMeasure, Stats>;
  /** Keys whose input event or frame never arrived. */
  missing: number;
  /** True when the keys changed the body as they should (letters added, paragraphs split, characters deleted). */
  landed: boolean;
  /** Chromium's long animation frames (≥ 50 ms) while the keys were pressed; null when it has no LoAF. */
  longFrames: { count: number; longest: LongFrame | null } | null;
}

export const EDITORS = ['app', 'tiptap', 'plain'] as const;
export type EditorKind = (typeof EDITORS)[number];

export interface EditorRun {
  /** Opening: until editable, and until the next frame (the app: from the click on Open). */
  open: { ready: number | null; painted: number | null };
  scenarios: Record<TypingScenario['id'], KeystrokeStats>;
  /** App only: renders per component over all the keys; null when the build has no render probe. */
  renders: Record<string, number> | null;
  /** App only: CPU the host used while the keys were pressed (autosaves and what they trigger). */
  hostCpuMs: number | null;
  /** App only: whether autosave said "Saved" after each scenario within the wait. */
  autosaveSettled: boolean;
}

export type TypingRound = Record<EditorKind, EditorRun>;

export interface TypingResult {
  typingCase: TypingCase;
  keystrokes: number;
  /** The longest the host answered nothing after a round's article was saved through the API. */
  hostBusyAfterSaveMs: number | null;
  rounds: TypingRound[];
}

export interface BenchHost {
  url: string;
  pid: number | undefined;
  client: HostClient;
}

export const PROBED_COMPONENTS = ['ArticleScreen', 'EditorHost', 'ArticleEditor', 'EditorToolbar'] as const;
export const ROUNDS = 2;
const KEY_GAP_MS = 50;
/** Saving a 100k-word article can keep the host busy for minutes; cap the waits. */
const HOST_BUSY_CAP_MS = 240_000;
const SETTLE_CAP_MS = 20_000;
const APP_ROOT = '.ProseMirror';

export async function runTypingCase(browser: Browser, host: BenchHost, typingCase: TypingCase, keystrokes: number, log: (line: string) => void): Promise<TypingResult> {
  const paragraphs = paragraphsFor(typingCase);
  // One article per round: the app saves what each round typed, and every round must start from the same body.
  let hostBusyAfterSaveMs: number | null = null;
  const headlines: string[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    // Start from an idle host: the previous case's last autosave may still be re-indexing.
    await timeUntilResponsive(host.client, HOST_BUSY_CAP_MS);
    const headline = `Bench typing: ${typingCase.label}, round ${round}`;
    const created = await host.client.call('articles.create', { language: typingCase.language });
    await host.client.call('articles.save', { article: { ...created, headline, body: bodyDoc(paragraphs) }, explicit: false });
    log(`typing ${typingCase.label}: ${paragraphs.length} paragraphs saved for round ${round}; waiting for the host to answer again…`);
    const busy = await timeUntilResponsive(host.client, HOST_BUSY_CAP_MS);
    if (busy === null) throw new Error(`the host stayed unresponsive for over ${HOST_BUSY_CAP_MS / 1000} s after saving the ${typingCase.label} article`);
    hostBusyAfterSaveMs = Math.max(hostBusyAfterSaveMs ?? 0, busy);
    headlines.push(headline);
  }
  const html = paragraphsHtml(paragraphs);
  const rounds: TypingRound[] = [];
  let style: EditorStyle | null = null;
  for (let round = 1; round <= ROUNDS; round++) {
    log(`typing ${typingCase.label}, round ${round}: Dateline…`);
    const app = await typeInApp(browser, host, headlines[round - 1] as string, keystrokes);
    style ??= app.style;
    log(`typing ${typingCase.label}, round ${round}: bare TipTap…`);
    const tiptap = await typeInPage(browser, 'tiptap', html, typingCase.language, style, keystrokes);
    log(`typing ${typingCase.label}, round ${round}: plain contenteditable…`);
    const plain = await typeInPage(browser, 'plain', html, typingCase.language, style, keystrokes);
    rounds.push({ app: app.run, tiptap, plain });
  }
  return { typingCase, keystrokes, hostBusyAfterSaveMs, rounds };
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

async function typeInApp(browser: Browser, host: BenchHost, headline: string, keystrokes: number): Promise<{ run: EditorRun; style: EditorStyle }> {
  const context = await benchContext(browser);
  try {
    const page = await context.newPage();
    await page.addInitScript(`window.__datelineRenderProbe = {};\n${OPEN_PROBE}\n${KEYSTROKE_PROBE}`);
    await page.goto(host.url);
    const open = page.getByRole('button', { name: uiText('library.openNamed', { headline }), exact: true });
    await open.waitFor({ state: 'visible', timeout: 60_000 });
    await page.evaluate('window.__benchOpenArm(0)');
    await open.click();
    await waitInPage(page, 'window.__benchOpen.painted !== null', 60_000);
    const opened = (await page.evaluate('({ ready: window.__benchOpen.ready, painted: window.__benchOpen.painted })')) as Pick<OpenSample, 'ready' | 'painted'>;
    await page.evaluate('window.__benchOpenArm(null)');
    await waitSaved(page);
    const style = await readEditorStyle(page, APP_ROOT);
    const before = await readProbe(page);
    let hostCpuMs: number | null = 0;
    let autosaveSettled = true;
    const scenarios = {} as Record<TypingScenario['id'], KeystrokeStats>;
    for (const scenario of TYPING_SCENARIOS) {
      const cpuBefore = processCpuMs(host.pid);
      scenarios[scenario.id] = await pressKeys(page, APP_ROOT, scenario, keystrokes);
      const cpuAfter = processCpuMs(host.pid);
      hostCpuMs = hostCpuMs !== null && cpuBefore !== null && cpuAfter !== null ? hostCpuMs + cpuAfter - cpuBefore : null;
      const settled = await waitSaved(page, SETTLE_CAP_MS).then(
        () => true,
        () => false,
      );
      autosaveSettled &&= settled;
    }
    const after = await readProbe(page);
    // The editor rendered at least once to open: no count at all means the probe is not in this build.
    const renders: Record<string, number> | null = before.ArticleEditor ? {} : null;
    if (renders) for (const name of PROBED_COMPONENTS) renders[name] = (after[name] ?? 0) - (before[name] ?? 0);
    return { run: { open: opened, scenarios, renders, hostCpuMs, autosaveSettled }, style };
  } finally {
    await context.close();
  }
}

/** The bare TipTap editor or the plain contenteditable, on a blank page with the app's font and text-column width. */
export async function typeInPage(browser: Browser, kind: BaselineKind, html: string, language: string, style: EditorStyle, keystrokes: number): Promise<EditorRun> {
  const context = await benchContext(browser);
  try {
    const page = await context.newPage();
    await page.goto('about:blank');
    const open = await openBaseline(page, kind, html, language, style, { script: KEYSTROKE_PROBE, timeoutMs: 60_000 });
    const root = baselineRoot(kind);
    const scenarios = {} as Record<TypingScenario['id'], KeystrokeStats>;
    for (const scenario of TYPING_SCENARIOS) scenarios[scenario.id] = await pressKeys(page, root, scenario, keystrokes);
    return { open, scenarios, renders: null, hostCpuMs: null, autosaveSettled: true };
  } finally {
    await context.close();
  }
}

/** Puts the caret in place, presses `keystrokes` keys at least 50 ms apart, and reads the page's measurements. */
async function pressKeys(page: Page, root: string, scenario: TypingScenario, keystrokes: number): Promise<KeystrokeStats> {
  await page.evaluate(placeCaretScript(root, scenario.at));
  const pointer = (await page.evaluate(CARET_PARAGRAPH_CENTRE_SCRIPT)) as { x: number; y: number };
  await page.mouse.move(pointer.x, pointer.y);
  // Let the editor take the new selection and any layout work settle before measuring.
  await waitForPageIdle(page);
  const before = (await page.evaluate(bodyShapeScript(root))) as BodyShape;
  await page.evaluate(ARM_KEYSTROKE_PROBE);
  let previous = 0;
  for (let i = 0; i < keystrokes; i++) {
    const wait = previous + KEY_GAP_MS - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    previous = performance.now();
    await page.keyboard.press(keyFor(scenario, i));
  }
  // The last keys' frames and idle callbacks arrive within a frame or two, or the page is stalled.
  await waitInPage(page, KEYSTROKE_PROBE_DONE, 30_000).catch(() => undefined);
  const samples = (await page.evaluate(READ_KEYSTROKE_PROBE)) as KeystrokeSamples;
  const after = (await page.evaluate(bodyShapeScript(root))) as BodyShape;
  return summarizeSamples(samples, keystrokes, keysLanded(scenario, keystrokes, before, after));
}

function summarizeSamples(samples: KeystrokeSamples, keystrokes: number, landed: boolean): KeystrokeStats {
  const numbers = (values: (number | null)[]) => values.filter((v): v is number => typeof v === 'number');
  const measures = {} as Record<KeystrokeMeasure, Stats>;
  let fewest = keystrokes;
  for (const name of KEYSTROKE_MEASURES) {
    const values = numbers(samples[name]);
    fewest = Math.min(fewest, values.length);
    measures[name] = stats(values);
  }
  const frames = samples.longFrames;
  const longFrames = frames && { count: frames.length, longest: frames.reduce<LongFrame | null>((a, f) => (a === null || f.duration > a.duration ? f : a), null) };
  return { measures, missing: keystrokes - fewest, landed, longFrames };
}

async function readProbe(page: Page): Promise<Record<string, number>> {
  return (await page.evaluate('({ ...(window.__datelineRenderProbe ?? {}) })')) as Record<string, number>;
}

async function waitSaved(page: Page, timeout = 60_000): Promise<void> {
  await page.getByRole('status').filter({ hasText: new RegExp(`^${uiText('article.saveState.saved')}$`) }).waitFor({ state: 'visible', timeout });
}
