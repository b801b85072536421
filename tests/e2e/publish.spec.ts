// One-click publishing through the UI: the pre-publish checklist stops an unfinished article,
// progress shows while photos upload, and the live URL ends the flow — to the zero-configuration
// Published folder and to a real WordPress, where a wrong application password gets its own
// clear message and nothing is published twice.
import { expect, test } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startWordPress, type WordPressSite } from '../integration/support/wordpress-fixture';
import { hostClient } from '../support/host-client';
import { DatelineApp } from './support/dateline-app';
import { draftCompleteArticle, ENGLISH_DRAFT, publishFromDialog } from './support/draft-article';
import { startHost, type RunningHost } from './support/start-host';

let host: RunningHost;
let home: string;

test.beforeEach(async () => {
  home = mkdtempSync(join(tmpdir(), 'dateline-home-'));
  host = await startHost({ env: { HOME: home } });
});
test.afterEach(async () => {
  await host.stop();
});

test('the checklist stops an unfinished article; a complete one goes to the Published folder with one click', async ({ page }) => {
  const app = new DatelineApp(page);
  await page.goto(host.url);
  await app.newArticle();

  // Nothing written yet: the checklist names the blockers and Publish stays disabled.
  await app.button('publish.open').click();
  const dialog = page.getByRole('dialog', { name: app.text('publish.title') });
  await expect(dialog.getByText(app.text('publish.checklist.blockers'))).toBeVisible();
  await expect(dialog.getByRole('button', { name: app.text('publish.publish'), exact: true })).toBeDisabled();
  await dialog.press('Escape');

  await draftCompleteArticle(app, page, { ...ENGLISH_DRAFT, headline: 'Council passes budget' });
  const done = await publishFromDialog(app, page);
  await expect(done.getByText(app.text('publish.done.publish'), { exact: true })).toBeVisible({ timeout: 30_000 });
  const link = done.getByRole('link', { name: app.text('publish.openFile'), exact: true });
  const href = await link.getAttribute('href');
  expect(href).toMatch(/^file:\/\/.*\/Documents\/Published\/council-passes-budget\/index\.html$/);
  const page1 = fileURLToPath(href!);
  expect(existsSync(page1)).toBe(true);
  const html = readFileSync(page1, 'utf8');
  expect(html).toContain('Council passes budget');
  expect(html).toContain('Councillors vote');
  expect(existsSync(join(page1, '..', 'article.ninjs.json'))).toBe(true);
  await done.press('Escape');
  await expect(page.getByText(app.text('publish.publications.published', { target: 'Published folder' }))).toBeVisible();
});

