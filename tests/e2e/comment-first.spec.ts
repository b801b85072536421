// Comment first, by keyboard, in English and Chinese: a reporter selects text, presses Comment
// (Ctrl/Cmd+Alt+M), types (through an IME too) and adds the comment with Ctrl/Cmd+Enter; Escape
// cancels; the focus goes back to the text each time. On a wide window the comments sit in a margin
// beside their text, level with it, stacked without overlap, the active one marked with its text;
// on a narrow one (and when the window narrows) they are in the side panel, and nothing scrolls
// sideways at either width.
import { expect, test, type Browser, type CDPSession, type Locator } from '@playwright/test';
import type { EditorView } from '@tiptap/pm/view';
import { DatelineApp, type UiLocale } from './support/dateline-app';
import { reviewPanel, setProfile, type PersonApp } from './support/review-steps';
import type { RunningHost } from './support/start-host';
import { startHostWithHub, type HostWithHub } from './support/start-host-with-hub';

const WIDE = { width: 1400, height: 900 };
const NARROW = { width: 900, height: 800 };

let setup: HostWithHub | undefined;
let host: RunningHost;
let hub: string;
test.beforeEach(async () => {
  setup = await startHostWithHub();
  ({ host, hub } = setup);
});
test.afterEach(async () => {
  await setup?.stop();
});

interface Story {
  name: string;
  headline: string;
  /** Typed as paragraphs; the comments go on the last one. */
  paragraphs: string[];
  /** Two passages of the last paragraph: the first ends the paragraph (before its final stop), the second comes earlier. */
  first: string;
  second: string;
  pinyin: string;
  composed: string;
  rest: string;
}

const STORIES: Record<UiLocale, Story> = {
  en: {
    name: 'Ana Reporter',
    headline: 'Council passes the budget',
    paragraphs: ['The council met on Tuesday evening.', 'Members argued for three hours.', 'In the end the vote was close but the budget passed.'],
    first: 'passed',
    second: 'close',
    pinyin: 'hesh',
    composed: '核实',
    rest: ' the vote count',
  },
  'zh-CN': {
    name: '李娜',
    headline: '市议会通过预算',
    paragraphs: ['市议会周二晚上开会。', '议员们争论了三个小时。', '最后表决结果接近但预算获得通过。'],
    first: '获得通过',
    second: '接近',
    pinyin: 'hesh',
    composed: '核实',
    rest: '票数',
  },
};

async function openWriter(browser: Browser, locale: UiLocale, viewport: { width: number; height: number }): Promise<PersonApp> {
  const page = await (await browser.newContext({ viewport })).newPage();
  const app = new DatelineApp(page);
  await page.goto(host.url);
  await expect(app.button('library.new')).toBeVisible();
  if (locale !== 'en') await app.switchLocale(locale);
  return { app, page };
}

/** A new story with a headline and paragraphs, typed; the caret ends after the last paragraph. */
async function writeStory({ app, page }: PersonApp, story: Story): Promise<void> {
  await app.newArticle();
  await expect(app.textbox('article.headline')).toBeFocused();
  await page.keyboard.type(story.headline);
  await app.body.focus();
  for (const [i, paragraph] of story.paragraphs.entries()) {
    if (i > 0) await page.keyboard.press('Enter');
    await page.keyboard.type(paragraph);
  }
}

/** Selects `passage` in the last paragraph with Shift+arrows from its end (the caret is at the paragraph's end). */
async function selectBackFromEnd({ app, page }: PersonApp, story: Story, passage: string): Promise<void> {
  const last = story.paragraphs.at(-1)!;
  await app.body.focus();
  await app.pressEndInBody();
  const end = last.lastIndexOf(passage) + passage.length;
  for (let i = last.length; i > end; i--) await page.keyboard.press('ArrowLeft');
  for (let i = 0; i < passage.length; i++) await page.keyboard.press('Shift+ArrowLeft');
  // The editor reads the browser's selection on its next selectionchange; a person's next key comes
  // well after that, Playwright's could come before it and comment on one character less.
  await expect
    .poll(() =>
      app.body.evaluate((dom) => {
        const view = (dom as HTMLElement & { editor?: { view: EditorView } }).editor?.view;
        return view ? view.state.doc.textBetween(view.state.selection.from, view.state.selection.to) : null;
      }),
    )
    .toBe(passage);
}

function composer({ app, page }: PersonApp): Locator {
  return page.getByRole('form', { name: app.text('review.composer.label') });
}

async function noSidewaysScroll({ page }: PersonApp): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
}

async function imeCompose(cdp: CDPSession, pinyin: string, text: string, whileComposing: () => Promise<void>): Promise<void> {
  await cdp.send('Input.imeSetComposition', { text: pinyin, selectionStart: pinyin.length, selectionEnd: pinyin.length });
  await whileComposing();
  await cdp.send('Input.insertText', { text });
}

