// The library never loses a reporter's work: a damaged article file is set aside and reported
// while the rest opens; trashed articles come back; yesterday's revision can be restored; a
// duplicate is a separate article.
import { expect, test } from '@playwright/test';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hostClient } from '../support/host-client';
import { DatelineApp } from './support/dateline-app';
import { startHost } from './support/start-host';

test('a corrupt article file is reported and set aside, and the rest of the library still opens', async ({ page }) => {
  const first = await startHost();
  const api = hostClient(first.url);
  const good = await api.call('articles.create', {});
  await api.call('articles.save', { article: { ...good, headline: 'Healthy story' } });
  const broken = await api.call('articles.create', {});
  await api.call('articles.save', { article: { ...broken, headline: 'Doomed story' } });
  await first.kill();
  // A torn write from some other tool: half a JSON document.
  writeFileSync(join(first.dataDir, 'library', 'articles', broken.id, 'article.json'), '{"schemaVersion":1,"id":"');

  const host = await startHost({ dataDir: first.dataDir });
  try {
    const app = new DatelineApp(page);
    await page.goto(host.url);
    await expect(app.libraryRow('Healthy story')).toBeVisible();
    const alert = page.getByRole('alert').filter({ hasText: broken.id });
    await expect(alert).toBeVisible();
    expect(readdirSync(join(first.dataDir, 'library', 'quarantine')).length).toBeGreaterThan(0);
  } finally {
    await host.stop();
  }
});

test('a reporter trashes and restores an article, restores an earlier revision, and duplicates', async ({ page }) => {
  const host = await startHost();
  try {
    const app = new DatelineApp(page);
    await page.goto(host.url);
    await app.newArticle();
    await app.textbox('article.headline').fill('Mayor resigns');
    await app.body.click();
    await page.keyboard.type('First version of the story.');
    await page.keyboard.press('ControlOrMeta+s');
    await app.waitSaved();
    await app.textbox('article.headline').fill('Mayor resigns amid scandal');
    await app.body.press('End');
    await page.keyboard.type(' Second thoughts.');
    await page.keyboard.press('ControlOrMeta+s');
    await app.waitSaved();

    // Restore the first explicit save from the revision history.
    await app.button('article.revisions').click();
    const dialog = page.getByRole('dialog', { name: app.text('revisions.title') });
    const restoreButtons = dialog.getByRole('button', { name: /^Restore revision from/ });
    await expect(restoreButtons).toHaveCount(2);
    await restoreButtons.last().click();
    await page.getByRole('alertdialog').getByRole('button', { name: /Restore/ }).click();
    await expect(app.textbox('article.headline')).toHaveValue('Mayor resigns');
    await expect(app.body).toHaveText('First version of the story.');

    // Trash it, find it in the trash, restore it.
    await app.button('article.trash').click();
    await expect(app.libraryRow('Mayor resigns')).toHaveCount(0);
    await page.getByRole('button', { name: app.text('app.trash'), exact: true }).click();
    await page.getByRole('button', { name: 'Restore "Mayor resigns"' }).click();
    await page.getByRole('button', { name: app.text('app.library'), exact: true }).click();
    await expect(app.libraryRow('Mayor resigns')).toBeVisible();

    // Duplicate: a second, independent article.
    await page.getByRole('button', { name: app.text('library.duplicateNamed', { headline: 'Mayor resigns' }) }).click();
    await expect(page.getByRole('listitem').filter({ hasText: 'Mayor resigns' })).toHaveCount(2);
  } finally {
    await host.stop();
  }
});

test('New article left without typing is gone after Back, from the library and the trash; a draft with a tag stays', async ({ page }) => {
  const host = await startHost();
  try {
    const app = new DatelineApp(page);
    await page.goto(host.url);
    await app.newArticle();
    await app.backToLibrary();
    await expect(page.getByRole('heading', { name: app.text('library.emptyTitle') })).toBeVisible();
    await expect(app.libraryRow(app.text('library.untitled'))).toHaveCount(0);
    await page.getByRole('button', { name: app.text('app.trash'), exact: true }).click();
    await expect(page.getByText(app.text('trash.empty'))).toBeVisible();
    expect(readdirSync(join(host.dataDir, 'library', 'articles')).filter((name) => !name.startsWith('.'))).toEqual([]);

    // Only a tag, no text: that is work, and it stays.
    await page.getByRole('button', { name: app.text('app.library'), exact: true }).click();
    await app.newArticle();
    await app.addTag('flood');
    await app.waitSaved();
    await app.backToLibrary();
    await expect(app.libraryRow(app.text('library.untitled'))).toHaveCount(1);
  } finally {
    await host.stop();
  }
});
