// Runs in: Playwright's Node side. The desk's "Approve and publish" to the folder target, done from
// the review panel: waits until it is published and reads back the page it wrote.
import { expect, type Locator } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { publishFromDialog } from './draft-article';
import type { PersonApp } from './review-steps';

/** Returns the publish dialog (still open) and the HTML of the published file. */
export async function approveAndPublish({ app, page }: PersonApp, panel: Locator): Promise<{ done: Locator; html: string }> {
  await panel.getByRole('button', { name: app.text('review.action.approve-publish'), exact: true }).click();
  const done = await publishFromDialog(app, page, true, true);
  await expect(done.getByText(app.text('publish.done.publish'), { exact: true })).toBeVisible({ timeout: 30_000 });
  const href = await done.getByRole('link', { name: app.text('publish.openFile'), exact: true }).getAttribute('href');
  if (!href) throw new Error('the published file link has no address');
  const file = fileURLToPath(href);
  expect(existsSync(file)).toBe(true);
  return { done, html: readFileSync(file, 'utf8') };
}