for (const locale of ['en', 'zh-CN'] as const) {
  test(`comment first by keyboard on a wide window, in the margin beside the text (${locale})`, async ({ browser }) => {
    test.setTimeout(120_000);
    const story = STORIES[locale];
    const person = await openWriter(browser, locale, WIDE);
    const { app, page } = person;
    await setProfile(person, story.name, 'reporter', { kind: 'folder', path: hub });
    await writeStory(person, story);

    // Nothing selected: a dialog says so and holds the keyboard, so the comment typed next (spaces
    // and Enter included) lands nowhere in the story; Escape gives the body its focus back.
    const before = await app.body.textContent();
    await page.keyboard.press('ControlOrMeta+Alt+m');
    const refusal = page.getByRole('alertdialog', { name: app.text('review.comment.refusedTitle') });
    await expect(refusal.getByText(app.text('review.comment.needsSelection'))).toBeVisible();
    await expect(composer(person)).toHaveCount(0);
    await page.keyboard.type('Which day? ');
    await page.keyboard.press('Enter');
    await expect(refusal).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(refusal).toHaveCount(0);
    await expect(app.body).toBeFocused();
    expect(await app.body.textContent()).toBe(before);

    // Select, Comment: the composer opens focused in the margin, level with the selection.
    await selectBackFromEnd(person, story, story.first);
    await page.keyboard.press('ControlOrMeta+Alt+m');
    const margin = page.getByRole('region', { name: app.text('review.margin.label') });
    const form = margin.getByRole('form', { name: app.text('review.composer.label') });
    const input = form.getByRole('textbox');
    await expect(input).toBeFocused();

    // An IME's Ctrl/Cmd+Enter while composing picks a candidate; it does not add the comment.
    const cdp = await page.context().newCDPSession(page);
    await imeCompose(cdp, story.pinyin, story.composed, async () => {
      await input.dispatchEvent('keydown', { key: 'Enter', keyCode: 229, ctrlKey: true, metaKey: true, isComposing: true });
      await expect(form).toBeVisible();
    });
    await page.keyboard.type(story.rest);
    await expect(input).toHaveValue(`${story.composed}${story.rest}`);
    await page.keyboard.press('ControlOrMeta+Enter');
    await expect(form).toHaveCount(0);
    await expect(app.body).toBeFocused();

    const firstCard = margin.getByRole('listitem').filter({ hasText: `${story.composed}${story.rest}` });
    await expect(firstCard).toBeVisible();
    const firstAnchor = app.body.locator('.dl-comment-anchor', { hasText: story.first });
    await expect(firstAnchor).toHaveText(story.first);
    // Level with its text (the top of the card at the top of the marked line, give or take a pixel or two).
    await expect.poll(async () => Math.abs((await firstCard.boundingBox())!.y - (await firstAnchor.boundingBox())!.y)).toBeLessThanOrEqual(3);

    // Escape cancels and gives the text back its focus; nothing is added.
    await selectBackFromEnd(person, story, story.second);
    await page.keyboard.press('ControlOrMeta+Alt+m');
    await expect(input).toBeFocused();
    await page.keyboard.type('draft');
    await page.keyboard.press('Escape');
    await expect(form).toHaveCount(0);
    await expect(app.body).toBeFocused();
    await expect(margin.getByRole('listitem')).toHaveCount(1);

    // A second comment on the same line: the cards stack in the order of their text, without overlap.
    await page.keyboard.press('ControlOrMeta+Alt+m');
    await expect(input).toBeFocused();
    await page.keyboard.type('Second');
    await form.getByRole('button', { name: app.text('review.composer.submit') }).press('Enter');
    await expect(form).toHaveCount(0);
    const secondCard = margin.getByRole('listitem').filter({ hasText: 'Second' });
    await expect(secondCard).toBeVisible();
    await expect(app.body.locator('.dl-comment-anchor')).toHaveCount(2);
    await expect
      .poll(async () => {
        const [upper, lower] = [(await secondCard.boundingBox())!, (await firstCard.boundingBox())!];
        return lower.y >= upper.y + upper.height;
      })
      .toBe(true);

    // The focused card is the active one, and its text is marked with it.
    await firstCard.getByRole('button', { name: app.text('review.comment.reply') }).focus();
    await expect(firstCard).toHaveClass(/\bactive\b/);
    await expect(app.body.locator('.dl-comment-anchor--active')).toHaveText(story.first);
    await expect.poll(async () => Math.abs((await firstCard.boundingBox())!.y - (await firstAnchor.boundingBox())!.y)).toBeLessThanOrEqual(3);
    await noSidewaysScroll(person);

    // The side panel keeps what is not beside the text; narrowing the window moves the comments there.
    await page.setViewportSize(NARROW);
    await expect(margin).toHaveCount(0);
    // The side panel opened with the wide window stays open.
    const panel = reviewPanel(person);
    await page.getByRole('tab', { name: app.text('review.tab.review'), exact: true }).press('Enter');
    await expect(panel.getByRole('listitem').filter({ hasText: `${story.composed}${story.rest}` })).toBeVisible();
    await expect(panel.getByRole('listitem').filter({ hasText: 'Second' })).toBeVisible();
    await noSidewaysScroll(person);
  });

  test(`comment first by keyboard on a narrow window, in the side panel (${locale})`, async ({ browser }) => {
    test.setTimeout(120_000);
    const story = STORIES[locale];
    const person = await openWriter(browser, locale, NARROW);
    const { app, page } = person;
    await setProfile(person, story.name, 'reporter', { kind: 'folder', path: hub });
    await writeStory(person, story);

    await selectBackFromEnd(person, story, story.first);
    await page.keyboard.press('ControlOrMeta+Alt+m');
    // The folded side panel opens on its review tab, with the composer focused.
    const panel = reviewPanel(person);
    const form = panel.getByRole('form', { name: app.text('review.composer.label') });
    await expect(form.getByRole('textbox')).toBeFocused();
    await expect(page.getByRole('region', { name: app.text('review.margin.label') })).toHaveCount(0);
    await page.keyboard.type(story.rest.trim());
    await page.keyboard.press('ControlOrMeta+Enter');
    await expect(form).toHaveCount(0);
    await expect(app.body).toBeFocused();
    const item = panel.getByRole('listitem').filter({ hasText: story.rest.trim() });
    await expect(item).toBeVisible();
    await expect(item.getByText(app.text('review.comment.quote', { quote: story.first }))).toBeVisible();
    await expect(app.body.locator('.dl-comment-anchor')).toHaveText(story.first);
    await noSidewaysScroll(person);
  });
}
