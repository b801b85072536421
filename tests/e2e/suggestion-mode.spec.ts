// An editor suggests changes in English and in Chinese (through an IME composition): insertions are
// underlined, the deleted word stays visible struck through. Then one suggestion is accepted and
// others rejected from the list, and what is saved and reloaded holds exactly the accepted text.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { DatelineApp } from './support/dateline-app';
import { imeType } from './support/ime-type';
import { startHost, type RunningHost } from './support/start-host';

let host: RunningHost;
test.beforeEach(async () => {
  host = await startHost();
});
test.afterEach(async () => {
  await host.stop();
});

test('suggest in English and Chinese (IME), then accept one and reject the others', async ({ page }) => {
  const app = new DatelineApp(page);
  await page.goto(host.url);
  await app.newArticle();
  await app.textbox('article.headline').fill('Council vote');
  await app.body.click();
  await page.keyboard.type('The cat sat.');

  /** Puts the caret at `pos` through the editor (the browser's own caret moves are read back asynchronously). */
  const caretAt = (pos: number) =>
    app.body.evaluate((dom, at) => {
      const editor = (dom as HTMLElement & { editor: { commands: { setTextSelection(p: number): boolean; focus(): boolean } } }).editor;
      editor.commands.setTextSelection(at);
      editor.commands.focus();
    }, pos);

  const toggle = app.button('editor.toolbar.suggest');
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await app.body.click();
  await page.keyboard.press('ControlOrMeta+Shift+E');
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');

  // English at the end, Chinese through the IME at the start, and "cat" deleted.
  await app.pressEndInBody();
  await page.keyboard.type(' Today');
  await caretAt(1);
  const cdp = await page.context().newCDPSession(page);
  await imeType(cdp, ['shi', 'zhang'], '市长');
  await expect(app.body.locator('ins')).toHaveText(['市长', ' Today']);
  // After "市长The cat": the paragraph opens at 0, so "cat" ends at 1 + 2 + 7.
  await caretAt(10);
  for (let i = 0; i < 'cat'.length; i++) await page.keyboard.press('Backspace');
  await expect(app.body.locator('del')).toHaveText(['cat']);
  await expect(app.body.locator('p').first()).toHaveText('市长The cat sat. Today');

  const panel = page.getByRole('region', { name: app.text('editor.suggestions.label') });
  await expect(panel.getByText(app.text('editor.suggestions.count', { count: 3 }))).toBeVisible();
  await panel.getByRole('button', { name: /^Accept: .*“市长”/ }).click();
  await panel.getByRole('button', { name: /^Reject: .*“ Today”/ }).click();
  await panel.getByRole('button', { name: /^Reject: .*“cat”/ }).click();
  await expect(panel).toHaveCount(0);
  await expect(app.body.locator('p').first()).toHaveText('市长The cat sat.');
  await expect(app.body.locator('ins, del')).toHaveCount(0);

  await app.waitSaved();
  await page.reload();
  await app.openFromLibrary('Council vote');
  await expect(app.body.locator('p').first()).toHaveText('市长The cat sat.');
  await expect(app.body.locator('ins, del')).toHaveCount(0);

  // The exported page holds exactly the accepted text, and no suggestion mark.
  const download = page.waitForEvent('download');
  await app.moreAction('article.exportHtml');
  const html = readFileSync(await (await download).path(), 'utf8');
  expect(html).toContain('<p>市长The cat sat.</p>');
  expect(html).not.toMatch(/Today|<ins|<del|suggestion/);
});
