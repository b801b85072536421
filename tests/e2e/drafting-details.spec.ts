// Drafting details, in English and in Chinese, in an 800 px window: a new story starts in its
// headline; the empty body shows where to write; the headline counts itself against the desk
// guide; nothing scrolls sideways; the side panel folds away; focus writing hides the chrome;
// Preview as Published shows the folder page in a sandboxed frame; the print stylesheet makes a
// proof. A link typed in the body ends where it was typed. Screenshots go to the screens folder.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makePng } from '../support/test-photos';
import { DatelineApp, type UiLocale } from './support/dateline-app';
import { startHost, type RunningHost } from './support/start-host';

const SCREENS = process.env.DATELINE_SCREENS_DIR ?? '/work/screens';
let host: RunningHost;
let home: string;

test.beforeEach(async () => {
  home = mkdtempSync(join(tmpdir(), 'dateline-home-'));
  host = await startHost({ env: { HOME: home } });
  mkdirSync(SCREENS, { recursive: true });
});
test.afterEach(async () => {
  await host?.stop();
  rmSync(home, { recursive: true, force: true });
});

/** Whether the page scrolls sideways: the scrolling element is wider than its window. */
async function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const root = document.scrollingElement;
    return root !== null && root.scrollWidth > root.clientWidth;
  });
}

const TEXT: Record<UiLocale, { headline: string; length: string; body: string }> = {
  en: { headline: 'Council passes budget', length: '21 of 70 characters', body: 'The council voted seven to two.' },
  'zh-CN': { headline: '市议会通过预算', length: '7/30 字', body: '市议会以七比二票通过预算。' },
};

