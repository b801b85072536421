// Runs in: vitest (Node) with the tests' Chromium. A smoke run of the typing bench's pieces at a
// tiny size: the bare-TipTap bundle loads, the caret goes where each scenario wants it, every key
// lands and every measure gets a sample per key. No timing is checked (the machine is shared).
import type { Browser } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baselineRoot, openBaseline, readEditorStyle } from '../bench/baseline-page';
import { launchBenchBrowser } from '../bench/bench-browser';
import { ARM_KEYSTROKE_PROBE, KEYSTROKE_MEASURES, KEYSTROKE_PROBE, READ_KEYSTROKE_PROBE, type KeystrokeSamples } from '../bench/keystroke-probe';
import { typeInPage } from '../bench/typing-bench';
import { CARET_PARAGRAPH_CENTRE_SCRIPT, keysLanded, placeCaretScript, TYPING_SCENARIOS } from '../bench/typing-scenarios';

const KEYS = 5;
const HTML = Array.from({ length: 9 }, (_, i) => `<p>Paragraph ${i + 1} of the council budget story, long enough to delete from.</p>`).join('');
const STYLE = { font: '16px serif', width: 600 };

describe('typing bench pieces (smoke)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBenchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const kind of ['tiptap', 'plain'] as const) {
    it(`runs every scenario in the ${kind} baseline and measures every key`, async () => {
      const run = await typeInPage(browser, kind, HTML, 'en', STYLE, KEYS);
      expect(run.open.painted).not.toBeNull();
      for (const scenario of TYPING_SCENARIOS) {
        const result = run.scenarios[scenario.id];
        expect(result.landed, `${kind} ${scenario.id} landed`).toBe(true);
        expect(result.missing, `${kind} ${scenario.id} missing`).toBe(0);
        for (const measure of KEYSTROKE_MEASURES) expect(result.measures[measure].n, `${kind} ${scenario.id} ${measure}`).toBe(KEYS);
        // The bench's Chromium reports long animation frames, so the bench's LoAF table has figures.
        expect(result.longFrames, `${kind} ${scenario.id} long frames`).not.toBeNull();
      }
    });
  }

  it('counts a frame the page holds for over 50 ms as a long frame, with its script', async () => {
    const page = await browser.newPage();
    try {
      await page.setContent('<!doctype html><html><body><p>text</p></body></html>');
      await page.evaluate(KEYSTROKE_PROBE);
      await page.evaluate(ARM_KEYSTROKE_PROBE);
      await page.evaluate('new Promise((resolve) => setTimeout(function holdTheThread() { const t = performance.now(); while (performance.now() - t < 120); resolve(true); }, 0))');
      await expect.poll(async () => ((await page.evaluate('window.__benchKeys.longFrames.length')) as number) > 0).toBe(true);
      const samples = (await page.evaluate(READ_KEYSTROKE_PROBE)) as KeystrokeSamples;
      expect(samples.longFrames![0]!.duration).toBeGreaterThanOrEqual(100);
      expect(samples.longFrames![0]!.scripts.join(' ')).toContain('TimerHandler:setTimeout');
    } finally {
      await page.close();
    }
  });

  it('sets the baselines in the app editor\'s font and text column, its padding left out', async () => {
    const app = await browser.newPage();
    const bare = await browser.newPage();
    try {
      await app.setContent('<!doctype html><html><body><div class="ProseMirror" style="box-sizing:border-box;width:660px;padding:0 22.5px;font:17px/29px serif">x</div></body></html>');
      const style = await readEditorStyle(app, '.ProseMirror');
      expect(style.width).toBe(615);
      expect(style.font).toContain('17px / 29px');
      for (const kind of ['tiptap', 'plain'] as const) {
        await openBaseline(bare, kind, '<p>one line</p>', 'en', style);
        const column = await bare.evaluate((root) => {
          const p = document.querySelector(`${root} p`) as HTMLElement;
          return { width: p.getBoundingClientRect().width, lineHeight: getComputedStyle(p).lineHeight };
        }, baselineRoot(kind));
        expect(column, kind).toEqual({ width: 615, lineHeight: '29px' });
      }
    } finally {
      await app.close();
      await bare.close();
    }
  });

  it('rests the pointer over the paragraph holding the caret', async () => {
    const page = await browser.newPage();
    try {
      await page.setContent(`<!doctype html><html><body><div id="ed" contenteditable="true">${HTML.repeat(20)}</div></body></html>`);
      await page.evaluate(placeCaretScript('#ed', 'middle'));
      const point = (await page.evaluate(CARET_PARAGRAPH_CENTRE_SCRIPT)) as { x: number; y: number };
      const same = await page.evaluate(
        ({ x, y }) => document.elementFromPoint(x, y)?.closest('p') === (getSelection()!.focusNode as Node).parentElement!.closest('p'),
        point,
      );
      expect(same).toBe(true);
    } finally {
      await page.close();
    }
  });
});

describe('keysLanded', () => {
  const scenario = (id: string) => TYPING_SCENARIOS.find((s) => s.id === id);
  const end = scenario('end');
  const backspace = scenario('backspace');
  const enter = scenario('enter');
  it('knows what letters, Backspace and Enter should do to the body', () => {
    expect(keysLanded(end!, 3, { chars: 10, paragraphs: 2 }, { chars: 13, paragraphs: 2 })).toBe(true);
    expect(keysLanded(end!, 3, { chars: 10, paragraphs: 2 }, { chars: 12, paragraphs: 2 })).toBe(false);
    expect(keysLanded(backspace!, 3, { chars: 10, paragraphs: 2 }, { chars: 7, paragraphs: 2 })).toBe(true);
    // Backspace that joined paragraphs instead of deleting characters did not do what was measured.
    expect(keysLanded(backspace!, 3, { chars: 10, paragraphs: 5 }, { chars: 10, paragraphs: 2 })).toBe(false);
    expect(keysLanded(enter!, 3, { chars: 10, paragraphs: 2 }, { chars: 10, paragraphs: 5 })).toBe(true);
    expect(keysLanded(enter!, 3, { chars: 10, paragraphs: 2 }, { chars: 13, paragraphs: 2 })).toBe(false);
  });
});
