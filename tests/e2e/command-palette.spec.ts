// A reporter runs commands from the command palette with the keyboard alone: Ctrl/Cmd+Shift+P opens
// it, a few letters of a Chinese label or of an English name find the command, the arrows choose,
// Enter runs it, Escape closes it and gives the focus back. Commands that do not apply are left out.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { DatelineApp } from './support/dateline-app';
import { startHost, type RunningHost } from './support/start-host';

let host: RunningHost;
test.beforeEach(async () => {
  host = await startHost();
});
test.afterEach(async () => {
  await host.stop();
});

async function openPalette(page: Page, app: DatelineApp): Promise<Locator> {
  await page.keyboard.press('ControlOrMeta+Shift+P');
  const palette = page.getByRole('dialog', { name: app.text('palette.title') });
  await expect(palette).toBeVisible();
  await expect(palette.getByRole('combobox', { name: app.text('palette.filter') })).toBeFocused();
  return palette;
}

/** The option the combobox points at (the focus stays in the filter box). */
async function activeOption(palette: Locator): Promise<Locator> {
  const id = await palette.getByRole('combobox').getAttribute('aria-activedescendant');
  expect(id).not.toBeNull();
  return palette.locator(`[id="${id}"]`);
}

test('the command palette finds commands in Chinese and English and runs them from the keyboard', async ({ page }) => {
  const app = new DatelineApp(page);
  await page.goto(host.url);
  await expect(app.button('library.new')).toBeVisible();

  // In the library nothing is open to make bold: the command is left out.
  let palette = await openPalette(page, app);
  await page.keyboard.type('bold');
  await expect(palette.getByRole('option')).toHaveCount(0);
  await expect(palette.getByRole('status')).toHaveText(app.text('palette.none', { query: 'bold' }));

  // A part of a Chinese label: 简体 finds 简体中文, and Enter switches the interface.
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('简体');
  await expect(await activeOption(palette)).toContainText('简体中文');
  await page.keyboard.press('Enter');
  await expect(palette).toBeHidden();
  app.locale = 'zh-CN';
  await expect(app.button('library.new')).toBeVisible();

  // Now in Chinese: 新建 finds 新建稿件 (File ▸ New Article), with its key shown.
  palette = await openPalette(page, app);
  await page.keyboard.type('新建');
  const newArticle = await activeOption(palette);
  await expect(newArticle).toContainText(`${app.text('menu.file')}: ${app.text('command.article.new')}`);
  await expect(newArticle).toContainText(/Ctrl\+Alt\+N|⌘⌥N/);
  // The combobox, its listbox and options pass axe.
  const axe = await new AxeBuilder({ page }).include('[role="dialog"]').analyze();
  expect(axe.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => violation.id)).toEqual([]);
  await page.keyboard.press('Enter');
  // A new story starts with its headline; the reporter then moves to the body.
  await expect(app.textbox('article.headline')).toBeFocused();
  await app.body.click();
  await page.keyboard.type('Flood waters rise');
  await page.keyboard.press('ControlOrMeta+a');

  // An English name in the Chinese interface: "bold" finds 粗体 and runs it on the selection.
  palette = await openPalette(page, app);
  await page.keyboard.type('bold');
  await expect(await activeOption(palette)).toContainText(app.text('command.format.bold'));
  await expect(await activeOption(palette)).toContainText(/Ctrl\+B|⌘B/);
  await page.keyboard.press('Enter');
  await expect(palette).toBeHidden();
  await expect(app.body.locator('strong')).toHaveText('Flood waters rise');

  // Arrows choose among several: "heading" lists H2 then H3; Down picks H3.
  palette = await openPalette(page, app);
  await page.keyboard.type('heading');
  await expect(palette.getByRole('option')).toHaveCount(2);
  await page.keyboard.press('ArrowDown');
  await expect(await activeOption(palette)).toContainText(app.text('command.format.heading-3'));
  await expect(await activeOption(palette)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(app.body.locator('h3')).toHaveText('Flood waters rise');

  // Escape closes without running anything, and the focus goes back to the body.
  palette = await openPalette(page, app);
  await page.keyboard.type('trash');
  await page.keyboard.press('Escape');
  await expect(palette).toBeHidden();
  await expect(app.body).toBeFocused();
  await expect(app.textbox('article.headline')).toBeVisible();
});