for (const locale of ['en', 'zh-CN'] as const) {
  test(`a reporter drafts at 800 px (${locale}): headline first, placeholder, counts, folding panel, focus, preview, proof`, async ({ page }) => {
    test.setTimeout(120_000);
    const text = TEXT[locale];
    await page.setViewportSize({ width: 800, height: 700 });
    const app = new DatelineApp(page);
    await page.goto(host.url);
    await expect(app.button('library.new')).toBeVisible();
    if (locale !== 'en') await app.switchLocale(locale);
    expect(await scrollsSideways(page), 'library at 800 px').toBe(false);

    await app.newArticle();
    // The cursor is in the headline: what the reporter types first lands there.
    const headline = app.textbox('article.headline');
    await expect(headline).toBeFocused();
    // The empty body says where to write and has a visible outline.
    await expect(app.body).toHaveAttribute('aria-placeholder', app.text('editor.body.placeholder'));
    expect(await app.body.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('dashed');
    await page.screenshot({ path: join(SCREENS, `drafting-new-article-800-${locale}.png`) });

    await page.keyboard.insertText(text.headline);
    await expect(headline).toHaveValue(text.headline);
    await expect(page.locator('.headline-length')).toHaveText(text.length);
    await app.body.click();
    await page.keyboard.insertText(text.body);
    await expect(app.body).not.toHaveAttribute('aria-placeholder');

    // 800 px: the side panel starts folded, the text has the width, nothing scrolls sideways.
    const panelButton = app.button('proof.sidePanel');
    await expect(panelButton).toHaveAttribute('aria-expanded', 'false');
    expect(await scrollsSideways(page), 'article at 800 px').toBe(false);
    await panelButton.click();
    await expect(page.getByRole('tab', { name: app.text('review.tab.details') })).toBeVisible();
    expect(await scrollsSideways(page), 'article with its panel at 800 px').toBe(false);
    await page.screenshot({ path: join(SCREENS, `drafting-article-panel-800-${locale}.png`) });
    await panelButton.click();
    await expect(page.getByRole('tab', { name: app.text('review.tab.details') })).toBeHidden();

    // Focus writing: one key hides the chrome; the same key brings it back.
    await app.body.click();
    await page.keyboard.press('Control+Alt+F');
    await expect(page.locator('.app-header')).toBeHidden();
    await expect(app.textbox('article.summary')).toBeHidden();
    await expect(headline).toBeVisible();
    await expect(app.body).toBeFocused();
    await page.screenshot({ path: join(SCREENS, `drafting-focus-writing-${locale}.png`) });
    await page.keyboard.press('Control+Alt+F');
    await expect(page.locator('.app-header')).toBeVisible();

    // Preview as published: the folder page, in a frame that may run nothing.
    await app.moreAction('proof.preview');
    const frame = page.locator('iframe.preview-frame');
    await expect(frame).toHaveAttribute('sandbox', '');
    await expect(page.frameLocator('iframe.preview-frame').locator('h1')).toHaveText(text.headline);
    await expect(page.frameLocator('iframe.preview-frame').getByText(text.body)).toBeVisible();
    await page.screenshot({ path: join(SCREENS, `drafting-preview-${locale}.png`) });
    await page.getByRole('button', { name: app.text('app.close'), exact: true }).click();

    // The printed proof: headline and counts lead; the app's chrome stays off the paper.
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.proof-header h1')).toHaveText(text.headline);
    await expect(page.locator('.proof-counts')).toContainText(text.length);
    await expect(page.locator('.app-header')).toBeHidden();
    await expect(page.locator('.dl-toolbar')).toBeHidden();
    await page.screenshot({ path: join(SCREENS, `drafting-proof-${locale}.png`), fullPage: true });
    await page.emulateMedia({ media: 'screen' });

    // The other main screens fit too.
    await app.backToLibrary();
    expect(await scrollsSideways(page), 'library with a story at 800 px').toBe(false);
    await page.getByRole('button', { name: app.text('queue.nav'), exact: true }).click();
    expect(await scrollsSideways(page), 'review queue at 800 px').toBe(false);
  });
}

test('a link ends where it was typed: a full stop after it is plain text', async ({ page }) => {
  const app = new DatelineApp(page);
  await page.goto(host.url);
  await app.newArticle();
  await app.body.click();
  await page.keyboard.insertText('Read the report');
  for (let i = 0; i < 'report'.length; i++) await page.keyboard.press('Shift+ArrowLeft');
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe('report');
  await app.waitForBodySelection();
  await page.keyboard.press('Control+K');
  await page.getByRole('textbox', { name: app.text('editor.link.address'), exact: true }).fill('https://example.com/report');
  await page.keyboard.press('Enter');
  await expect(app.body.locator('a')).toHaveText('report');
  await app.body.click();
  await app.pressEndInBody();
  await page.keyboard.type('. Then more');
  await expect(app.body).toContainText('Read the report. Then more');
  await expect(app.body.locator('a')).toHaveText('report');
});

test('a web page pasted keeps its words apart; a paste far longer than a story is asked about first', async ({ page }) => {
  const app = new DatelineApp(page);
  await page.goto(host.url);
  await app.newArticle();
  await app.body.click();
  const paste = (html: string, text: string) =>
    app.body.evaluate(
      (el, data) => {
        const transfer = new DataTransfer();
        transfer.setData('text/html', data.html);
        transfer.setData('text/plain', data.text);
        el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
      },
      { html, text },
    );
  await paste('<a href="https://a.example/">first link</a> <a href="https://b.example/">second link</a><table><tr><td>North</td><td>1,204</td></tr></table>', 'first link second link');
  await expect(app.body).toContainText('first link second link');
  await expect(app.body).toContainText('North 1,204');

  const huge = 'The council met again. '.repeat(6000);
  await paste(`<p><strong>${huge}</strong></p>`, huge);
  const ask = page.getByRole('alertdialog', { name: app.text('editor.largePaste.title') });
  await expect(ask).toBeVisible();
  await expect(app.body).not.toContainText('The council met again.');
  await ask.getByRole('button', { name: app.text('editor.largePaste.confirm') }).click();
  await expect(ask).toHaveCount(0);
  await expect(app.body).toContainText('The council met again.');
  await expect(app.body.locator('strong')).toContainText('The council met again.');

  // With Shift held (Ctrl/Cmd+Shift+V), the same paste is plain text: the formatting stays behind.
  await page.keyboard.press('ControlOrMeta+z');
  await expect(app.body).not.toContainText('The council met again.');
  await page.keyboard.down('Shift');
  await paste(`<p><strong>${huge}</strong></p>`, huge);
  await page.keyboard.up('Shift');
  await ask.getByRole('button', { name: app.text('editor.largePaste.confirm') }).click();
  await expect(app.body).toContainText('The council met again.');
  await expect(app.body.locator('strong')).toHaveCount(0);
});

test('Ctrl+Z in the headline and the summary takes back typing as a plain text field does, not one character', async ({ page, browser }) => {
  const typeThenUndo = async (box: Locator, on: Page): Promise<string> => {
    await box.click();
    await on.keyboard.type('Council vote');
    await on.keyboard.type(' tonight');
    await on.keyboard.press('ControlOrMeta+z');
    return box.inputValue();
  };
  // The baseline: this Chromium's own text field, on a blank page.
  const plain = await browser.newPage();
  await plain.setContent('<textarea aria-label="plain"></textarea>');
  const expected = await typeThenUndo(plain.getByRole('textbox', { name: 'plain' }), plain);
  await plain.close();
  expect(expected).not.toBe('Council vote tonigh');

  const app = new DatelineApp(page);
  await page.goto(host.url);
  await app.newArticle();
  expect(await typeThenUndo(app.textbox('article.headline'), page)).toBe(expected);
  expect(await typeThenUndo(app.textbox('article.summary'), page)).toBe(expected);
});

test('the dark theme follows the OS', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  const app = new DatelineApp(page);
  await page.goto(host.url);
  await app.newArticle();
  const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  expect(background).toBe('rgb(22, 23, 26)');
  await page.keyboard.insertText(TEXT.en.headline);
  await page.screenshot({ path: join(SCREENS, 'drafting-dark-article.png') });
});

