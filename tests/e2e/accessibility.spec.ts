// axe on the screens a reporter meets first — the library (empty, full, searched), the article
// screen with its Details and Review tabs, Settings and the publish dialog — in English and in
// Chinese, in the light and the dark theme. Serious and critical findings fail the test. The label-in-name rule (experimental in
// axe) is switched on: a button's spoken name must contain the text it shows.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makePng } from '../support/test-photos';
import { DatelineApp, type UiLocale } from './support/dateline-app';
import { openReviewTab, setProfile } from './support/review-steps';
import type { RunningHost } from './support/start-host';
import { startHostWithHub, type HostWithHub } from './support/start-host-with-hub';

let setup: HostWithHub | undefined;
let host: RunningHost;
let home: string;
let hub: string;

test.beforeEach(async () => {
  setup = await startHostWithHub();
  ({ host, home, hub } = setup);
});
test.afterEach(async () => {
  await setup?.stop();
});

/** Runs axe on the page as it is now; fails with each serious or critical finding and where it is. */
async function expectNoSeriousFindings(page: Page, screen: string): Promise<void> {
  const result = await new AxeBuilder({ page }).options({ rules: { 'label-content-name-mismatch': { enabled: true } } }).analyze();
  const serious = result.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => `${node.target.join(' ')} — ${node.failureSummary ?? ''}`).join(' | ')}`);
  expect(serious, `axe on ${screen}`).toEqual([]);
}

const TEXT: Record<UiLocale, { headline: string; body: string; note: string; reporter: string }> = {
  en: { headline: 'Council passes budget', body: 'The council voted seven to two.', note: 'Check the vote count.', reporter: 'Jane Doe' },
  'zh-CN': { headline: '市议会通过预算', body: '市议会以七比二票通过预算。', note: '请核实票数。', reporter: '李娜' },
};

// Light, and dark as the OS may ask for it (prefers-color-scheme): color-contrast runs in both.
const RUNS = [
  { locale: 'en', scheme: 'light' },
  { locale: 'zh-CN', scheme: 'light' },
  { locale: 'en', scheme: 'dark' },
  { locale: 'zh-CN', scheme: 'dark' },
] as const;

for (const { locale, scheme } of RUNS) {
  test(`the main screens have no serious accessibility findings (${scheme === 'light' ? locale : `${locale}, dark`})`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.emulateMedia({ colorScheme: scheme });
    const text = TEXT[locale];
    const missing: string[] = [];
    page.on('response', (response) => {
      if (response.status() === 404) missing.push(response.url());
    });
    const app = new DatelineApp(page);
    await page.goto(host.url);
    await expect(app.button('library.new')).toBeVisible();
    if (locale !== 'en') await app.switchLocale(locale);

    await expect(page.getByRole('heading', { name: app.text('library.emptyTitle') })).toBeVisible();
    await expectNoSeriousFindings(page, 'the empty library');

    // Settings, then a reporter's profile so the Review tab has comments to show.
    await page.getByRole('button', { name: app.text('settings.title'), exact: true }).click();
    await expect(page.getByRole('dialog', { name: app.text('settings.title') })).toBeVisible();
    await expectNoSeriousFindings(page, 'Settings');
    await page.keyboard.press('Escape');
    await setProfile({ app, page }, text.reporter, 'reporter', { kind: 'folder', path: hub });

    // The article screen with a photo: Details tab.
    await app.newArticle();
    await app.textbox('article.headline').fill(text.headline);
    await app.body.click();
    await page.keyboard.type(text.body);
    await page.keyboard.press('Enter');
    const photo = join(home, 'photo.png');
    writeFileSync(photo, makePng(900, 600));
    const chooser = page.waitForEvent('filechooser');
    await app.button('editor.toolbar.insert-photo').click();
    await (await chooser).setFiles(photo);
    await expect(app.body.locator('figure')).toBeVisible();
    await expect(app.body.getByRole('group', { name: app.text('editor.figure.caption') })).toBeVisible();
    await app.waitSaved();
    await expectNoSeriousFindings(page, 'the article screen, Details tab');

    // Review tab, with a resolved note (resolved comments used to fade below 4.5:1).
    const panel = await openReviewTab({ app, page });
    await panel.getByRole('textbox', { name: app.text('review.comment.new') }).fill(text.note);
    await panel.getByRole('button', { name: app.text('review.comment.addNote'), exact: true }).click();
    await panel.getByRole('button', { name: app.text('review.comment.resolve'), exact: true }).click();
    await expect(panel.getByText(app.text('review.comment.resolved', { name: text.reporter }))).toBeVisible();
    await expectNoSeriousFindings(page, 'the article screen, Review tab');

    // The publish dialog with its checklist (a summary and more are still missing): a reporter's "Send a copy".
    await app.moreAction('publish.sendCopy');
    await expect(page.getByRole('dialog', { name: app.text('publish.sendCopyTitle') })).toBeVisible();
    await expectNoSeriousFindings(page, 'the publish dialog');
    await page.keyboard.press('Escape');

    // The library with a story, and a search that finds nothing.
    await app.backToLibrary();
    await expect(app.libraryRow(text.headline)).toBeVisible();
    await expectNoSeriousFindings(page, 'the library');
    await app.search('zzzqx');
    await expect(page.getByRole('heading', { name: app.text('library.noMatch') })).toBeVisible();
    await expectNoSeriousFindings(page, 'the library with a search that finds nothing');

    expect(missing, 'requests answered 404 (the favicon among them)').toEqual([]);
  });
}

test('the formatting toolbar is one tab stop, moved along with the arrow keys, with a tooltip naming the shortcut', async ({ page }) => {
  const app = new DatelineApp(page);
  await page.goto(host.url);
  await app.newArticle();
  const toolbar = page.getByRole('toolbar', { name: app.text('editor.toolbar.label') });
  await app.textbox('article.summary').focus();
  await page.keyboard.press('Tab');
  const bold = toolbar.getByRole('button', { name: app.text('editor.toolbar.bold'), exact: true });
  await expect(bold).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  const underline = toolbar.getByRole('button', { name: app.text('editor.toolbar.underline'), exact: true });
  await expect(underline).toBeFocused();
  const tooltip = toolbar.getByRole('tooltip').filter({ hasText: app.text('editor.toolbar.underline') });
  await expect(tooltip).toBeVisible();
  await expect(tooltip).toHaveText(new RegExp(`${app.text('editor.toolbar.underline')}\\s*(Ctrl\\+U|⌘U)`));
  await expect(underline).toHaveAccessibleDescription(/^(Ctrl\+U|⌘U)$/);
  // The tooltip sits below its button, not over it.
  const [buttonBox, tipBox] = [await underline.boundingBox(), await tooltip.boundingBox()];
  expect(tipBox!.y).toBeGreaterThanOrEqual(buttonBox!.y + buttonBox!.height - 1);
  await page.keyboard.press('Escape');
  await expect(tooltip).toBeHidden();
  await page.keyboard.press('End');
  // The last button is Comment, after the Editing / Suggesting switch.
  await expect(toolbar.getByRole('button', { name: app.text('editor.toolbar.comment'), exact: true })).toBeFocused();
  // One Tab leaves the toolbar for the body.
  await page.keyboard.press('Tab');
  await expect(app.body).toBeFocused();
  // Shift+Tab comes back to the button last used (the toolbar's one tab stop).
  await page.keyboard.press('Shift+Tab');
  await expect(toolbar.getByRole('button', { name: app.text('editor.toolbar.comment'), exact: true })).toBeFocused();
});
