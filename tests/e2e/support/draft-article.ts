// Runs in: Playwright's Node side. Writes a complete article through the UI — headline, summary,
// body, a photo with caption, credit and alt, section, tag and byline — so the publishing
// checklist passes; and publishes it from the dialog. Shared by the publishing and review specs.
import { expect, type Locator, type Page } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makePng } from '../../support/test-photos';
import type { DatelineApp } from './dateline-app';

export interface DraftText {
  headline: string;
  summary: string;
  body: string;
  caption: string;
  credit: string;
  alt: string;
  section: string;
  tag: string;
  byline: string;
  bylineRole: string;
}

export const ENGLISH_DRAFT: Omit<DraftText, 'headline'> = {
  summary: 'The council voted 7-2 for the budget.',
  body: 'The city council approved the budget on Tuesday.',
  caption: 'Councillors vote',
  credit: 'Photo: City Press',
  alt: 'Councillors raising hands',
  section: 'City',
  tag: 'budget',
  byline: 'Jane Doe',
  bylineRole: 'Staff reporter',
};

export async function draftCompleteArticle(app: DatelineApp, page: Page, text: DraftText): Promise<void> {
  await app.textbox('article.headline').fill(text.headline);
  await app.textbox('article.summary').fill(text.summary);
  await app.body.click();
  await page.keyboard.type(text.body);
  await page.keyboard.press('Enter');
  const dir = mkdtempSync(join(tmpdir(), 'dateline-photo-'));
  const photo = join(dir, 'photo.png');
  writeFileSync(photo, makePng(900, 600));
  const chooser = page.waitForEvent('filechooser');
  await app.button('editor.toolbar.insert-photo').click();
  await (await chooser).setFiles(photo);
  const figure = app.body.locator('figure').first();
  await expect(figure).toBeVisible();
  await figure.locator('figcaption').click();
  await page.keyboard.type(text.caption);
  await figure.getByRole('textbox', { name: app.text('editor.figure.credit') }).fill(text.credit);
  await figure.getByRole('textbox', { name: app.text('editor.figure.alt') }).fill(text.alt);
  await figure.getByRole('button', { name: app.text('editor.figure.lead') }).click();
  const details = page.getByRole('complementary', { name: app.text('metadata.title') });
  await details.getByRole('combobox', { name: app.text('metadata.section') }).fill(text.section);
  await app.addTag(text.tag);
  await details.getByRole('textbox', { name: app.text('metadata.bylineName', { n: 1 }) }).fill(text.byline);
  await details.getByRole('textbox', { name: app.text('metadata.bylineRole', { n: 1 }) }).fill(text.bylineRole);
}

/** Opens the publish dialog (unless `opened`), overrides any warnings and publishes; `approve`: the review panel's "Approve and publish" dialog. */
export async function publishFromDialog(app: DatelineApp, page: Page, opened = false, approve = false): Promise<Locator> {
  if (!opened) await app.button('publish.open').click();
  const name = approve ? app.text('review.action.approve-publish') : app.text('publish.title');
  const dialog = page.getByRole('dialog', { name });
  await expect(dialog).toBeVisible();
  for (const box of await dialog.getByRole('checkbox', { name: /^Override:/ }).all()) await box.check();
  await dialog.getByRole('button', { name: approve ? name : app.text('publish.publish'), exact: true }).click();
  return dialog;
}