test('the printed proof shows the byline and each photo with its caption and credit, not its alt text', async ({ page }) => {
  const app = new DatelineApp(page);
  await page.goto(host.url);
  await app.newArticle();
  await page.keyboard.insertText('Flood waters recede');
  await app.textbox('metadata.bylineName', { n: 1 }).fill('Li Na');
  await app.body.click();
  await page.keyboard.insertText('The river fell overnight.');
  await page.keyboard.press('Enter');
  const photo = join(home, 'photo.png');
  writeFileSync(photo, makePng(900, 600));
  const chooser = page.waitForEvent('filechooser');
  await app.button('editor.toolbar.insert-photo').click();
  await (await chooser).setFiles(photo);
  const figure = app.body.locator('figure');
  await expect(figure).toBeVisible();
  await figure.locator('figcaption').click();
  await page.keyboard.insertText('The bridge at dawn');
  const credit = figure.getByRole('textbox', { name: app.text('editor.figure.credit') });
  await credit.fill('Photo: Wang Fang');
  await figure.getByRole('textbox', { name: app.text('editor.figure.alt') }).fill('A bridge over brown water');

  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.proof-byline')).toHaveText(app.text('proof.byline', { names: 'Li Na' }));
  // The counts are the status bar's: the body's four words and the caption's four.
  await expect(page.locator('.proof-counts')).toContainText('8 words');
  await expect(figure.locator('img')).toBeVisible();
  await expect(figure.locator('figcaption')).toHaveText('The bridge at dawn');
  await expect(credit).toBeVisible();
  await expect(credit).toHaveValue('Photo: Wang Fang');
  await expect(figure.getByRole('textbox', { name: app.text('editor.figure.alt') })).toBeHidden();
  await page.screenshot({ path: join(SCREENS, 'drafting-proof-photo.png'), fullPage: true });
});
