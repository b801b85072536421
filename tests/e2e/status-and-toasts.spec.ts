// One status everywhere, and notices that float. Two app instances share a folder review hub: the
// desk publishes a reporter's story, and the reporter's library, article header and review queue,
// each open in its own window, all say Published by push, without a reload. Three notices at
// 900×700 float over the library without moving it.
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { draftCompleteArticle, publishFromDialog } from './support/draft-article';
import { openNewsroom } from './support/open-newsroom';
import { actWithNote, openApp, openFromQueue, openReviewTab, statusLine } from './support/review-steps';
import { startTwoHosts, type TwoHosts } from './support/start-two-hosts';

const SCREENS = '/work/screens';
let hosts: TwoHosts;

test.beforeEach(async () => {
  // The reporter's review sync runs every second, so the test waits for it, not for 30 s.
  hosts = await startTwoHosts({ reporterEnv: { DATELINE_REVIEW_SYNC_MS: '1000' } });
});

test.afterEach(async () => {
  await hosts?.stop();
});

/** Counts full page loads, so the test can say none happened. */
async function countLoads(page: Page): Promise<() => number> {
  let loads = 0;
  page.on('load', () => loads++);
  return () => loads;
}

test('the desk publishes: the reporter’s library row, article header and queue all say Published without a reload', async ({ browser }) => {
  test.setTimeout(180_000);
  const headline = 'Harbour reopens after the storm';
  const { reporter, editor } = await openNewsroom(browser, hosts, 'en', 'Li Na');

  await reporter.app.newArticle();
  await draftCompleteArticle(reporter.app, reporter.page, {
    headline,
    summary: 'Ships return to the harbour.',
    body: 'The harbour reopened this morning after three days.',
    caption: 'The first ferry back',
    credit: 'Li Na',
    alt: 'A ferry entering the harbour',
    section: 'City',
    tag: 'port',
    byline: 'Li Na',
    bylineRole: 'Reporter',
  });
  await reporter.app.waitSaved();
  const panel = await openReviewTab(reporter);
  await actWithNote(reporter, panel, 'submit');
  await expect(panel.getByText(statusLine(reporter.app, 'submitted'))).toBeVisible();
  const header = reporter.page.getByRole('toolbar', { name: reporter.app.text('article.toolbarLabel') });
  await expect(header.getByText(reporter.app.text('article.status.submitted'), { exact: true })).toBeVisible();

  // The reporter's library and queue, each in a window of its own on the same app.
  const library = await openApp(browser, hosts.reporterHost, 'en');
  const libraryRow = library.page.locator('.article-row').filter({ hasText: headline });
  await expect(libraryRow.getByText(library.app.text('article.status.submitted'), { exact: true })).toBeVisible();
  const queue = await openApp(browser, hosts.reporterHost, 'en');
  await queue.page.getByRole('button', { name: queue.app.text('queue.nav'), exact: true }).click();
  await queue.page.getByRole('combobox', { name: queue.app.text('queue.scope') }).selectOption('mine');
  const queueRow = queue.page.getByRole('row').filter({ hasText: headline });
  await expect(queueRow.getByText(queue.app.text('article.status.submitted'), { exact: true })).toBeVisible();
  const loads = await Promise.all([reporter.page, library.page, queue.page].map(countLoads));

  // The desk approves and publishes.
  const edPanel = await openFromQueue(editor, headline, 'for-me');
  await edPanel.getByRole('button', { name: editor.app.text('review.action.approve-publish'), exact: true }).click();
  const done = await publishFromDialog(editor.app, editor.page, true, true);
  await expect(done.getByText(editor.app.text('publish.done.publish'), { exact: true })).toBeVisible({ timeout: 30_000 });
  await done.press('Escape');
  await expect(edPanel.getByText(statusLine(editor.app, 'published'))).toBeVisible({ timeout: 15_000 });

  // The reporter's three screens follow by push.
  const published = reporter.app.text('article.status.published');
  await expect(header.getByText(published, { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(panel.getByText(statusLine(reporter.app, 'published'))).toBeVisible();
  await expect(libraryRow.getByText(published, { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(queueRow.getByText(published, { exact: true })).toBeVisible({ timeout: 30_000 });
  // A story already live is not "waiting N min".
  await expect(queueRow.getByRole('cell').nth(3)).toHaveText('—');
  expect(loads.map((count) => count())).toEqual([0, 0, 0]);
  mkdirSync(SCREENS, { recursive: true });
  await reporter.page.screenshot({ path: join(SCREENS, 'after-toasts-status-article.png') });
  await library.page.screenshot({ path: join(SCREENS, 'after-toasts-status-library.png') });
  await queue.page.screenshot({ path: join(SCREENS, 'after-toasts-status-queue.png') });
});

test('three notices float over the library at 900×700: the content does not move, and the list reopens them', async ({ browser }) => {
  const person = await openApp(browser, hosts.reporterHost, 'en');
  const { app, page } = person;
  await page.setViewportSize({ width: 900, height: 700 });
  await app.newArticle();
  await app.textbox('article.headline').fill('Council votes on the budget');
  await app.waitSaved();
  await page.getByRole('button', { name: app.text('app.library'), exact: true }).click();
  const toolbar = page.getByRole('button', { name: app.text('library.new') });
  const row = page.locator('.article-row').first();
  await expect(row).toBeVisible();
  const before = await toolbar.boundingBox();
  const main = await page.locator('main.app-main').boundingBox();

  const toasts = page.getByRole('region', { name: app.text('notices.region') });
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: app.text('library.duplicateNamed', { headline: 'Council votes on the budget' }) }).first().click();
  await expect(toasts.getByRole('status')).toHaveCount(3);
  expect(await toolbar.boundingBox()).toEqual(before);
  expect(await page.locator('main.app-main').boundingBox()).toEqual(main);
  mkdirSync(SCREENS, { recursive: true });
  await page.screenshot({ path: join(SCREENS, 'after-toasts-three-900x700.png') });

  // The Notifications button counts them and lists them with their times, by keyboard.
  const button = page.getByRole('button', { name: app.text('notices.buttonUnread', { n: 3 }) });
  await button.focus();
  await page.keyboard.press('Enter');
  const list = page.getByRole('region', { name: app.text('notices.listLabel') });
  await expect(list.getByRole('listitem')).toHaveCount(3);
  await expect(list.locator('time')).toHaveCount(3);
  await page.screenshot({ path: join(SCREENS, 'after-toasts-list-900x700.png') });
  await page.keyboard.press('Escape');
  await expect(list).toBeHidden();
  await expect(page.getByRole('button', { name: app.text('notices.button'), exact: true })).toBeFocused();
});