test.describe('to a real WordPress', () => {
  let wp: WordPressSite;
  test.beforeAll(async () => {
    test.setTimeout(180_000);
    wp = await startWordPress();
    // The newsroom's sections already exist as categories (authors may not create categories).
    await wp.request('/wp/v2/categories', { method: 'POST', json: { name: 'City' } });
  });
  test.afterAll(async () => {
    await wp?.stop();
  });

  test('a wrong application password gets a clear message; the right one publishes exactly once, with a live URL', async ({ page }) => {
    test.setTimeout(180_000);
    const app = new DatelineApp(page);
    await page.goto(host.url);

    // Settings → Publishing targets → Add a WordPress target with a wrong application password.
    await page.getByRole('button', { name: app.text('settings.title'), exact: true }).click();
    await page.getByRole('button', { name: app.text('targets.open') }).click();
    const targets = page.getByRole('dialog', { name: app.text('targets.title') });
    await targets.getByRole('button', { name: app.text('targets.add') }).click();
    const form = targets.getByRole('form', { name: app.text('targets.addTitle') });
    await form.getByRole('radio', { name: app.text('targets.kind.wordpress') }).check();
    await form.getByRole('textbox', { name: app.text('targets.field.name'), exact: true }).fill('Newsroom WordPress');
    await form.getByRole('textbox', { name: app.text('targets.field.siteUrl'), exact: true }).fill(wp.url);
    await form.getByRole('textbox', { name: app.text('targets.field.username'), exact: true }).fill(wp.users.author.login);
    await form.getByLabel(app.text('targets.field.appPassword'), { exact: true }).fill('abcd efgh ijkl mnop qrst uvwx');
    await form.getByRole('button', { name: app.text('targets.saveTarget') }).click();
    // The first real site is tested at once: with a wrong password it says so, and is not offered
    // as the default. Made the default by hand here, so the failure shows when publishing too.
    await expect(targets.getByRole('alert')).toContainText(/application password/i);
    await expect(page.getByRole('alertdialog', { name: app.text('targets.makeDefaultTitle') })).toHaveCount(0);
    await targets.getByRole('button', { name: app.text('targets.makeDefaultNamed', { name: 'Newsroom WordPress' }) }).click();
    await expect(targets.getByText(app.text('targets.default'), { exact: true })).toBeVisible();
    await targets.press('Escape');
    await page.keyboard.press('Escape');

    await app.newArticle();
    await draftCompleteArticle(app, page, { ...ENGLISH_DRAFT, headline: 'Budget approved after long debate' });
    const dialog = await publishFromDialog(app, page);
    await expect(dialog.getByText(app.text('publish.state.failed'))).toBeVisible({ timeout: 60_000 });
    await expect(dialog.getByRole('alert')).toContainText(app.text('publish.error.remote-auth'));
    await dialog.press('Escape');
    expect(await wp.countPosts({ title: 'Budget approved after long debate' })).toBe(0);

    // Fix the password, then retry the same job from the outbox: it publishes once.
    await page.getByRole('button', { name: app.text('settings.title'), exact: true }).click();
    await page.getByRole('button', { name: app.text('targets.open') }).click();
    await targets.getByRole('button', { name: app.text('targets.editNamed', { name: 'Newsroom WordPress' }) }).click();
    await targets.getByLabel(app.text('targets.field.appPassword'), { exact: true }).fill(wp.users.author.appPassword);
    await targets.getByRole('button', { name: app.text('targets.saveTarget') }).click();
    await targets.getByRole('button', { name: app.text('targets.testNamed', { name: 'Newsroom WordPress' }) }).click();
    await expect(targets.getByText('author', { exact: false }).first()).toBeVisible();
    await targets.press('Escape');
    await page.keyboard.press('Escape');

    const second = await publishFromDialog(app, page);
    await expect(second.getByText(app.text('publish.done.publish'), { exact: true })).toBeVisible({ timeout: 90_000 });
    const live = second.getByRole('link').filter({ hasText: wp.url.replace(/\/$/, '') });
    await expect(live).toHaveAttribute('href', new RegExp(`^${wp.url.replace(/\/$/, '')}/`));
    expect(await wp.countPosts({ title: 'Budget approved after long debate' })).toBe(1);
    const posts = await wp.listAllPosts();
    const post = posts.find((p) => p.title.raw === 'Budget approved after long debate');
    expect(post?.status).toBe('publish');
    expect(post?.featured_media).toBeGreaterThan(0);
    // Complete: byline, summary, slug, tag and section made it too.
    expect(post?.content.raw).toContain('By Jane Doe (Staff reporter)');
    // The site's theme shows the featured image, so the lead photo is not repeated as the first block.
    expect(post?.content.raw).not.toContain('wp:image');
    expect(post?.excerpt.raw).toBe('The council voted 7-2 for the budget.');
    expect(post?.slug).toBe('budget-approved-after-long-debate');
    expect(post?.tags).toHaveLength(1);
    expect(post?.categories).toHaveLength(1);
    // Progress was reported per photo upload (the dialog renders it; its view is unit-tested).
    const jobs = await hostClient(host.url).call('outbox.list', {});
    const finished = jobs.find((job) => job.state === 'done' && job.targetName === 'Newsroom WordPress');
    expect(finished?.progress).toMatchObject({ mediaDone: 1, mediaTotal: 1 });
  });
});
