// A reporter keeps versions from the keyboard, in English and in Chinese: Ctrl/Cmd+S says it kept
// one, "Name this version" (from the command palette) keeps a named one, an edit follows, the named
// version is compared with the current text in the diff view, one paragraph of it is put back,
// and one undo takes that back.
import { expect, test, type Page } from '@playwright/test';
import { DatelineApp, type UiLocale } from './support/dateline-app';
import { startHost, type RunningHost } from './support/start-host';

let host: RunningHost;
test.beforeEach(async () => {
  host = await startHost();
});
test.afterEach(async () => {
  await host.stop();
});

const STORY: Record<UiLocale, { headline: string; first: string; second: string; changed: string; name: string }> = {
  en: { headline: 'Council passes budget', first: 'The council voted seven to two.', second: 'Schools gain most.', changed: 'Roads gain most.', name: 'Before the desk' },
  'zh-CN': { headline: '市议会通过预算', first: '市议会以七比二票通过预算。', second: '学校获益最多。', changed: '道路获益最多。', name: '交稿前' },
};

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function runFromPalette(page: Page, app: DatelineApp, label: string): Promise<void> {
  await page.keyboard.press('ControlOrMeta+Shift+P');
  const palette = page.getByRole('dialog', { name: app.text('palette.title') });
  await expect(palette.getByRole('combobox', { name: app.text('palette.filter') })).toBeFocused();
  await page.keyboard.type(label);
  await page.keyboard.press('Enter');
  await expect(palette).toBeHidden();
}

for (const locale of ['en', 'zh-CN'] as UiLocale[]) {
  test(`name a version, edit, compare, restore one paragraph and undo it (${locale})`, async ({ page }) => {
    const app = new DatelineApp(page);
    const story = STORY[locale];
    await page.goto(host.url);
    await expect(app.button('library.new')).toBeVisible();
    if (locale !== 'en') await app.switchLocale(locale);
    await app.newArticle();
    await app.textbox('article.headline').fill(story.headline);
    await app.body.click();
    await page.keyboard.type(story.first);
    await page.keyboard.press('Enter');
    await page.keyboard.type(story.second);

    // Ctrl/Cmd+S keeps a version, and the status says so.
    await page.keyboard.press('ControlOrMeta+s');
    const [before, after] = app.text('article.saveState.versionKept').split('{time}') as [string, string];
    await expect(page.locator('.status-bar [role="status"]')).toHaveText(new RegExp(`^${escape(before)}.+${escape(after)}$`));

    // Name this version, from the palette, by keyboard.
    await runFromPalette(page, app, app.text('command.article.name-version').replace('…', ''));
    const nameDialog = page.getByRole('dialog', { name: app.text('versions.name.title') });
    const nameBox = nameDialog.getByRole('textbox', { name: app.text('versions.name.label') });
    await expect(nameBox).toBeFocused();
    await page.keyboard.type(story.name);
    await page.keyboard.press('Enter');
    await expect(nameDialog).toBeHidden();
    await expect(page.getByRole('region', { name: app.text('notices.region') })).toContainText(app.text('versions.named', { name: story.name }));

    // Edit the second paragraph.
    await app.body.click();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.press('Shift+Home');
    await page.keyboard.type(story.changed);
    await expect(app.body).toContainText(story.changed);
    await app.waitSaved();

    // Versions (Ctrl/Cmd+Alt+H): tick the named one and compare it with the current text.
    await app.body.focus();
    await page.keyboard.press('ControlOrMeta+Alt+h');
    const versions = page.getByRole('dialog', { name: app.text('revisions.title') });
    const namedRow = versions.getByRole('row').filter({ hasText: app.text('versions.namedAs', { name: story.name }) });
    await expect(namedRow).toBeVisible();
    await namedRow.getByRole('checkbox').focus();
    await page.keyboard.press('Space');
    await expect(namedRow.getByRole('checkbox')).toBeChecked();
    await versions.getByRole('button', { name: app.text('versions.compare'), exact: true }).focus();
    await page.keyboard.press('Enter');
    const diff = versions.locator('.diff-view');
    await expect(diff.locator('del')).toContainText(story.second.slice(0, 2));
    await expect(diff.locator('ins')).toContainText(story.changed.slice(0, 2));

    // View it: the version is rendered as paragraphs, not flattened; put the second one back.
    await namedRow.getByRole('button', { name: new RegExp(`^${escape(app.text('revisions.viewNamed', { when: '{w}' })).replace('\\{w\\}', '.+')}$`) }).focus();
    await page.keyboard.press('Enter');
    const preview = versions.locator('.revision-preview');
    await expect(preview.locator('.version-block-content p')).toHaveText([story.first, story.second]);
    await expect(preview.getByRole('button', { name: app.text('versions.restoreBlockNamed', { n: 1 }) })).toHaveCount(0);
    await preview.getByRole('button', { name: app.text('versions.restoreBlockNamed', { n: 2 }) }).focus();
    await page.keyboard.press('Enter');
    await expect(versions).toBeHidden();
    await expect(app.body.locator('p')).toHaveText([story.first, story.second]);
    await expect(app.body).toBeFocused();

    // An ordinary edit: one undo takes it back.
    await page.keyboard.press('ControlOrMeta+z');
    await expect(app.body.locator('p')).toHaveText([story.first, story.changed]);
  });
}
