// A reporter, offline, drafts a complete article — headline to editor's note, two photos with
// caption and credit, tags and bylines — once in Chinese and once in English. After a reload
// everything is still there, library search finds it, and both exports come as downloads.
import { expect, test } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exiftool, makeJpeg, makePng } from '../support/test-photos';
import { DatelineApp, type UiLocale } from './support/dateline-app';
import { startHost, type RunningHost } from './support/start-host';
import { zipEntries } from './support/zip-entries';

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface Story {
  ui: UiLocale;
  language: string;
  headline: string;
  subheadline: string;
  summary: string;
  paragraph: string;
  subhead: string;
  quote: string;
  listItems: string[];
  boldWord: string;
  linkText: string;
  section: string;
  tags: string[];
  bylines: { name: string; role: string }[];
  source: string;
  publisher: string;
  dateline: string;
  editorsNote: string;
  iptcCaption: string;
  iptcByline: string;
  iptcCredit: string;
  secondCaption: string;
  secondCredit: string;
  secondAlt: string;
  /** Two characters (Chinese) or a word (English) that occurs only in the body. */
  bodyQuery: string;
  expectedSlug: RegExp;
}

const STORIES: Story[] = [
  {
    ui: 'zh-CN',
    language: 'zh-CN',
    headline: '市议会通过2027年财政预算',
    subheadline: '交通与学校支出增加',
    summary: '市议会周二以七比二票通过明年预算，交通和学校投入明显增加。',
    paragraph: '市议会周二以七比二的投票结果通过了2027年财政预算。',
    subhead: '交通投入',
    quote: '“这是一份为市民着想的预算。”',
    listItems: ['公交线路增加', '学校维修'],
    boldWord: '重要',
    linkText: '预算全文',
    section: '本地新闻',
    tags: ['预算', '市议会', 'Budget'],
    bylines: [
      { name: '张伟', role: '本报记者' },
      { name: '李娜', role: '实习记者' },
    ],
    source: '城市日报',
    publisher: '王编辑',
    dateline: '北京',
    editorsNote: '请核实投票人数。',
    iptcCaption: '市长在新闻发布会上讲话',
    iptcByline: '刘摄影',
    iptcCredit: '市政府新闻办',
    secondCaption: '议员们在投票',
    secondCredit: '图片：城市日报',
    secondAlt: '议员举手投票的会议厅',
    bodyQuery: '认证',
    expectedSlug: /^市议会通过2027年财政预算$/,
  },
  {
    ui: 'en',
    language: 'en',
    headline: 'City council approves 2027 budget',
    subheadline: 'Transport and schools get more',
    summary: 'The council voted 7-2 on Tuesday for a budget that spends more on buses and schools.',
    paragraph: 'The city council voted seven to two on Tuesday to approve the 2027 budget.',
    subhead: 'Transport spending',
    quote: '"This is a budget for residents," the mayor said.',
    listItems: ['More bus routes', 'School repairs'],
    boldWord: 'important',
    linkText: 'full budget',
    section: 'City',
    tags: ['budget', 'city council', '预算'],
    bylines: [
      { name: 'Jane Doe', role: 'Staff reporter' },
      { name: 'Sam Lee', role: 'Contributing writer' },
    ],
    source: 'City Press',
    publisher: 'Alex Editor',
    dateline: 'SPRINGFIELD',
    editorsNote: 'Check the vote count with the clerk.',
    iptcCaption: 'The mayor speaks at a press conference',
    iptcByline: 'Pat Photographer',
    iptcCredit: 'City Press Office',
    secondCaption: 'Councillors vote',
    secondCredit: 'Photo: City Press',
    secondAlt: 'Councillors raising hands in the chamber',
    bodyQuery: 'authentication',
    expectedSlug: /^city-council-approves-2027-budget$/,
  },
];

let host: RunningHost;
let home: string;

test.beforeEach(async () => {
  home = mkdtempSync(join(tmpdir(), 'dateline-home-'));
  host = await startHost({ env: { HOME: home } });
});

test.afterEach(async () => {
  await host.stop();
});

