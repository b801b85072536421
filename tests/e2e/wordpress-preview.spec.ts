// Preview as published for a WordPress target: with a WordPress site as the default target, the
// preview shows the post's blocks in a sandboxed frame styled by the site's own stylesheet; when the
// site cannot be reached the preview still shows the post and says the site's styles are missing.
import { expect, test } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeWordPress } from '../support/fake-wordpress-server';
import { hostClient } from '../support/host-client';
import { DatelineApp } from './support/dateline-app';
import { startHost, type RunningHost } from './support/start-host';

let host: RunningHost;
let home: string;
let wp: FakeWordPress;

test.beforeEach(async () => {
  home = mkdtempSync(join(tmpdir(), 'dateline-home-'));
  host = await startHost({ env: { HOME: home } });
  wp = await new FakeWordPress().start();
  wp.frontPageHead = '<link rel="stylesheet" href="/wp-content/themes/news/style.css">';
  wp.files.set('/wp-content/themes/news/style.css', { type: 'text/css', body: '.entry-title { color: rgb(102, 51, 153); }' });
});
test.afterEach(async () => {
  await host?.stop();
  await wp?.stop();
  rmSync(home, { recursive: true, force: true });
});

test('the preview of a WordPress target shows the blocks with the site stylesheet, and says so when the site is away', async ({ page }) => {
  test.setTimeout(120_000);
  await hostClient(host.url).call('targets.save', {
    config: { kind: 'wordpress', id: 't-wordpress1', name: 'News site', siteUrl: wp.url, username: wp.username, defaultCategory: '' },
    secret: wp.password,
    makeDefault: true,
  });
  const app = new DatelineApp(page);
  await page.goto(host.url);
  await app.newArticle();
  await page.keyboard.insertText('Harbour fire');
  await app.body.click();
  await page.keyboard.insertText('Three ships burned at the quay.');
  await app.waitSaved();

  await app.moreAction('proof.preview');
  await expect(page.getByText(app.text('proof.previewWordpressHint', { site: 'News site' }))).toBeVisible();
  await expect(page.locator('iframe.preview-frame')).toHaveAttribute('sandbox', '');
  const title = page.frameLocator('iframe.preview-frame').locator('h1.entry-title');
  await expect(title).toHaveText('Harbour fire');
  await expect(title).toHaveCSS('color', 'rgb(102, 51, 153)');
  await expect(page.frameLocator('iframe.preview-frame').getByText('Three ships burned at the quay.')).toBeVisible();
  await page.getByRole('button', { name: app.text('app.close'), exact: true }).click();

  await wp.stop();
  await app.moreAction('proof.preview');
  await expect(page.getByText(app.text('proof.previewStylesUnavailable'))).toBeVisible();
  await expect(page.frameLocator('iframe.preview-frame').locator('h1.entry-title')).toHaveText('Harbour fire');
});
