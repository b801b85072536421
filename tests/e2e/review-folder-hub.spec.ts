// Editorial review across two machines: two app instances, each with its own loopback host, user
// data folder and home folder, share one review hub folder. A reporter (Chinese UI) submits; the
// editor comments on a passage and requests changes; the reporter fixes and resubmits; the editor
// sees exactly what changed, approves and publishes to the Published folder in one click.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DatelineApp, type UiLocale } from './support/dateline-app';
import { draftCompleteArticle, publishFromDialog } from './support/draft-article';
import { startHost, type RunningHost } from './support/start-host';

let hub: string;
let reporterHost: RunningHost;
let editorHost: RunningHost;
const homes: string[] = [];

test.beforeEach(async () => {
  hub = mkdtempSync(join(tmpdir(), 'dateline-hub-'));
  const home = () => {
    const dir = mkdtempSync(join(tmpdir(), 'dateline-home-'));
    homes.push(dir);
    return dir;
  };
  [reporterHost, editorHost] = await Promise.all([startHost({ env: { HOME: home() } }), startHost({ env: { HOME: home() } })]);
});
test.afterEach(async () => {
  await Promise.all([reporterHost?.stop(), editorHost?.stop()]);
  for (const dir of [hub, ...homes.splice(0)]) rmSync(dir, { recursive: true, force: true });
});

async function openApp(browser: Browser, host: RunningHost, locale: UiLocale): Promise<{ app: DatelineApp; page: Page }> {
  const page = await (await browser.newContext()).newPage();
  const app = new DatelineApp(page);
  await page.goto(host.url);
  await expect(app.button('library.new')).toBeVisible();
  if (locale !== 'en') await app.switchLocale(locale);
  return { app, page };
}

async function setProfile(app: DatelineApp, page: Page, name: string, role: 'reporter' | 'editor'): Promise<void> {
  await page.getByRole('button', { name: app.text('settings.title'), exact: true }).click();
  const dialog = page.getByRole('dialog', { name: app.text('settings.title') });
  await dialog.getByRole('textbox', { name: app.text('settings.userName'), exact: true }).fill(name);
  await dialog.getByRole('combobox', { name: app.text('settings.role'), exact: true }).selectOption(role);
  await dialog.getByRole('combobox', { name: app.text('settings.hub.kind'), exact: true }).selectOption('folder');
  await dialog.getByRole('textbox', { name: app.text('settings.hub.path'), exact: true }).fill(hub);
  await dialog.getByRole('button', { name: app.text('app.save'), exact: true }).click();
  await expect(dialog).toBeHidden();
}

function reviewPanel(app: DatelineApp, page: Page) {
  return page.getByRole('region', { name: app.text('review.panel'), exact: true });
}

async function openReviewTab(app: DatelineApp, page: Page) {
  await page.getByRole('tab', { name: app.text('review.tab.review'), exact: true }).click();
  const panel = reviewPanel(app, page);
  await expect(panel.getByRole('group', { name: app.text('review.actions') })).toBeVisible();
  return panel;
}

async function openFromQueue(app: DatelineApp, page: Page, headline: string, scope: 'for-me' | 'mine' | 'all') {
  await page.getByRole('button', { name: app.text('queue.nav'), exact: true }).click();
  const queue = page.getByRole('region', { name: app.text('queue.title'), exact: true });
  await queue.getByRole('combobox', { name: app.text('queue.scope') }).selectOption(scope);
  await queue.getByRole('button', { name: app.text('queue.openLabel', { headline }), exact: true }).click();
  await expect(app.textbox('article.headline')).toHaveValue(headline);
  return reviewPanel(app, page);
}

function statusLine(app: DatelineApp, status: 'submitted' | 'changes_requested' | 'approved' | 'published') {
  return app.text('review.status', { status: app.text(`article.status.${status}`) });
}