function photoFiles(story: Story): { jpeg: string; png: string } {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-photos-'));
  const jpeg = join(dir, 'mayor.jpg');
  writeFileSync(jpeg, makeJpeg(64, 48));
  exiftool(jpeg, [
    '-codedcharacterset=utf8',
    `-IPTC:Caption-Abstract=${story.iptcCaption}`,
    `-IPTC:By-line=${story.iptcByline}`,
    `-IPTC:Credit=${story.iptcCredit}`,
  ]);
  const png = join(dir, 'vote.png');
  writeFileSync(png, makePng(80, 60));
  return { jpeg, png };
}

for (const story of STORIES) {
  test(`reporter drafts a complete ${story.language} article with two photos, and it survives a reload`, async ({ page }) => {
    const app = new DatelineApp(page);
    await page.goto(host.url);
    await expect(app.button('library.new')).toBeVisible();
    if (story.ui !== 'en') await app.switchLocale(story.ui);

    await app.newArticle();
    // Metadata first: the article language decides how the body is counted.
    await page.getByRole('combobox', { name: app.text('metadata.language'), exact: true }).selectOption(story.language);

    await app.textbox('article.headline').fill(story.headline);
    await app.textbox('article.subheadline').fill(story.subheadline);
    await app.textbox('article.summary').fill(story.summary);

    // Body: paragraph with bold and a link, a subheading, a quote, a list, a rule.
    await app.body.click();
    await page.keyboard.type(story.paragraph + ' ');
    await page.keyboard.press('ControlOrMeta+b');
    await page.keyboard.type(story.boldWord);
    await page.keyboard.press('ControlOrMeta+b');
    await page.keyboard.type(' ' + story.linkText);
    for (let i = 0; i < [...story.linkText].length; i++) await page.keyboard.press('Shift+ArrowLeft');
    await app.waitForBodySelection();
    await app.button('editor.toolbar.link').click();
    const linkDialog = page.getByRole('dialog', { name: app.text('editor.link.title') });
    await linkDialog.getByRole('textbox', { name: app.text('editor.link.address') }).fill('javascript:alert(1)');
    await linkDialog.getByRole('button', { name: app.text('editor.link.apply') }).click();
    await expect(linkDialog.getByText(app.text('editor.link.invalid'))).toBeVisible();
    await linkDialog.getByRole('textbox', { name: app.text('editor.link.address') }).fill('https://example.org/budget');
    await linkDialog.getByRole('button', { name: app.text('editor.link.apply') }).click();
    await expect(linkDialog).toBeHidden();
    await expect(app.body).toBeFocused();
    await app.pressEndInBody();
    await page.keyboard.press('Enter');
    await app.button('editor.toolbar.heading-2').click();
    await page.keyboard.type(story.subhead);
    await page.keyboard.press('Enter');
    await app.button('editor.toolbar.blockquote').click();
    await page.keyboard.type(story.quote);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await app.button('editor.toolbar.bullet-list').click();
    await page.keyboard.type(story.listItems[0]!);
    await page.keyboard.press('Enter');
    await page.keyboard.type(story.listItems[1]!);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.type(`Body-only words: ${story.bodyQuery === '认证' ? '用户身份认证失败' : 'user authentication failed'}.`);
    await page.keyboard.press('Enter');

    // Two photos through the toolbar's file chooser: the JPEG's IPTC caption and credit pre-fill.
    const photos = photoFiles(story);
    const chooser = page.waitForEvent('filechooser');
    await app.button('editor.toolbar.insert-photo').click();
    await (await chooser).setFiles([photos.jpeg, photos.png]);
    const figures = app.body.locator('figure');
    await expect(figures).toHaveCount(2);
    await expect(figures.nth(0).locator('figcaption')).toHaveText(story.iptcCaption);
    await expect(figures.nth(0).getByRole('textbox', { name: app.text('editor.figure.credit') })).toHaveValue(`${story.iptcByline} / ${story.iptcCredit}`);
    await figures.nth(0).getByRole('textbox', { name: app.text('editor.figure.alt') }).fill(story.iptcCaption);
    await figures.nth(1).locator('figcaption').click();
    await page.keyboard.type(story.secondCaption);
    await figures.nth(1).getByRole('textbox', { name: app.text('editor.figure.credit') }).fill(story.secondCredit);
    await figures.nth(1).getByRole('textbox', { name: app.text('editor.figure.alt') }).fill(story.secondAlt);
    await figures.nth(1).getByRole('button', { name: app.text('editor.figure.lead') }).click();
    await expect(figures.nth(1).getByRole('button', { name: app.text('editor.figure.lead') })).toHaveAttribute('aria-pressed', 'true');
    await expect(figures.nth(0).getByRole('button', { name: app.text('editor.figure.lead') })).toHaveAttribute('aria-pressed', 'false');

    // Metadata panel.
    const details = page.getByRole('complementary', { name: app.text('metadata.title') });
    await details.getByRole('combobox', { name: app.text('metadata.section') }).fill(story.section);
    for (const tag of story.tags) await app.addTag(tag);
    // A duplicate tag (in another case) is refused.
    const tagInput = page.getByRole('textbox', { name: app.text('metadata.tags'), exact: true });
    await tagInput.fill(story.tags[0]!.toUpperCase());
    await tagInput.press('Enter');
    await expect(page.getByRole('button', { name: /^Remove tag|^删除标签/ })).toHaveCount(story.tags.length);
    await tagInput.fill('');
    await details.getByRole('textbox', { name: app.text('metadata.bylineName', { n: 1 }) }).fill(story.bylines[0]!.name);
    await details.getByRole('textbox', { name: app.text('metadata.bylineRole', { n: 1 }) }).fill(story.bylines[0]!.role);
    await details.getByRole('button', { name: app.text('metadata.addByline') }).click();
    await details.getByRole('textbox', { name: app.text('metadata.bylineName', { n: 2 }) }).fill(story.bylines[1]!.name);
    await details.getByRole('textbox', { name: app.text('metadata.bylineRole', { n: 2 }) }).fill(story.bylines[1]!.role);
    await details.getByRole('textbox', { name: app.text('metadata.source'), exact: true }).fill(story.source);
    await details.getByRole('textbox', { name: app.text('metadata.publisher'), exact: true }).fill(story.publisher);
    await details.getByRole('textbox', { name: app.text('metadata.dateline'), exact: true }).fill(story.dateline);
    await expect(details.getByRole('textbox', { name: app.text('metadata.slug'), exact: true })).toHaveValue(story.expectedSlug);
    await details.getByLabel(app.text('metadata.plannedAt'), { exact: true }).fill('2027-01-15T09:30');
    await details.getByRole('textbox', { name: app.text('metadata.editorsNote'), exact: true }).fill(story.editorsNote);

    // Live counts: Chinese counts characters, English counts words.
    const countPattern = story.language === 'en' ? /\d+ words/ : /\d[\d,]* 字/;
    await expect(page.getByLabel(app.text('article.countsLabel')).getByText(countPattern)).toBeVisible();

    // Ctrl+S saves explicitly (and snapshots a revision), then reload: everything is still there.
    await page.keyboard.press('ControlOrMeta+s');
    await app.waitSaved();
    await page.reload();
    await expect(app.button('library.new')).toBeVisible();
    await app.openFromLibrary(story.headline);

    await expect(app.textbox('article.subheadline')).toHaveValue(story.subheadline);
    await expect(app.textbox('article.summary')).toHaveValue(story.summary);
    await expect(app.body.locator('p').first()).toContainText(story.paragraph);
    await expect(app.body.locator('strong')).toHaveText(story.boldWord);
    await expect(app.body.locator('a[href="https://example.org/budget"]')).toHaveText(story.linkText);
    await expect(app.body.locator('h2')).toHaveText(story.subhead);
    await expect(app.body.locator('blockquote')).toContainText(story.quote);
    await expect(app.body.locator('ul li')).toHaveText(story.listItems);
    await expect(figures).toHaveCount(2);
    await expect(figures.nth(0).locator('figcaption')).toHaveText(story.iptcCaption);
    await expect(figures.nth(1).locator('figcaption')).toHaveText(story.secondCaption);
    await expect(figures.nth(1).getByRole('textbox', { name: app.text('editor.figure.credit') })).toHaveValue(story.secondCredit);
    await expect(figures.nth(1).getByRole('textbox', { name: app.text('editor.figure.alt') })).toHaveValue(story.secondAlt);
    await expect(figures.nth(1).getByRole('button', { name: app.text('editor.figure.lead') })).toHaveAttribute('aria-pressed', 'true');
    // The photos load from the library (content-addressed copies), not from where they came from.
    await expect(figures.nth(0).locator('img')).toHaveJSProperty('complete', true);
    expect(await figures.nth(0).locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(64);
    for (const tag of story.tags) await expect(app.button('metadata.tags.remove', { tag })).toBeVisible();
    await expect(details.getByRole('textbox', { name: app.text('metadata.bylineName', { n: 2 }) })).toHaveValue(story.bylines[1]!.name);
    await expect(details.getByRole('textbox', { name: app.text('metadata.bylineRole', { n: 1 }) })).toHaveValue(story.bylines[0]!.role);
    await expect(details.getByRole('textbox', { name: app.text('metadata.source'), exact: true })).toHaveValue(story.source);
    await expect(details.getByRole('textbox', { name: app.text('metadata.publisher'), exact: true })).toHaveValue(story.publisher);
    await expect(details.getByRole('textbox', { name: app.text('metadata.dateline'), exact: true })).toHaveValue(story.dateline);
    await expect(details.getByRole('combobox', { name: app.text('metadata.section') })).toHaveValue(story.section);
    await expect(details.getByLabel(app.text('metadata.plannedAt'), { exact: true })).toHaveValue('2027-01-15T09:30');
    await expect(details.getByRole('textbox', { name: app.text('metadata.editorsNote'), exact: true })).toHaveValue(story.editorsNote);
    await expect(page.getByRole('combobox', { name: app.text('metadata.language'), exact: true })).toHaveValue(story.language);

    // The browser offers both exports as downloads named after the slug: the standalone page, and
    // Markdown with its photos (named after the story and their order) as a .zip.
    const download = page.waitForEvent('download');
    await app.moreAction('article.exportHtml');
    const page1 = await download;
    expect(page1.suggestedFilename()).toMatch(/^[^/\\]+\.html$/);
    const slug = page1.suggestedFilename().replace(/\.html$/, '');
    const html = readFileSync(await page1.path(), 'utf8');
    expect(html).toContain(story.headline);
    expect(html).toContain(story.secondCaption);
    expect(html.match(/<img [^>]*src="data:image\//g) ?? []).toHaveLength(2);
    expect(html).not.toContain(story.editorsNote);
    const markdownDownload = page.waitForEvent('download');
    await app.moreAction('article.exportMarkdown');
    const bundle = await markdownDownload;
    expect(bundle.suggestedFilename()).toBe(`${slug}.zip`);
    const files = await zipEntries(readFileSync(await bundle.path()));
    const photoName = (n: number) => new RegExp(`^images/${escapeRegExp(slug)}-${n}\\.(jpg|png)$`);
    expect([...files.keys()]).toEqual(expect.arrayContaining([`${slug}.md`, expect.stringMatching(photoName(1)), expect.stringMatching(photoName(2))]));
    expect(files.size).toBe(3);
    const markdown = files.get(`${slug}.md`)!.toString('utf8');
    expect(markdown).toContain(`## ${story.subhead}`);
    expect(markdown).toMatch(/!\[[^\]]*\]\(images\/[^)\s]+-1\.(jpg|png)\)/);
    await expect(page.getByText(app.text('article.downloaded', { file: `${slug}.zip` }))).toHaveCount(1);
    // Nothing went to the export folder.
    expect(existsSync(join(home, 'Documents', 'Dateline Exports'))).toBe(false);

    // Library search finds it by a body-only phrase (two Chinese characters, or an English word) and by tag.
    await app.backToLibrary();
    await app.search(story.bodyQuery);
    await expect(app.libraryRow(story.headline)).toBeVisible();
    await app.search(story.language === 'en' ? 'zebra' : '熊猫');
    await expect(app.libraryRow(story.headline)).toHaveCount(0);
    await app.search('');
    await page.getByRole('combobox', { name: app.text('library.filter.tag') }).selectOption(story.tags[1]!);
    await expect(app.libraryRow(story.headline)).toBeVisible();
    await expect(app.libraryRow(story.headline)).toContainText(story.section);
    await expect(app.libraryRow(story.headline)).toContainText(story.bylines[0]!.name);
  });
}
