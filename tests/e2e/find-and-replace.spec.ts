// A reporter finds and replaces in the browser: Ctrl/Cmd+F searches the headline and the body
// (full-width brackets equal to half-width ones), Enter steps through the matches, Ctrl/Cmd+H adds
// the replace row, Replace all changes every match and one undo brings the body back, Escape
// closes the panel and gives the focus back.
import { expect, test } from '@playwright/test';
import { DatelineApp } from './support/dateline-app';
import { startHost, type RunningHost } from './support/start-host';

let host: RunningHost;
test.beforeEach(async () => {
  host = await startHost();
});
test.afterEach(async () => {
  await host.stop();
});

test('find and replace across the headline and the body, with one undo for the body', async ({ page }) => {
  const app = new DatelineApp(page);
  await page.goto(host.url);
  await app.newArticle();
  await app.textbox('article.headline').fill('Mayor quits');
  await app.body.click();
  await page.keyboard.type('The mayor (Li) said the mayor left.');

  await page.keyboard.press('ControlOrMeta+f');
  const panel = page.getByRole('search', { name: app.text('find.panel.label') });
  const query = app.textbox('find.query.label');
  await expect(query).toBeFocused();
  await query.fill('mayor');
  const count = panel.locator('.dl-find-panel__count');
  await expect(count).toHaveText(`${app.text('find.count', { current: 1, total: 3 })} ${app.text('find.where.headline')}`);
  await expect(app.body.locator('.dl-find-match')).toHaveCount(2);
  await query.press('Enter');
  await expect(count).toHaveText(`${app.text('find.count', { current: 2, total: 3 })} ${app.text('find.where.body')}`);
  await expect(app.body.locator('.dl-find-match--current')).toHaveText('mayor');

  // Full-width brackets in the query find the half-width ones in the text.
  await query.fill('（Li）');
  await expect(count).toHaveText(`${app.text('find.count', { current: 1, total: 1 })} ${app.text('find.where.body')}`);

  await page.keyboard.press('ControlOrMeta+h');
  await expect(query).toBeFocused();
  await query.fill('mayor');
  await app.textbox('find.replacement.label').fill('governor');
  await app.button('find.replace-all').click();
  await expect(app.textbox('article.headline')).toHaveValue('governor quits');
  await expect(app.body).toHaveText('The governor (Li) said the governor left.');
  await expect(count).toHaveText(app.text('find.count-none'));

  await query.press('Escape');
  await expect(panel).toBeHidden();
  await expect(app.body).toBeFocused();
  await page.keyboard.press('ControlOrMeta+z');
  await expect(app.body).toHaveText('The mayor (Li) said the mayor left.');
  // The headline's replacement is an edit of its own text box: undone there the same way.
  await app.textbox('article.headline').focus();
  await page.keyboard.press('ControlOrMeta+z');
  await expect(app.textbox('article.headline')).toHaveValue('Mayor quits');
});

test('replace one and replace all in the text fields, each undone with Ctrl/Cmd+Z', async ({ page }) => {
  const app = new DatelineApp(page);
  await page.goto(host.url);
  await app.newArticle();
  await app.textbox('article.headline').fill('Budget passes');
  await app.textbox('article.subheadline').fill('Council votes on the budget');
  await app.textbox('article.summary').fill('The city budget grows；预算 rises');
  await app.body.click();
  await page.keyboard.type('Body text.');

  await page.keyboard.press('ControlOrMeta+h');
  await app.textbox('find.query.label').fill('budget');
  await app.textbox('find.replacement.label').fill('spending plan');
  const query = app.textbox('find.query.label');
  const count = page.getByRole('search', { name: app.text('find.panel.label') }).locator('.dl-find-panel__count');
  await expect(count).toHaveText(`${app.text('find.count', { current: 1, total: 3 })} ${app.text('find.where.headline')}`);
  await query.press('Enter');
  await expect(count).toHaveText(`${app.text('find.count', { current: 2, total: 3 })} ${app.text('find.where.subheadline')}`);
  await app.button('find.replace-one').click();
  await expect(app.textbox('article.subheadline')).toHaveValue('Council votes on the spending plan');
  await expect(app.button('find.replace-one')).toBeFocused();
  await app.button('find.replace-all').click();
  await expect(app.textbox('article.summary')).toHaveValue('The city spending plan grows；预算 rises');
  await expect(app.textbox('article.headline')).toHaveValue('spending plan passes');

  // The browser keeps one undo history for the text boxes: the last replacement goes back first.
  await app.textbox('article.summary').focus();
  await page.keyboard.press('ControlOrMeta+z');
  await expect(app.textbox('article.summary')).toHaveValue('The city budget grows；预算 rises');
  await expect(app.textbox('article.headline')).toHaveValue('spending plan passes');
  await app.textbox('article.headline').focus();
  await page.keyboard.press('ControlOrMeta+z');
  await expect(app.textbox('article.headline')).toHaveValue('Budget passes');
  await app.textbox('article.subheadline').focus();
  await page.keyboard.press('ControlOrMeta+z');
  await expect(app.textbox('article.subheadline')).toHaveValue('Council votes on the budget');
});
