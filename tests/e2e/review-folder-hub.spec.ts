// Editorial review across two machines: two app instances, each with its own loopback host, user
// data folder and home folder, share one review hub folder. A reporter (Chinese UI) submits; the
// editor comments on a passage and requests changes; the reporter fixes and resubmits; the editor
// sees exactly what changed, approves and publishes to the Published folder in one click.
import { expect, test } from '@playwright/test';
import { renameSync } from 'node:fs';
import { approveAndPublish } from './support/approve-and-publish';
import { draftCompleteArticle } from './support/draft-article';
import { openNewsroom } from './support/open-newsroom';
import { actWithNote, commentMargin, openApp, openFromQueue, openReviewTab, reviewPanel, selectInBody, setProfile, statusLine } from './support/review-steps';
import { startHost } from './support/start-host';
import { startTwoHosts, type TwoHosts } from './support/start-two-hosts';

let hosts: TwoHosts;

test.beforeEach(async () => {
  hosts = await startTwoHosts();
});

test.afterEach(async () => {
  await hosts?.stop();
});

test('submit → comment and request changes → fix and resubmit → diff → approve and publish, across two apps', async ({ browser }) => {
  test.setTimeout(240_000);
  const headline = '暴雨致北京航班延误';
  const { reporter, editor } = await openNewsroom(browser, hosts, 'zh-CN', '李娜');

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
  let panel = await openReviewTab(reporter);
  await actWithNote(reporter, panel, 'submit');
  await expect(panel.getByText(statusLine(reporter.app, 'submitted'))).toBeVisible();
  await expect(panel.getByRole('group', { name: reporter.app.text('review.actions') }).getByRole('button')).toHaveCount(0);

  // 2. The editor finds it in the queue (age, length), comments on a passage and requests changes.
  await editor.page.getByRole('button', { name: editor.app.text('queue.nav'), exact: true }).click();
  const row = editor.page.getByRole('row').filter({ hasText: headline });
  await expect(row).toContainText('李娜');
  await expect(row).toContainText(editor.app.text('queue.length.chars', { chars: 19 }));
  await expect(editor.page.getByRole('status').filter({ hasText: editor.app.text('queue.waiting.editor', { n: 1 }) })).toBeAttached();
  let edPanel = await openFromQueue(editor, headline, 'for-me');
  await expect(editor.app.body).toContainText('数百个航班延误');
  await expect(editor.app.body.locator('figure img')).toBeVisible();
  await expect(edPanel.getByText(statusLine(editor.app, 'submitted'))).toBeVisible();
  // Select "数百个" in the first paragraph and comment on it.
  await selectInBody(editor, '北京今天下暴雨', '北京今天下暴雨，', '数百个'.length);
  await edPanel.getByRole('textbox', { name: editor.app.text('review.comment.new') }).fill('How many exactly? Give the airport’s figure.');
  await edPanel.getByRole('button', { name: editor.app.text('review.comment.onSelection'), exact: true }).click();
  // On this wide window the open comment sits in the margin beside its text.
  await expect(commentMargin(editor).getByText(editor.app.text('review.comment.quote', { quote: '数百个' }))).toBeVisible();
  await expect(editor.app.body.locator('.dl-comment-anchor')).toHaveText('数百个');
  await actWithNote(editor, edPanel, 'request-changes', 'Add the airport’s statement.');
  await expect(edPanel.getByText(statusLine(editor.app, 'changes_requested'))).toBeVisible();
  await expect(editor.page.getByRole('status').filter({ hasText: editor.app.text('queue.waiting.editor', { n: 1 }) })).toHaveCount(0);

  // 3. The reporter opens the returned story, sees the note and the comment, fixes and resubmits.
  panel = await openFromQueue(reporter, headline, 'mine');
  await reporter.page.getByRole('tab', { name: reporter.app.text('review.tab.review'), exact: true }).click();
  await expect(panel.getByText(statusLine(reporter.app, 'changes_requested'))).toBeVisible();
  // The note heads the panel (who returned it, when) and stays in History.
  await expect(panel.getByText('Add the airport’s statement.')).toHaveCount(2);
  await expect(panel.getByText('Add the airport’s statement.').first()).toBeVisible();
  await expect(commentMargin(reporter).getByText('How many exactly? Give the airport’s figure.')).toBeVisible();
  await expect(reporter.app.body.locator('.dl-comment-anchor')).toHaveText('数百个');
  await reporter.app.body.getByText('北京今天下暴雨').click();
  await reporter.app.pressEndInBody();
  await reporter.page.keyboard.type('机场表示，共有312个航班延误。');
  await reporter.app.waitSaved();
  await commentMargin(reporter).getByRole('button', { name: reporter.app.text('review.comment.resolve'), exact: true }).click();
  // Resolved, it leaves the margin for the side panel's list.
  await expect(panel.getByText(reporter.app.text('review.comment.resolved', { name: '李娜' }))).toBeVisible();
  await actWithNote(reporter, panel, 'resubmit');
  await expect(panel.getByText(statusLine(reporter.app, 'submitted'))).toBeVisible();

  // 4. The editor sees what changed since they last saw it, approves and publishes in one click.
  edPanel = await openFromQueue(editor, headline, 'for-me');
  await expect(edPanel.getByText(statusLine(editor.app, 'submitted'))).toBeVisible();
  await edPanel.getByRole('button', { name: editor.app.text('review.diff.lastSeen'), exact: true }).click();
  const diff = editor.page.getByRole('dialog', { name: editor.app.text('review.diff.title') });
  await expect(diff.getByRole('insertion').filter({ hasText: '机场表示' })).toBeVisible();
  await expect(diff.getByRole('deletion')).toHaveCount(0);
  await diff.getByRole('button', { name: editor.app.text('review.diff.close'), exact: true }).click();
  const { done, html } = await approveAndPublish(editor, edPanel);
  expect(html).toContain('机场表示，共有312个航班延误。');
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

test('a submission made while the shared folder is unplugged waits on the reporter’s machine and goes out with “Send now”', async ({ browser }) => {
  test.setTimeout(120_000);
  // This reporter's app retries only every ten minutes: what sends it here is the button.
  await hosts.reporterHost.stop();
  hosts.reporterHost = await startHost({ env: { HOME: hosts.newHome(), DATELINE_REVIEW_SYNC_MS: '600000' } });
  const { reporter, editor } = await openNewsroom(browser, hosts, 'en', 'Jane Doe');
  await reporter.app.newArticle();
  await reporter.app.textbox('article.headline').fill('Written on the train');
  await reporter.app.body.click();
  await reporter.page.keyboard.type('No signal between stations.');
  await reporter.app.waitSaved();

  renameSync(hosts.hub, `${hosts.hub}-unplugged`);
  const panel = await openReviewTab(reporter);
  await actWithNote(reporter, panel, 'submit');
  const waiting = panel.getByRole('status').filter({ hasText: 'Not sent yet' });
  await expect(waiting).toBeVisible();
  await expect(waiting).toContainText('cannot be reached');
  await expect(panel.getByText(statusLine(reporter.app, 'submitted'))).toBeVisible();

  renameSync(`${hosts.hub}-unplugged`, hosts.hub);
  await panel.getByRole('button', { name: reporter.app.text('review.pending.sendNow'), exact: true }).click();
  await expect(waiting).toBeHidden();
  await expect(panel.getByText(reporter.app.text('review.inHub', { to: reporter.app.text('queue.desk') }))).toBeVisible();

  await editor.page.getByRole('button', { name: editor.app.text('queue.nav'), exact: true }).click();
  await expect(editor.page.getByRole('row').filter({ hasText: 'Written on the train' })).toContainText('Jane Doe');
});

test('two editors act on the same story at once: the second is told someone else changed it, and takes the latest without losing anything', async ({ browser }) => {
  test.setTimeout(120_000);
  const secondHost = await startHost({ env: { HOME: hosts.newHome() } });
  try {
    const reporter = await openApp(browser, hosts.reporterHost, 'en');
    const first = await openApp(browser, hosts.editorHost, 'en');
    const second = await openApp(browser, secondHost, 'zh-CN');
    await setProfile(reporter, 'Jane Doe', 'reporter', { kind: 'folder', path: hosts.hub });
    await setProfile(first, 'Sam Editor', 'editor', { kind: 'folder', path: hosts.hub });
    await setProfile(second, '王编辑', 'editor', { kind: 'folder', path: hosts.hub });
    await reporter.app.newArticle();
    await reporter.app.textbox('article.headline').fill('Council budget');
    await reporter.app.body.click();
    await reporter.page.keyboard.type('The council met on Tuesday.');
    await reporter.app.waitSaved();
    await actWithNote(reporter, await openReviewTab(reporter), 'submit');
    await expect(reviewPanel(reporter).getByText(statusLine(reporter.app, 'submitted'))).toBeVisible();

    const firstPanel = await openFromQueue(first, 'Council budget', 'for-me');
    const secondPanel = await openFromQueue(second, 'Council budget', 'for-me');
    await actWithNote(first, firstPanel, 'request-changes', 'Needs a quote from the mayor.');
    await expect(firstPanel.getByText(statusLine(first.app, 'changes_requested'))).toBeVisible();

    // The second editor still sees it as submitted and approves: refused, nothing overwritten.
    await secondPanel.getByRole('button', { name: second.app.text('review.action.approve'), exact: true }).click();
    const alert = second.page.getByRole('alert').filter({ hasText: second.app.text('app.error.conflict') });
    await expect(alert).toBeVisible();
    // The detail line is in the editor's language too, naming the story (no English from the services).
    await expect(alert).toContainText(second.app.text('error.hub-changed', { headline: 'Council budget' }));
    await expect(secondPanel.getByText(statusLine(second.app, 'submitted'))).toBeVisible();

    await secondPanel.getByRole('button', { name: second.app.text('review.refreshFromHub'), exact: true }).click();
    await expect(reviewPanel(second).getByText(statusLine(second.app, 'changes_requested'))).toBeVisible();
    await expect(reviewPanel(second).getByText('Needs a quote from the mayor.').first()).toBeVisible();
  } finally {
    await secondHost.stop();
  }
});

test('a late fact added while the desk reviews reaches the editor with “Send my changes”, without resubmitting', async ({ browser }) => {
  test.setTimeout(120_000);
  const { reporter, editor } = await openNewsroom(browser, hosts, 'zh-CN', '李娜');
  await reporter.app.newArticle();
  await reporter.app.textbox('article.headline').fill('港口发生火灾');
  await reporter.app.body.click();
  await reporter.page.keyboard.type('今天上午港口发生火灾。');
  await reporter.app.waitSaved();
  const panel = await openReviewTab(reporter);
  await actWithNote(reporter, panel, 'submit');
  await expect(panel.getByText(statusLine(reporter.app, 'submitted'))).toBeVisible();

  // A late fact, typed after submitting: the panel notices the hub does not have it.
  await reporter.app.body.click();
  await reporter.app.pressEndInBody();
  await reporter.page.keyboard.type('警方确认两人受伤。');
  await reporter.app.waitSaved();
  const send = panel.getByRole('button', { name: reporter.app.text('review.sendChanges'), exact: true });
  await expect(send).toBeVisible({ timeout: 15_000 });
  await send.click();
  await expect(send).toBeHidden();
  await expect(reporter.page.getByRole('status').filter({ hasText: reporter.app.text('review.changesSent') })).toBeVisible();

  await openFromQueue(editor, '港口发生火灾', 'for-me');
  await expect(editor.app.body).toContainText('警方确认两人受伤。');
  const edPanel = reviewPanel(editor);
  await expect(edPanel.getByText(statusLine(editor.app, 'submitted'))).toBeVisible();
});


test('a story returned while the reporter kept writing: “Get the latest” merges the desk’s edits with the reporter’s, losing neither', async ({ browser }) => {
  test.setTimeout(180_000);
  const { reporter, editor } = await openNewsroom(browser, hosts, 'zh-CN', '李娜');
  await reporter.app.newArticle();
  await reporter.app.textbox('article.headline').fill('渡轮因大雾停航');
  await reporter.app.body.click();
  await reporter.page.keyboard.type('今晨大雾，渡轮停航。');
  await reporter.page.keyboard.press('Enter');
  await reporter.page.keyboard.type('码头有数百名乘客等候。');
  await reporter.app.waitSaved();
  const panel = await openReviewTab(reporter);
  await actWithNote(reporter, panel, 'submit');
  await expect(panel.getByText(statusLine(reporter.app, 'submitted'))).toBeVisible();

  // The desk edits the first paragraph (as a suggestion) and returns the story.
  const edPanel = await openFromQueue(editor, '渡轮因大雾停航', 'for-me');
  await editor.app.body.getByText('今晨大雾').click();
  await editor.app.pressEndInBody();
  await editor.page.keyboard.type('（据海事局）');
  await editor.app.waitSaved();
  await actWithNote(editor, edPanel, 'request-changes', 'Name the harbour.');
  await expect(edPanel.getByText(statusLine(editor.app, 'changes_requested'))).toBeVisible();

  // Meanwhile the reporter adds to the second paragraph, then takes the latest.
  await reporter.app.body.getByText('码头有数百名乘客等候').click();
  await reporter.app.pressEndInBody();
  await reporter.page.keyboard.type('航运公司称中午恢复。');
  await reporter.app.waitSaved();
  await panel.getByRole('button', { name: reporter.app.text('review.refreshFromHub'), exact: true }).click();
  const ask = reporter.page.getByRole('alertdialog', { name: reporter.app.text('review.replace.mergeTitle') });
  await expect(ask).toContainText(reporter.app.text('review.replace.mergeHint'));
  // A screen reader reads the question and the choice with the title.
  await expect(ask).toHaveAccessibleDescription(new RegExp(reporter.app.text('review.replace.mergeHint').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  await ask.getByRole('button', { name: reporter.app.text('review.replace.merge'), exact: true }).click();
  await expect(ask).toBeHidden();

  // Both edits are in the body. The desk's is still the desk's suggestion (an editor suggests by
  // default); nothing of the reporter's became one. The returned status and note show.
  await expect(reporter.app.body).toContainText('今晨大雾，渡轮停航。（据海事局）');
  await expect(reporter.app.body).toContainText('码头有数百名乘客等候。航运公司称中午恢复。');
  await expect(reporter.app.body.locator('ins')).toHaveText(['（据海事局）']);
  await expect(reporter.page.getByRole('status').filter({ hasText: reporter.app.text('review.merge.done') })).toBeVisible();
  const merged = reviewPanel(reporter);
  await expect(merged.getByText(statusLine(reporter.app, 'changes_requested'))).toBeVisible();
  await expect(merged.getByText('Name the harbour.').first()).toBeVisible();

  // The merge goes back with the resubmission: the desk gets both.
  await actWithNote(reporter, merged, 'resubmit');
  await expect(merged.getByText(statusLine(reporter.app, 'submitted'))).toBeVisible();
  await openFromQueue(editor, '渡轮因大雾停航', 'for-me');
  await expect(editor.app.body).toContainText('今晨大雾，渡轮停航。（据海事局）');
  await expect(editor.app.body).toContainText('航运公司称中午恢复。');
});
