// Issue 9's "done means", across two app instances sharing a review hub folder: the desk opens the
// reporter's submitted story (Suggesting by default), suggests in English and in Chinese through an
// IME composition, and sends it back; the reporter (Chinese UI) sees the desk's suggestions in the
// desk's colour, deletions struck through, accepts some and rejects others, and resubmits; the desk
// publishes to the folder target, and the published page holds exactly the accepted text.
import { expect, test } from '@playwright/test';
import { authorColourIndex, authorIdOf } from '../../common/editor/author-colour';
import { approveAndPublish } from './support/approve-and-publish';
import type { DatelineApp } from './support/dateline-app';
import { draftCompleteArticle, ENGLISH_DRAFT } from './support/draft-article';
import { imeType } from './support/ime-type';
import { openNewsroom } from './support/open-newsroom';
import { actWithNote, openFromQueue, openReviewTab, statusLine } from './support/review-steps';
import { startTwoHosts, type TwoHosts } from './support/start-two-hosts';

let hosts: TwoHosts;

test.beforeEach(async () => {
  hosts = await startTwoHosts();
});

test.afterEach(async () => {
  await hosts?.stop();
});

const ORIGINAL = 'The council approved the budget on Tuesday. 市议会周二通过预算。';
const ACCEPTED = 'The council narrowly approved the budget on Tuesday. 市议会昨天通过预算。';
/** The accepted paragraph as published: the desk's bold on “budget” was accepted too. */
const ACCEPTED_HTML = 'The council narrowly approved the <strong>budget</strong> on Tuesday. 市议会昨天通过预算。';

/** Where character `index` of the first body paragraph sits in the document (the paragraph opens at 0). */
function posOf(text: string, piece: string, after = false): number {
  const index = text.indexOf(piece);
  if (index < 0) throw new Error(`“${piece}” is not in “${text}”`);
  return 1 + index + (after ? piece.length : 0);
}

/**
 * Selects `from`–`to` in the body through the editor (the browser's caret moves are read back
 * asynchronously). It focuses the view at once: TipTap's focus command lands a frame later and puts
 * its selection back over keys typed meanwhile.
 */
async function selectInEditor(app: DatelineApp, from: number, to = from): Promise<void> {
  await app.body.evaluate(
    (dom, range) => {
      const editor = (dom as HTMLElement & { editor: { commands: { setTextSelection(r: { from: number; to: number }): boolean }; view: { focus(): void } } }).editor;
      editor.commands.setTextSelection(range);
      editor.view.focus();
    },
    { from, to },
  );
}

