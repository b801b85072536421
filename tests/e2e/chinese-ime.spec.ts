// A reporter types Chinese through an input method (pinyin composition, then commit): the text
// lands once, in the right place, in the body, the headline and the tag field; pressing Enter to
// pick a candidate does not add a half-composed tag.
import { expect, test, type CDPSession, type Page } from '@playwright/test';
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

async function cdpFor(page: Page): Promise<CDPSession> {
  return page.context().newCDPSession(page);
}

test('Chinese typed through an IME composition lands correctly in the body, headline and tags', async ({ page }) => {
  const app = new DatelineApp(page);
  await page.goto(host.url);
  await app.newArticle();
  const cdp = await cdpFor(page);

  await app.textbox('article.headline').click();
  await imeType(cdp, ['shi', 'yi', 'hui'], '市议会');
  await expect(app.textbox('article.headline')).toHaveValue('市议会');

  await app.body.click();
  await page.keyboard.type('Council: ');
  await imeType(cdp, ['tong', 'guo'], '通过');
  await imeType(cdp, ['yu', 'suan'], '预算');
  await page.keyboard.type('.');
  await expect(app.body.locator('p').first()).toHaveText('Council: 通过预算.');
  // The live count follows the composed text (2 Latin words... and 4 Chinese characters).
  await expect(page.getByLabel(app.text('article.countsLabel')).getByText('4 characters')).toBeVisible();

  const tagInput = page.getByRole('textbox', { name: app.text('metadata.tags'), exact: true });
  await tagInput.click();
  await cdp.send('Input.imeSetComposition', { text: 'yusuan', selectionStart: 6, selectionEnd: 6 });
  // Enter while composing picks the candidate; it must not add "yusuan" as a tag.
  await tagInput.dispatchEvent('keydown', { key: 'Enter', keyCode: 229, isComposing: true });
  await cdp.send('Input.insertText', { text: '预算' });
  await expect(page.getByRole('button', { name: app.text('metadata.tags.remove', { tag: 'yusuan' }) })).toHaveCount(0);
  await tagInput.press('Enter');
  await expect(app.button('metadata.tags.remove', { tag: '预算' })).toBeVisible();

  // And it was saved as typed.
  await app.waitSaved();
  await page.reload();
  await app.openFromLibrary('市议会');
  await expect(app.body.locator('p').first()).toHaveText('Council: 通过预算.');
  await expect(app.button('metadata.tags.remove', { tag: '预算' })).toBeVisible();
});
