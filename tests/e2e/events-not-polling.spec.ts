// Events, not polling: through the loopback host, a publishing job's progress and a colleague's
// submission reach the screen over the event stream (/events). No poll is proven by counting the
// API requests the page makes for outbox.get and review.queue while it waits, not by time.
import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { API_PREFIX, EVENTS_PATH } from '../../common/http-protocol';
import { DatelineApp } from './support/dateline-app';
import { draftCompleteArticle, ENGLISH_DRAFT, publishFromDialog } from './support/draft-article';
import { actWithNote, openApp, openReviewTab, setProfile } from './support/review-steps';
import { startHost, type RunningHost } from './support/start-host';

const hosts: RunningHost[] = [];
const dirs: string[] = [];
const tempDir = (prefix: string): string => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
};

test.afterEach(async () => {
  await Promise.all(hosts.splice(0).map((host) => host.stop()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Counts the page's requests and answers for one operation, and notes when the event stream answered. */
function watchRequests(page: Page, operation: string) {
  const seen = { requests: 0, responses: 0, streams: 0 };
  const isOperation = (url: string): boolean => new URL(url).pathname === `${API_PREFIX}${operation}`;
  page.on('request', (request) => {
    if (isOperation(request.url())) seen.requests += 1;
  });
  page.on('response', (response) => {
    if (isOperation(response.url())) seen.responses += 1;
    if (new URL(response.url()).pathname === EVENTS_PATH && response.status() === 200) seen.streams += 1;
  });
  return seen;
}

test('a publishing job’s progress reaches the dialog as events, with no outbox.get', async ({ page }) => {
  const host = await startHost({ env: { HOME: tempDir('dateline-home-') } });
  hosts.push(host);
  const jobPolls = watchRequests(page, 'outbox.get');
  const app = new DatelineApp(page);
  await page.goto(host.url);
  await expect.poll(() => jobPolls.streams).toBe(1);
  await app.newArticle();
  await draftCompleteArticle(app, page, { ...ENGLISH_DRAFT, headline: 'Council passes budget' });
  const done = await publishFromDialog(app, page);
  await expect(done.getByText(app.text('publish.done.publish'), { exact: true })).toBeVisible({ timeout: 30_000 });
  // publish.start answered with the job still to do: everything after that came by event.
  expect(jobPolls.requests).toBe(0);
});

test('a colleague’s submission reaches the editor’s badge as an event, with no review.queue poll', async ({ browser }) => {
  test.setTimeout(120_000);
  const hub = tempDir('dateline-hub-');
  // The editor's services look at the hub often; the renderer does not poll it at all.
  const editorHost = await startHost({ env: { HOME: tempDir('dateline-home-'), DATELINE_REVIEW_SYNC_MS: '500' } });
  const reporterHost = await startHost({ env: { HOME: tempDir('dateline-home-') } });
  hosts.push(editorHost, reporterHost);
  const editor = await openApp(browser, editorHost, 'en');
  const queuePolls = watchRequests(editor.page, 'review.queue');
  const reporter = await openApp(browser, reporterHost, 'en');
  await setProfile(editor, 'Sam Editor', 'editor', { kind: 'folder', path: hub });
  await setProfile(reporter, 'Jane Doe', 'reporter', { kind: 'folder', path: hub });
  const badge = editor.page.getByRole('status').filter({ hasText: editor.app.text('queue.waiting.editor', { n: 1 }) });
  await expect(badge).toHaveCount(0);
  // The editor's app read the queue once when the role was set, and is idle now.
  await expect.poll(() => queuePolls.requests).toBeGreaterThan(0);
  await expect.poll(() => queuePolls.responses).toBe(queuePolls.requests);
  const before = queuePolls.requests;

  await reporter.app.newArticle();
  await reporter.app.textbox('article.headline').fill('Bridge reopens');
  await reporter.app.body.click();
  await reporter.page.keyboard.type('Traffic is back on the old bridge.');
  await reporter.app.waitSaved();
  const panel = await openReviewTab(reporter);
  await actWithNote(reporter, panel, 'submit');

  await expect(badge).toBeAttached({ timeout: 30_000 });
  expect(queuePolls.requests).toBe(before);
});
