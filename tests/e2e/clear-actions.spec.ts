// A reporter at 900 px, in English and in Chinese: the article toolbar has one primary action,
// "Submit for review", with Move to trash apart from it; it opens the Review tab's form, whose
// buttons stay inside the panel; a draft offers no "Changes since…" comparisons.
// Then every main screen (library, article, review panel, publish dialog, settings) at 900 and
// 1440 px in both languages: one primary action each, nothing scrolls sideways, the article
// toolbar fits one row; the screenshots go to DATELINE_SCREENS_DIR as final-*.png.
import { expect, test, type Locator } from '@playwright/test';
import { join } from 'node:path';
import type { UiLocale } from './support/dateline-app';
import { actWithNote, openApp, openFromQueue, openReviewTab, reviewPanel, setProfile, statusLine, type PersonApp } from './support/review-steps';
import { startHost, type RunningHost } from './support/start-host';
import { startHostWithHub, type HostWithHub } from './support/start-host-with-hub';

const SCREENS = process.env.DATELINE_SCREENS_DIR ?? '/work/screens';
let setup: HostWithHub | undefined;
let host: RunningHost;
let hub: string;
let home: string;

test.beforeEach(async () => {
  setup = await startHostWithHub();
  ({ host, hub, home } = setup);
});
/** Hosts a test started beyond the first (a second computer). */
const extraHosts: RunningHost[] = [];
test.afterEach(async () => {
  await Promise.all([setup?.stop(), ...extraHosts.splice(0).map((extra) => extra.stop())]);
});

async function box(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const found = await locator.boundingBox();
  if (!found) throw new Error('not on screen');
  return found;
}

for (const locale of ['en', 'zh-CN'] as UiLocale[]) {
  test(`a reporter's draft at 900 px (${locale}): one primary action, trash apart, the note form inside the panel`, async ({ browser }) => {
    const person = await openApp(browser, host, locale);
    const { app, page } = person;
    await page.setViewportSize({ width: 900, height: 700 });
    await setProfile(person, locale === 'en' ? 'Li Na' : '李娜', 'reporter', { kind: 'folder', path: hub });
    await app.newArticle();
    await app.textbox('article.headline').fill(locale === 'en' ? 'Harbour fire closes the ferry pier' : '港口火灾关闭渡轮码头');
    await app.waitSaved();

    const toolbar = page.getByRole('toolbar', { name: app.text('article.toolbarLabel') });
    const primaries = toolbar.locator('button.primary');
    await expect(primaries).toHaveCount(1);
    await expect(primaries).toHaveText(app.text('review.action.submit'));
    await expect(toolbar.getByRole('button', { name: app.text('publish.open'), exact: true })).toHaveCount(0);
    // Move to trash sits on the far side of the toolbar from the primary action.
    const trash = await box(toolbar.getByRole('button', { name: app.text('article.trash'), exact: true }));
    const primary = await box(primaries);
    expect(trash.x + trash.width).toBeLessThan(primary.x - 100);
    await page.screenshot({ path: join(SCREENS, `after-actions-article-${locale}.png`) });

    await primaries.click();
    const panel = reviewPanel(person);
    await expect(panel.getByRole('combobox', { name: app.text('review.submitTo') })).toBeFocused();
    await expect(panel.getByRole('button', { name: /^Changes since|^自/ })).toHaveCount(0);
    await expect(panel.getByRole('group', { name: app.text('review.diff.group') })).toHaveCount(0);

    // The spike form has the longest confirm label: every button stays inside the panel.
    await panel.getByRole('button', { name: app.text('review.action.spike'), exact: true }).click();
    const panelBox = await box(panel);
    for (const button of await panel.locator('form button').all()) {
      const b = await box(button);
      expect(b.x).toBeGreaterThanOrEqual(panelBox.x);
      expect(b.x + b.width).toBeLessThanOrEqual(panelBox.x + panelBox.width);
    }
    await expect(panel.locator('button.primary')).toHaveCount(0);
    await panel.screenshot({ path: join(SCREENS, `after-actions-review-${locale}.png`) });
  });
}

for (const locale of ['en', 'zh-CN'] as UiLocale[]) {
  test(`a story planned for later opens the publish dialog on scheduling, and says so (${locale}, 900 px)`, async ({ browser }) => {
    const { app, page } = await openApp(browser, host, locale);
    await page.setViewportSize({ width: 900, height: 700 });
    await app.newArticle();
    await app.textbox('article.headline').fill(locale === 'en' ? 'Budget vote tomorrow' : '明天表决预算');
    const details = page.getByRole('complementary', { name: app.text('metadata.title') });
    const year = new Date().getFullYear() + 1;
    await details.getByLabel(app.text('metadata.plannedAt'), { exact: true }).fill(`${year}-01-15T09:30`);
    await app.waitSaved();

    await app.button('publish.open').click();
    const dialog = page.getByRole('dialog', { name: app.text('publish.title') });
    await expect(dialog.getByRole('radio', { name: app.text('publish.status.scheduled'), exact: true })).toBeChecked();
    await expect(dialog.getByLabel(app.text('publish.scheduleAt'), { exact: true })).toHaveValue(`${year}-01-15T09:30`);
    const outcome = dialog.locator('.check-outcome');
    await expect(outcome).toContainText(app.text('publish.outcome.scheduled').split('{scheduledAt}')[0]!.trim());
    await expect(outcome).toContainText(String(year));
    await expect(dialog.getByRole('button', { name: app.text('publish.action.scheduled'), exact: true })).toHaveClass(/primary/);
    await expect(dialog.locator('button.primary')).toHaveCount(1);
    await page.screenshot({ path: join(SCREENS, `after-actions-publish-${locale}.png`) });

    await dialog.getByRole('radio', { name: app.text('publish.status.published'), exact: true }).check();
    await expect(outcome).toHaveText(app.text('publish.outcome.now'));
  });
}

