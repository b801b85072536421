// Runs in: Playwright's Node side. Types Chinese the way a pinyin input method does, through the
// Chrome DevTools Protocol: a composition update for each syllable, then the commit.
import type { CDPSession } from '@playwright/test';

export async function imeType(cdp: CDPSession, pinyin: string[], text: string): Promise<void> {
  let composing = '';
  for (const syllable of pinyin) {
    composing += syllable;
    await cdp.send('Input.imeSetComposition', { text: composing, selectionStart: composing.length, selectionEnd: composing.length });
  }
  await cdp.send('Input.insertText', { text });
}