test('submit → comment and request changes → fix and resubmit → diff → approve and publish, across two apps', async ({ browser }) => {
  test.setTimeout(240_000);
  const headline = '暴雨致北京航班延误';
  const reporter = await openApp(browser, reporterHost, 'zh-CN');
  const editor = await openApp(browser, editorHost, 'en');
  await setProfile(reporter.app, reporter.page, '李娜', 'reporter');
  await setProfile(editor.app, editor.page, 'Sam Editor', 'editor');

  // 1. The reporter writes and submits to the desk.
  await reporter.app.newArticle();
  await draftCompleteArticle(reporter.app, reporter.page, {
    headline,
    summary: '北京今天遭遇暴雨，首都机场数百个航班延误。',
    body: '北京今天下暴雨，数百个航班延误。',
    caption: '候机的旅客',
    credit: '新华社',
    alt: '机场大厅里等待的旅客',
    section: '北京',
    tag: '天气',
    byline: '李娜',
    bylineRole: '记者',
  });
  await reporter.app.waitSaved();
  let panel = await openReviewTab(reporter.app, reporter.page);
  await panel.getByRole('button', { name: reporter.app.text('review.action.submit'), exact: true }).click();
  await panel.getByRole('button', { name: reporter.app.text('review.confirm', { action: reporter.app.text('review.action.submit') }) }).click();
  await expect(panel.getByText(statusLine(reporter.app, 'submitted'))).toBeVisible();
  await expect(panel.getByRole('group', { name: reporter.app.text('review.actions') }).getByRole('button')).toHaveCount(0);

  // 2. The editor finds it in the queue (age, length), comments on a passage and requests changes.
  await editor.page.getByRole('button', { name: editor.app.text('queue.nav'), exact: true }).click();
  const row = editor.page.getByRole('row').filter({ hasText: headline });
  await expect(row).toContainText('李娜');
  await expect(row).toContainText(editor.app.text('queue.length', { words: 0, chars: 19 }));
  let edPanel = await openFromQueue(editor.app, editor.page, headline, 'for-me');
  await expect(editor.app.body).toContainText('数百个航班延误');
  await expect(editor.app.body.locator('figure img')).toBeVisible();
  await expect(edPanel.getByText(statusLine(editor.app, 'submitted'))).toBeVisible();
  // Select "数百个" in the first paragraph and comment on it.
  await editor.app.body.getByText('北京今天下暴雨').click();
  await editor.page.keyboard.press('Home');
  for (let i = 0; i < '北京今天下暴雨，'.length; i++) await editor.page.keyboard.press('ArrowRight');
  for (let i = 0; i < '数百个'.length; i++) await editor.page.keyboard.press('Shift+ArrowRight');
  await edPanel.getByRole('textbox', { name: editor.app.text('review.comment.new') }).fill('How many exactly? Give the airport’s figure.');
  await edPanel.getByRole('button', { name: editor.app.text('review.comment.onSelection'), exact: true }).click();
  await expect(edPanel.getByText(editor.app.text('review.comment.quote', { quote: '数百个' }))).toBeVisible();
  await expect(editor.app.body.locator('.dl-comment-anchor')).toHaveText('数百个');
  await edPanel.getByRole('button', { name: editor.app.text('review.action.request-changes'), exact: true }).click();
  await edPanel.getByRole('textbox', { name: editor.app.text('review.note.request-changes') }).fill('Add the airport’s statement.');
  await edPanel.getByRole('button', { name: editor.app.text('review.confirm', { action: editor.app.text('review.action.request-changes') }) }).click();
  await expect(edPanel.getByText(statusLine(editor.app, 'changes_requested'))).toBeVisible();

  // 3. The reporter opens the returned story, sees the note and the comment, fixes and resubmits.
  panel = await openFromQueue(reporter.app, reporter.page, headline, 'mine');
  await reporter.page.getByRole('tab', { name: reporter.app.text('review.tab.review'), exact: true }).click();
  await expect(panel.getByText(statusLine(reporter.app, 'changes_requested'))).toBeVisible();
  await expect(panel.getByText('Add the airport’s statement.')).toBeVisible();
  await expect(panel.getByText('How many exactly? Give the airport’s figure.')).toBeVisible();
  await expect(reporter.app.body.locator('.dl-comment-anchor')).toHaveText('数百个');
  await reporter.app.body.getByText('北京今天下暴雨').click();
  await reporter.page.keyboard.press('End');
  await reporter.page.waitForTimeout(150);
  await reporter.page.keyboard.type('机场表示，共有312个航班延误。');
  await reporter.app.waitSaved();
  await panel.getByRole('button', { name: reporter.app.text('review.comment.resolve'), exact: true }).click();
  await expect(panel.getByText(reporter.app.text('review.comment.resolved', { name: '李娜' }))).toBeVisible();
  await panel.getByRole('button', { name: reporter.app.text('review.action.resubmit'), exact: true }).click();
  await panel.getByRole('button', { name: reporter.app.text('review.confirm', { action: reporter.app.text('review.action.resubmit') }) }).click();
  await expect(panel.getByText(statusLine(reporter.app, 'submitted'))).toBeVisible();

  // 4. The editor sees what changed since they last saw it, approves and publishes in one click.
  edPanel = await openFromQueue(editor.app, editor.page, headline, 'for-me');
  await expect(edPanel.getByText(statusLine(editor.app, 'submitted'))).toBeVisible();
  await edPanel.getByRole('button', { name: editor.app.text('review.diff.lastSeen'), exact: true }).click();
  const diff = editor.page.getByRole('dialog', { name: editor.app.text('review.diff.title') });
  await expect(diff.getByRole('insertion').filter({ hasText: '机场表示' })).toBeVisible();
  await expect(diff.getByRole('deletion')).toHaveCount(0);
  await diff.getByRole('button', { name: editor.app.text('review.diff.close'), exact: true }).click();
  await edPanel.getByRole('button', { name: editor.app.text('review.action.approve-publish'), exact: true }).click();
  const done = await publishFromDialog(editor.app, editor.page, true);
  await expect(done.getByText(editor.app.text('publish.done.publish'), { exact: true })).toBeVisible({ timeout: 30_000 });
  const href = await done.getByRole('link', { name: editor.app.text('publish.openFile'), exact: true }).getAttribute('href');
  const file = fileURLToPath(href!);
  expect(existsSync(file)).toBe(true);
  expect(readFileSync(file, 'utf8')).toContain('机场表示，共有312个航班延误。');
  await done.press('Escape');
  await expect(edPanel.getByText(statusLine(editor.app, 'published'))).toBeVisible({ timeout: 15_000 });
  const history = edPanel.getByRole('region', { name: editor.app.text('review.history') });
  await expect(history.getByRole('listitem')).toHaveCount(5);
  await expect(history).toContainText('Add the airport’s statement.');

  // The reporter's queue shows the story as published.
  await reporter.page.getByRole('button', { name: reporter.app.text('queue.nav'), exact: true }).click();
  await reporter.page.getByRole('button', { name: reporter.app.text('queue.refresh'), exact: true }).click();
  await expect(reporter.page.getByRole('row').filter({ hasText: headline })).toContainText(reporter.app.text('article.status.published'));
});
