// A reporter at 900 px, in English and in Chinese: the article toolbar has one primary action,
// "Submit for review", with Move to trash apart from it; it opens the Review tab's form, whose
// buttons stay inside the panel; a draft offers no "Changes since…" comparisons.
import { expect, test, type Locator } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { UiLocale } from './support/dateline-app';
import { openApp, reviewPanel, setProfile } from './support/review-steps';
import { startHost, type RunningHost } from './support/start-host';

const SCREENS = process.env.DATELINE_SCREENS_DIR ?? '/work/screens';
let host: RunningHost;
let hub: string;
let home: string;

test.beforeEach(async () => {
  hub = mkdtempSync(join(tmpdir(), 'dateline-hub-'));
  home = mkdtempSync(join(tmpdir(), 'dateline-home-'));
  host = await startHost({ env: { HOME: home } });
});
test.afterEach(async () => {
  await host?.stop();
  rmSync(hub, { recursive: true, force: true });
  rmSync(home, { recursive: true, force: true });
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