test('the desk suggests in English and Chinese (IME), the reporter accepts some and rejects others, the page holds the accepted text', async ({ browser }) => {
  test.setTimeout(240_000);
  const headline = 'Council passes budget';
  const { reporter, editor } = await openNewsroom(browser, hosts, 'zh-CN', '李娜');

  // 1. The reporter writes and submits.
  await reporter.app.newArticle();
  await draftCompleteArticle(reporter.app, reporter.page, { ...ENGLISH_DRAFT, headline, body: ORIGINAL });
  await reporter.app.waitSaved();
  let panel = await openReviewTab(reporter);
  await actWithNote(reporter, panel, 'submit');
  await expect(panel.getByText(statusLine(reporter.app, 'submitted'))).toBeVisible();

  // 2. The desk opens it: someone else's story, so Suggesting is already on.
  let edPanel = await openFromQueue(editor, headline, 'for-me');
  await expect(editor.app.body.locator('p').first()).toHaveText(ORIGINAL);
  await expect(editor.app.button('editor.toolbar.suggest')).toHaveAttribute('aria-pressed', 'true');

  // From the end backwards, so the positions worked out on the original text stay right.
  await selectInEditor(editor.app, posOf(ORIGINAL, '。', true));
  await editor.page.keyboard.type(' Final vote 7-2.');
  // “周二” replaced by “昨天” through a pinyin IME: the selection is struck, the composition inserted.
  await selectInEditor(editor.app, posOf(ORIGINAL, '周二'), posOf(ORIGINAL, '周二', true));
  const cdp = await editor.page.context().newCDPSession(editor.page);
  await imeType(cdp, ['zuo', 'tian'], '昨天');
  await selectInEditor(editor.app, posOf(ORIGINAL, ' on Tuesday'), posOf(ORIGINAL, ' on Tuesday', true));
  await editor.page.keyboard.press('Backspace');
  // A formatting change is a suggestion too.
  await selectInEditor(editor.app, posOf(ORIGINAL, 'budget'), posOf(ORIGINAL, 'budget', true));
  await editor.page.keyboard.press('ControlOrMeta+B');
  await selectInEditor(editor.app, posOf(ORIGINAL, 'The council', true));
  await editor.page.keyboard.type(' narrowly');

  await expect(editor.app.body.locator('ins')).toHaveText([' narrowly', '昨天', ' Final vote 7-2.']);
  await expect(editor.app.body.locator('del')).toHaveText([' on Tuesday', '周二']);
  await expect(editor.app.body.locator('.dl-suggestion--format strong, strong .dl-suggestion--format')).toHaveText(['budget']);
  await expect(editor.app.body.locator('p').first()).toHaveText('The council narrowly approved the budget on Tuesday. 市议会周二昨天通过预算。 Final vote 7-2.');
  await editor.app.waitSaved();

  // Open suggestions block publishing; "Go to the first one" selects it in the body. Next steps on.
  await editor.app.button('publish.open').click();
  const publish = editor.page.getByRole('dialog', { name: editor.app.text('publish.title') });
  await expect(publish.getByText(editor.app.text('publish.checklist.suggestions-pending', { count: 6 }))).toBeVisible();
  await publish.getByRole('button', { name: editor.app.text('publish.goToFirstSuggestion'), exact: true }).click();
  await expect(publish).toBeHidden();
  const selectedText = () => editor.page.evaluate(() => document.getSelection()?.toString() ?? '');
  await expect.poll(selectedText).toBe(' narrowly');
  await editor.page.getByRole('region', { name: editor.app.text('editor.suggestions.label') }).getByRole('button', { name: editor.app.text('editor.suggestions.next'), exact: true }).click();
  await expect.poll(selectedText).toBe('budget');
  await actWithNote(editor, edPanel, 'request-changes', 'See my suggestions.');
  await expect(edPanel.getByText(statusLine(editor.app, 'changes_requested'))).toBeVisible();

  // 3. The reporter gets it back with the desk's suggestions: in the desk's colour, deletions struck through.
  panel = await openFromQueue(reporter, headline, 'mine');
  const r = reporter.app;
  await expect(r.button('editor.toolbar.suggest')).toHaveAttribute('aria-pressed', 'false');
  const colour = new RegExp(`\\bdl-suggestion--c${authorColourIndex(authorIdOf('Sam Editor'))}\\b`);
  const inserted = r.body.locator('ins');
  const deleted = r.body.locator('del');
  await expect(inserted).toHaveText([' narrowly', '昨天', ' Final vote 7-2.']);
  await expect(deleted).toHaveText([' on Tuesday', '周二']);
  const reformatted = r.body.locator('span.dl-suggestion--format');
  await expect(reformatted).toHaveText(['budget']);
  for (const mark of [...(await inserted.all()), ...(await deleted.all()), ...(await reformatted.all())]) {
    await expect(mark).toHaveClass(colour);
    await expect(mark).toHaveAttribute('title', 'Sam Editor');
  }
  await expect(deleted.first()).toHaveCSS('text-decoration-line', 'line-through');
  const deskColour = await inserted.first().evaluate((el) => getComputedStyle(el).color);
  const textColour = await r.body.locator('p').first().evaluate((el) => getComputedStyle(el).color);
  expect(deskColour).not.toBe(textColour);

  const suggestions = reporter.page.getByRole('region', { name: r.text('editor.suggestions.label') });
  await expect(suggestions.getByText(r.text('editor.suggestions.count', { count: 6 }))).toBeVisible();
  const decide = (decision: 'accept' | 'reject', kind: 'inserted' | 'deleted' | 'formatted', text: string) =>
    suggestions.getByRole('button', { name: r.text(`editor.suggestions.${decision}Label`, { label: r.text(`editor.suggestions.${kind}`, { name: 'Sam Editor', text }) }), exact: true }).click();
  await decide('accept', 'inserted', ' narrowly');
  await decide('accept', 'formatted', 'budget');
  await decide('reject', 'deleted', ' on Tuesday');
  await decide('accept', 'deleted', '周二');
  await decide('accept', 'inserted', '昨天');
  await decide('reject', 'inserted', ' Final vote 7-2.');
  await expect(suggestions).toHaveCount(0);
  await expect(r.body.locator('ins, del')).toHaveCount(0);
  await expect(r.body.locator('p').first()).toHaveText(ACCEPTED);
  await expect(r.body.locator('p').first().locator('strong')).toHaveText('budget');
  await r.waitSaved();
  await reporter.page.getByRole('tab', { name: r.text('review.tab.review'), exact: true }).click();
  await actWithNote(reporter, panel, 'resubmit');
  await expect(panel.getByText(statusLine(r, 'submitted'))).toBeVisible();

  // 4. The desk approves and publishes to the folder target: exactly the accepted text.
  edPanel = await openFromQueue(editor, headline, 'for-me');
  await expect(edPanel.getByText(statusLine(editor.app, 'submitted'))).toBeVisible();
  await expect(editor.app.body.locator('p').first()).toHaveText(ACCEPTED);
  await expect(editor.app.body.locator('ins, del')).toHaveCount(0);
  const { html } = await approveAndPublish(editor, edPanel);
  const paragraphs = [...html.matchAll(/<p>(.*?)<\/p>/g)].map((m) => m[1]);
  expect(paragraphs.filter((p) => p?.includes('council'))).toEqual([ACCEPTED_HTML]);
  expect(html).not.toMatch(/Final vote|周二|<ins|<del|suggestion/);
});
