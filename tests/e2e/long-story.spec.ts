// A long story: find shows far matches as the query is typed and as Enter steps, below the bars that
// stick over the text; the caret moving up stays clear of them; opening and closing find and keying
// along the toolbar leave the text where it is; Ctrl/Cmd+End reaches the last paragraph and types
// there; a comment there gets its card beside its text.
import { expect, test, type Locator } from '@playwright/test';
import type { EditorView } from '@tiptap/pm/view';
import type { DocNode } from '../../common/article';
import { hostClient } from '../support/host-client';
import { DatelineApp } from './support/dateline-app';
import { commentMargin, setProfile } from './support/review-steps';
import { startHostWithHub, type HostWithHub } from './support/start-host-with-hub';

const PARAGRAPHS = 400;
const FAR_WORD = 'Zebrafinch';

let setup: HostWithHub;
test.beforeEach(async () => {
  setup = await startHostWithHub();
  const api = hostClient(setup.host.url);
  const article = await api.call('articles.create', {});
  // Blocks of every height: one line, six lines, two, and a heading every 25 blocks.
  const sentence = 'The council met again on Tuesday to weigh the budget for the harbour. ';
  const content: DocNode[] = Array.from({ length: PARAGRAPHS }, (_, i): DocNode => {
    if (i % 25 === 12) return { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: `Section ${i}` }] };
    const text = ` ${sentence.repeat([1, 6, 2][i % 3]!)}${i === PARAGRAPHS / 2 ? `${FAR_WORD} nests were counted first.` : ''}`;
    return { type: 'paragraph', content: [{ type: 'text', marks: [{ type: 'bold' }], text: `Paragraph ${i + 1}.` }, { type: 'text', text }] };
  });
  content.push({ type: 'paragraph', content: [{ type: 'text', text: `${FAR_WORD} nests were counted last.` }, { type: 'text', marks: [{ type: 'bold' }], text: ' End.' }] });
  await api.call('articles.save', { article: { ...article, headline: 'Long story', body: { type: 'doc', content } } });
});
test.afterEach(async () => {
  await setup.stop();
});

test('in a long story, find, the caret and comments reach the far end and stay on screen, clear of the bars', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1400, height: 900 });
  const app = new DatelineApp(page);
  await page.goto(setup.host.url);
  await setProfile({ app, page }, 'Ana Reporter', 'reporter', { kind: 'folder', path: setup.hub });
  await app.openFromLibrary('Long story');
  await expect(app.body.locator(':scope > *')).toHaveCount(PARAGRAPHS + 1);
  const paragraphs = app.body.locator(':scope > p');
  const first = paragraphs.first();
  const middle = paragraphs.filter({ hasText: `Paragraph ${PARAGRAPHS / 2 + 1}.` });
  const last = paragraphs.last();

  /** The bottom of the bars that stick over the text (toolbar, find bar). */
  const barsBottom = async () => {
    const box = (await page.locator('.dl-editor__bars').boundingBox())!;
    return box.y + box.height;
  };
  /** A match is on screen below the bars, not under them. */
  const clearOfBars = async (match: Locator) => {
    await expect.poll(async () => (await match.boundingBox())!.y - (await barsBottom())).toBeGreaterThanOrEqual(0);
  };

  // Find reaches the far end and shows the match.
  await page.keyboard.press('ControlOrMeta+f');
  const query = app.textbox('find.query.label');
  await query.fill(FAR_WORD.toLowerCase());
  const panel = page.getByRole('search', { name: app.text('find.panel.label') });
  const count = panel.locator('.dl-find-panel__count');
  const current = app.body.locator('.dl-find-match--current');
  // As it is typed, the first match is shown, the caret left where it was; Enter goes to the next.
  await expect(count).toHaveText(`${app.text('find.count', { current: 1, total: 2 })} ${app.text('find.where.body')}`);
  await expect(current).toBeInViewport();
  await clearOfBars(current);
  await expect(middle).toContainText(`${FAR_WORD} nests were counted first.`);
  await expect(middle.locator('.dl-find-match--current')).toHaveCount(1);
  await query.press('Enter');
  await expect(count).toHaveText(`${app.text('find.count', { current: 2, total: 2 })} ${app.text('find.where.body')}`);
  await expect(last.locator('.dl-find-match--current')).toBeInViewport();
  await clearOfBars(last.locator('.dl-find-match--current'));
  await page.keyboard.press('Escape');
  await app.body.focus();
  await expect(app.body.locator('.dl-find-match--current')).toHaveCount(0);
  await app.waitForBodyFocusSettled();

  // Up past the top of the screen: the caret stays in sight, below the toolbar that sticks there.
  for (let i = 0; i < 30; i++) await page.keyboard.press('ArrowUp');
  await app.waitForBodySelection();
  await expect
    .poll(async () => {
      const caretTop = await app.body.evaluate((dom) => {
        const view = (dom as HTMLElement & { editor?: { view: EditorView } }).editor!.view;
        return view.coordsAtPos(view.state.selection.head).top;
      });
      return caretTop - (await barsBottom());
    })
    .toBeGreaterThanOrEqual(0);

  // Find opened there, and the toolbar reached by keyboard, leave the text where it is on screen.
  const scrolled = () =>
    app.body.evaluate((dom) => {
      const view = (dom as HTMLElement & { editor?: { view: EditorView } }).editor!.view;
      return Math.round(view.coordsAtPos(view.state.selection.head).top);
    });
  const before = await scrolled();
  await page.keyboard.press('ControlOrMeta+f');
  await expect(query).toBeFocused();
  expect(await scrolled()).toBe(before);
  await page.keyboard.press('Escape');
  await expect(app.body).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByRole('toolbar', { name: app.text('editor.toolbar.label') }).getByRole('button').first()).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  expect(await scrolled()).toBe(before);

  // Ctrl/Cmd+End goes to the end of the body; typing lands there, on screen.
  await first.click();
  await page.keyboard.press('ControlOrMeta+End');
  await expect
    .poll(() =>
      app.body.evaluate((dom) => {
        const view = (dom as HTMLElement & { editor?: { view: EditorView } }).editor?.view;
        return view ? view.state.selection.head === view.state.doc.content.size - 1 : false;
      }),
    )
    .toBe(true);
  await page.keyboard.type(' Done.');
  await expect(last).toHaveText(`${FAR_WORD} nests were counted last. End. Done.`);
  await expect(last).toBeInViewport();

  // A comment on the last paragraph: its card sits level with its text.
  await page.keyboard.press('End');
  for (let i = 0; i < ' nests were counted last. End. Done.'.length; i++) await page.keyboard.press('ArrowLeft');
  for (let i = 0; i < FAR_WORD.length; i++) await page.keyboard.press('Shift+ArrowLeft');
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe(FAR_WORD);
  await app.waitForBodySelection();
  await page.keyboard.press('ControlOrMeta+Alt+m');
  const margin = commentMargin({ app, page });
  const input = margin.getByRole('form', { name: app.text('review.composer.label') }).getByRole('textbox');
  await expect(input).toBeFocused();
  await page.keyboard.type('Check the count with the warden.');
  await page.keyboard.press('ControlOrMeta+Enter');
  const card = margin.getByRole('listitem').filter({ hasText: 'Check the count with the warden.' });
  await expect(card).toBeVisible();
  const anchor = app.body.locator('.dl-comment-anchor', { hasText: FAR_WORD });
  await expect(anchor).toBeInViewport();
  await expect.poll(async () => Math.abs((await card.boundingBox())!.y - (await anchor.boundingBox())!.y)).toBeLessThanOrEqual(3);

});
