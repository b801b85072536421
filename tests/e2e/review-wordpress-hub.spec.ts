// Editorial review through a real WordPress (Debian's packages on 127.0.0.1, companion plugin
// installed) as the hub: the reporter's app signs in with a Contributor account, the editor's
// with an Editor account. The reporter submits (a pending post), the editor comments and requests
// changes, the reporter fixes and resubmits, the editor sees the change, approves and publishes:
// the contributor's pending post goes live, once.
import { expect, test } from '@playwright/test';
import { startWordPress, type WordPressSite } from '../integration/support/wordpress-fixture';
import { draftCompleteArticle, ENGLISH_DRAFT, publishFromDialog } from './support/draft-article';
import { actWithNote, addWordPressTarget, commentMargin, openApp, openFromQueue, openReviewTab, selectInBody, setProfile, statusLine } from './support/review-steps';
import { startTwoHosts, type TwoHosts } from './support/start-two-hosts';

interface WpPostSummary {
  id: number;
  status: string;
  title: { raw: string };
  content: { raw: string };
}

let wp: WordPressSite;
let hosts: TwoHosts;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  wp = await startWordPress();
  // The newsroom's sections already exist as categories (contributors may not create categories).
  await wp.request('/wp/v2/categories', { method: 'POST', json: { name: 'City' } });
});
test.afterAll(async () => {
  await wp?.stop();
});
test.beforeEach(async () => {
  hosts = await startTwoHosts();
});
test.afterEach(async () => {
  await hosts?.stop();
});

test('contributor submits, editor requests changes, contributor resubmits, editor approves and the pending post goes live', async ({ browser }) => {
  test.setTimeout(300_000);
  const headline = 'Harbour bridge closes for repairs';
  const reporter = await openApp(browser, hosts.reporterHost, 'en');
  const editor = await openApp(browser, hosts.editorHost, 'en');
  await setProfile(reporter, 'Jane Doe', 'reporter', { kind: 'wordpress', targetName: 'Newsroom site' }, () =>
    addWordPressTarget(reporter, 'Newsroom site', wp.url, wp.users.contributor.login, wp.users.contributor.appPassword),
  );
  await setProfile(editor, 'Sam Editor', 'editor', { kind: 'wordpress', targetName: 'Newsroom site' }, () =>
    addWordPressTarget(editor, 'Newsroom site', wp.url, wp.users.editor.login, wp.users.editor.appPassword),
  );

  await reporter.app.newArticle();
  await draftCompleteArticle(reporter.app, reporter.page, { ...ENGLISH_DRAFT, headline, body: 'The harbour bridge will close for six weeks from Monday.' });
  await reporter.app.waitSaved();
  let panel = await openReviewTab(reporter);
  await actWithNote(reporter, panel, 'submit');
  await expect(panel.getByText(statusLine(reporter.app, 'submitted'))).toBeVisible({ timeout: 30_000 });
  const pending = await wp.request<WpPostSummary[]>('/wp/v2/posts', { query: { status: 'pending', context: 'edit' } });
  expect(pending.body.map((p) => [p.title.raw, p.status])).toEqual([[headline, 'pending']]);
  const postId = pending.body[0]!.id;

  let edPanel = await openFromQueue(editor, headline, 'for-me');
  await expect(editor.app.body.locator('figure img')).toBeVisible();
  await selectInBody(editor, 'The harbour bridge', 'The harbour bridge will close for ', 'six weeks'.length);
  await edPanel.getByRole('textbox', { name: editor.app.text('review.comment.new') }).fill('Six weeks according to whom?');
  await edPanel.getByRole('button', { name: editor.app.text('review.comment.onSelection'), exact: true }).click();
  await expect(editor.app.body.locator('.dl-comment-anchor')).toHaveText('six weeks');
  await actWithNote(editor, edPanel, 'request-changes', 'Attribute the closure period.');
  await expect(edPanel.getByText(statusLine(editor.app, 'changes_requested'))).toBeVisible({ timeout: 30_000 });

  panel = await openFromQueue(reporter, headline, 'mine');
  await expect(panel.getByText('Attribute the closure period.').first()).toBeVisible();
  // The open comment on text sits in the margin beside it on this wide window.
  await expect(commentMargin(reporter).getByText('Six weeks according to whom?')).toBeVisible();
  await reporter.app.body.getByText('The harbour bridge').click();
  await reporter.app.pressEndInBody();
  await reporter.page.keyboard.type(' The port authority said the work would take six weeks.');
  await reporter.app.waitSaved();
  await actWithNote(reporter, panel, 'resubmit');
  await expect(panel.getByText(statusLine(reporter.app, 'submitted'))).toBeVisible({ timeout: 30_000 });

  edPanel = await openFromQueue(editor, headline, 'for-me');
  await edPanel.getByRole('button', { name: editor.app.text('review.diff.lastSeen'), exact: true }).click();
  const diff = editor.page.getByRole('dialog', { name: editor.app.text('review.diff.title') });
  await expect(diff.getByRole('insertion').filter({ hasText: 'port authority' })).toBeVisible();
  await diff.getByRole('button', { name: editor.app.text('review.diff.close'), exact: true }).click();
  await edPanel.getByRole('button', { name: editor.app.text('review.action.approve-publish'), exact: true }).click();
  // The dialog offers the hub's site first: approving publishes the pending post there.
  const dialog = editor.page.getByRole('dialog', { name: editor.app.text('review.action.approve-publish') });
  const target = dialog.getByRole('combobox', { name: editor.app.text('publish.target') });
  await expect(target.locator('option:checked')).toHaveText(new RegExp('^Newsroom site'));
  const done = await publishFromDialog(editor.app, editor.page, true, true);
  await expect(done.getByText(editor.app.text('publish.done.publish'), { exact: true })).toBeVisible({ timeout: 90_000 });
  await done.press('Escape');
  await expect(edPanel.getByText(statusLine(editor.app, 'published'))).toBeVisible({ timeout: 15_000 });

  const live = await wp.request<WpPostSummary>(`/wp/v2/posts/${postId}`, { query: { context: 'edit' } });
  expect(live.body.status).toBe('publish');
  expect(live.body.content.raw).toContain('The port authority said the work would take six weeks.');
  expect(await wp.countPosts({ title: headline })).toBe(1);
});