const WIDTHS = [900, 1440] as const;

/** Nothing on the page is wider than the window (no sideways scroll). */
async function expectNoSidewaysScroll(page: PersonApp['page'], what: string): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${what} scrolls sideways`).toBeLessThanOrEqual(0);
}

/** At each width: one primary action in `scope`, no sideways scroll, and a screenshot final-<name>-<locale>-<width>.png. */
async function checkScreen(person: PersonApp, scope: Locator, name: string, locale: UiLocale, extra?: (width: number) => Promise<void>): Promise<void> {
  for (const width of WIDTHS) {
    await person.page.setViewportSize({ width, height: 900 });
    await expect(scope.locator('button.primary:visible'), `${name} at ${width} px`).toHaveCount(1);
    await expectNoSidewaysScroll(person.page, `${name} at ${width} px`);
    await extra?.(width);
    await person.page.screenshot({ path: join(SCREENS, `final-${name}-${locale}-${width}.png`) });
  }
}

for (const locale of ['en', 'zh-CN'] as UiLocale[]) {
  test(`every main screen has one primary action and fits 900 and 1440 px (${locale})`, async ({ browser }) => {
    // Two computers sharing a folder hub: each app keeps its own settings (and language).
    const editorHost = await startHost({ env: { HOME: home } });
    extraHosts.push(editorHost);
    const reporter = await openApp(browser, host, locale);
    const editor = await openApp(browser, editorHost, locale);
    const zh = locale === 'zh-CN';
    await setProfile(reporter, zh ? '李娜' : 'Li Na', 'reporter', { kind: 'folder', path: hub });
    await setProfile(editor, zh ? '王编辑' : 'Sam Editor', 'editor', { kind: 'folder', path: hub });
    const headline = zh ? '港口火灾关闭渡轮码头，数百名乘客滞留' : 'Harbour fire closes the ferry pier, stranding hundreds of passengers';

    // Settings: Save is the one primary; Cancel and the rest are secondary.
    await reporter.page.getByRole('button', { name: reporter.app.text('settings.title'), exact: true }).click();
    const settings = reporter.page.getByRole('dialog', { name: reporter.app.text('settings.title') });
    await checkScreen(reporter, settings, 'settings', locale, async () => {
      // The dialog scrolls at 900 px high; its Save stays wholly in view.
      await expect(settings.getByRole('button', { name: reporter.app.text('app.save'), exact: true })).toBeInViewport({ ratio: 1 });
    });
    await settings.press('Escape');
    await expect(settings).toBeHidden();

    // The article screen: one primary in the toolbar, trash apart in the danger style, and at 900 px
    // the whole toolbar on one row (the rarer actions wait in More).
    await reporter.app.newArticle();
    await reporter.app.textbox('article.headline').fill(headline);
    await reporter.app.body.click();
    await reporter.page.keyboard.type(zh ? '港口今天发生火灾，渡轮停航。' : 'A fire at the harbour closed the ferry pier today.');
    await reporter.app.waitSaved();
    const toolbar = reporter.page.getByRole('toolbar', { name: reporter.app.text('article.toolbarLabel') });
    await checkScreen(reporter, toolbar, 'article', locale, async () => {
      const rows = new Set<number>();
      for (const control of await toolbar.locator(':scope > button, :scope > span > button, :scope > span > span > button').all()) rows.add(Math.round((await box(control)).y));
      expect(rows.size, 'the article toolbar wraps').toBe(1);
      await expect(toolbar.locator('button.danger')).toHaveText(reporter.app.text('article.trash'));
    });

    // The review panel: the reporter submits; the desk's one primary is "Approve and publish".
    const panel = await openReviewTab(reporter);
    await actWithNote(reporter, panel, 'submit');
    await expect(panel.getByText(statusLine(reporter.app, 'submitted'))).toBeVisible();
    const edPanel = await openFromQueue(editor, headline, 'for-me');
    await editor.page.getByRole('tab', { name: editor.app.text('review.tab.review'), exact: true }).click();
    await expect(edPanel.getByRole('button', { name: editor.app.text('review.action.approve-publish'), exact: true })).toBeVisible();
    await checkScreen(editor, edPanel, 'review', locale, async () => {
      await expect(edPanel.locator('button.primary')).toHaveText(editor.app.text('review.action.approve-publish'));
      await expect(edPanel.locator('button.danger')).toHaveText(editor.app.text('review.action.spike'));
      // …and it is the only one on the screen: the toolbar's Publish steps back meanwhile.
      await expect(editor.page.locator('.article-screen button.primary:visible')).toHaveCount(1);
    });

    // The publish dialog ("Approve and publish"): its action is the one primary.
    await edPanel.getByRole('button', { name: editor.app.text('review.action.approve-publish'), exact: true }).click();
    const dialog = editor.page.getByRole('dialog', { name: editor.app.text('review.action.approve-publish') });
    await expect(dialog).toBeVisible();
    await checkScreen(editor, dialog, 'publish-dialog', locale);
    await dialog.press('Escape');
    await expect(dialog).toBeHidden();

    // The library with the story: New article is the one primary.
    await reporter.app.backToLibrary();
    await expect(reporter.app.libraryRow(headline)).toBeVisible();
    await checkScreen(reporter, reporter.page.locator('section.library'), 'library', locale, async () => {
      await expect(reporter.app.libraryRow(headline).getByRole('button', { name: reporter.app.text('library.trashNamed', { headline }) })).toHaveClass(/danger/);
    });
  });
}
