// @vitest-environment happy-dom
// Runs in: tests (happy-dom). An editor reads a reporter's changes in English and Chinese: words
// in <ins>/<del>, the changed details, folded unchanged stretches that open on click, and a plain
// "no changes" when nothing moved.
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Article, DocNode } from '../../../common/article';
import { diffArticles } from '../../../common/workflow/article-diff';
import { PHOTO_A, PHOTO_B, figure, makeArticle, paragraph, text } from '../../../tests/fixtures/sample-article';
import { SUGGESTED_BODY } from '../../../tests/fixtures/suggested-body';
import { useI18nStore } from '../../i18n/i18n-store';
import { DiffView } from './diff-view';

const BASE = 'since you last saw it (revision 3)';
const withBody = (...content: DocNode[]): Article => makeArticle({ body: { type: 'doc', content } });
const p = (value: string): DocNode => paragraph(text(value));

/** Text a sighted reader sees: the screen-reader-only prefixes left out. */
function visibleText(element: Element): string {
  const copy = element.cloneNode(true) as Element;
  copy.querySelectorAll('.visually-hidden').forEach((hidden) => hidden.remove());
  return copy.textContent ?? '';
}
const texts = (container: Element, selector: string): string[] => [...container.querySelectorAll(selector)].map(visibleText);

afterEach(() => {
  cleanup();
  useI18nStore.getState().setLocale('en');
});

describe('DiffView', () => {
  it('shows pending suggestions apart from the changes, dashed, and says what each is and whose, in English and Chinese', () => {
    const reporter = withBody(paragraph(text('The council approved the '), text('budget', 'bold'), text('.')), p('市议会周二通过预算。'));
    const diff = diffArticles(reporter, makeArticle({ body: SUGGESTED_BODY }));
    render(<DiffView diff={diff} baseLabel={BASE} />);
    const region = screen.getByRole('region', { name: `Changes ${BASE}` });
    expect(texts(region, '.diff-pending--insert')).toEqual(['narrowly ', '昨天']);
    expect(texts(region, '.diff-pending--delete')).toEqual(['周二']);
    expect(texts(region, '.diff-pending--format')).toEqual(['budget']);
    // The deletion is still text of this version (no <del>); the insertion is also new since the base (<ins>).
    expect(region.querySelector('.diff-pending--delete')?.closest('del')).toBeNull();
    expect(region.querySelector('.diff-pending--insert')?.closest('ins')).not.toBeNull();
    const deletion = region.querySelector('.diff-pending--delete');
    expect(deletion?.getAttribute('title')).toBe('Suggested deletion by Sam Editor, not yet accepted');
    expect(deletion?.textContent).toBe('Suggested deletion by Sam Editor, not yet accepted: 周二');
    cleanup();
    useI18nStore.getState().setLocale('zh-CN');
    render(<DiffView diff={diff} baseLabel={BASE} />);
    expect(document.querySelector('.diff-pending--insert')?.textContent).toBe('Sam Editor建议插入，尚未接受：narrowly ');
  });

  it('marks English insertions and deletions inside the rendered article', () => {
    const diff = diffArticles(
      withBody(p('The cat sat on the mat.'), p('Rates rose sharply today.')),
      withBody(p('The black cat sat on the mat.'), p('Rates rose today.')),
    );
    render(<DiffView diff={diff} baseLabel={BASE} />);
    const region = screen.getByRole('region', { name: `Changes ${BASE}` });
    expect(texts(region, 'ins')).toEqual(['black ']);
    expect(texts(region, 'del')).toEqual(['sharply ']);
    expect(region.querySelector('ins')?.textContent).toBe('inserted: black ');
    expect(visibleText(region.querySelector('p.diff-block-change') as Element)).toBe('The black cat sat on the mat.');
    expect(screen.getByText('6 characters inserted, 8 characters deleted in 2 blocks')).toBeTruthy();
  });

  it('marks Chinese character changes and speaks Chinese', () => {
    useI18nStore.getState().setLocale('zh-CN');
    const diff = diffArticles(
      withBody(p('北京今天下雨。')),
      makeArticle({ body: { type: 'doc', content: [p('北京明天下雪。')] }, meta: { section: '要闻' } }),
    );
    render(<DiffView diff={diff} baseLabel="自你上次查看以来（第 3 版）" />);
    const region = screen.getByRole('region', { name: '自你上次查看以来（第 3 版）的改动' });
    const body = within(region).getByRole('group', { name: '标出改动的正文' });
    expect(texts(body, 'ins')).toEqual(['明', '雪']);
    expect(texts(body, 'del')).toEqual(['今', '雨']);
    expect(body.querySelector('del')?.textContent).toBe('删除： 今');
    expect(screen.getByText('插入 2 个字符，删除 2 个字符，共改动 1 处；1 项稿件信息有改动')).toBeTruthy();
    const details = screen.getByRole('heading', { name: '元数据变更' }).closest('section') as HTMLElement;
    expect(visibleText(within(details).getByRole('listitem'))).toBe('栏目：（空） → 要闻');
  });

  it('lists changed details: tags added and removed, section, planned time and headline', () => {
    const before = makeArticle({
      headline: 'Storm hits Beijing',
      meta: { section: 'News', tags: ['weather', 'beijing'], plannedAt: null },
    });
    const after = makeArticle({
      headline: 'Storm hits Tianjin',
      meta: { section: 'Metro', tags: ['weather', 'tianjin', 'storm'], plannedAt: '2026-11-25T10:00:00+08:00' },
    });
    render(<DiffView diff={diffArticles(before, after)} baseLabel={BASE} />);
    const details = screen.getByRole('heading', { name: 'Metadata changes' }).closest('section') as HTMLElement;
    const items = within(details).getAllByRole('listitem').map(visibleText);
    expect(items[0]).toBe('Headline: Storm hits BeijingTianjin');
    expect(items[1]).toBe('Section: News → Metro');
    expect(items[2]).toBe('Tags: added: tianjin, storm; removed: beijing');
    expect(items[3]).toMatch(/^Planned publish time: \(not planned\) → .*2026/);
    expect(texts(details, 'li:nth-child(3) ins')).toEqual(['tianjin, storm']);
    expect(texts(details, 'li:nth-child(3) del')).toEqual(['beijing']);
    expect(screen.getByText('Body text unchanged; 4 details changed')).toBeTruthy();
  });

  it('folds long unchanged stretches and opens them on click', () => {
    const paragraphs = Array.from({ length: 50 }, (_, i) => p(`Paragraph number ${i}.`));
    const edited = [...paragraphs];
    edited[25] = p('Paragraph number 25, revised.');
    render(<DiffView diff={diffArticles(withBody(...paragraphs), withBody(...edited))} baseLabel={BASE} />);

    // One block of context on each side of the change, the rest folded.
    expect(screen.getByText('Paragraph number 24.')).toBeTruthy();
    expect(screen.getByText('Paragraph number 26.')).toBeTruthy();
    expect(screen.queryByText('Paragraph number 3.')).toBeNull();
    const before = screen.getByRole('button', { name: 'Show 24 unchanged paragraphs' });
    expect(before.textContent).toBe('… 24 unchanged paragraphs …');
    expect(screen.getByRole('button', { name: 'Show 23 unchanged paragraphs' })).toBeTruthy();

    fireEvent.click(before);
    expect(screen.getByText('Paragraph number 3.')).toBeTruthy();
    expect(document.activeElement?.textContent).toBe('Paragraph number 0.');
    expect(screen.queryByRole('button', { name: 'Show 24 unchanged paragraphs' })).toBeNull();
    expect(screen.queryByText('Paragraph number 40.')).toBeNull();
  });

  it('says there are no changes, with the article folded away', () => {
    const article = withBody(p('one'), p('two'), p('three'));
    render(<DiffView diff={diffArticles(article, article)} baseLabel={BASE} />);
    expect(screen.getByText(`No changes ${BASE}.`)).toBeTruthy();
    expect(document.querySelector('ins, del')).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Metadata changes' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Show 3 unchanged paragraphs' }));
    expect(screen.getByText('two')).toBeTruthy();
  });

  it('renders headings, numbered lists, quotes, photos and formatting changes', () => {
    const ordered = (...items: string[]): DocNode => ({
      type: 'orderedList',
      attrs: { start: 1 },
      content: items.map((item) => ({ type: 'listItem', content: [p(item)] })),
    });
    const before = withBody(
      { type: 'heading', attrs: { level: 2 }, content: [text('Key numbers')] },
      ordered('first', 'third'),
      { type: 'blockquote', content: [p('Steady progress.')] },
      figure(PHOTO_A, { caption: '发布会现场。', credit: 'Photo: Wang' }),
      paragraph(text('The minister resigned.')),
    );
    const after = withBody(
      { type: 'heading', attrs: { level: 3 }, content: [text('Key numbers')] },
      ordered('first', 'second', 'third'),
      { type: 'blockquote', content: [p('Steady, real progress.')] },
      figure(PHOTO_B, { caption: '新照片。', lead: true }),
      paragraph(text('The minister '), text('resigned', 'bold'), text('.')),
    );
    const { container } = render(<DiffView diff={diffArticles(before, after)} baseLabel={BASE} />);

    expect(screen.getByRole('heading', { level: 3, name: 'Key numbers' })).toBeTruthy();
    expect(screen.getByText('Was: heading 2')).toBeTruthy();
    const items = [...container.querySelectorAll('ol > li')];
    expect(items.map((li) => [li.getAttribute('value'), visibleText(li)])).toEqual([
      ['1', 'first'],
      ['2', 'second'],
      ['3', 'third'],
    ]);
    expect(items[1]?.className).toBe('diff-item-insert');
    expect(texts(container, 'blockquote ins')).toEqual([', real ']);
    expect(texts(container, 'blockquote del')).toEqual([' ']);
    const figures = [...container.querySelectorAll('figure')];
    expect(figures.map((f) => f.className)).toEqual(['diff-block diff-block-delete diff-figure', 'diff-block diff-block-insert diff-figure']);
    expect(visibleText(figures[0] as Element)).toBe('Photo发布会现场。Credit: Photo: Wang');
    expect(visibleText(figures[1] as Element)).toBe('PhotoLead photo新照片。');
    const restyled = container.querySelector('.diff-format') as HTMLElement;
    expect(restyled.title).toBe('Formatting changed (was: plain text)');
    expect(restyled.querySelector('strong')?.textContent).toBe('resigned');
  });

  it('shows markup typed into an article as text, never as HTML', () => {
    const diff = diffArticles(withBody(p('safe')), withBody(p('safe <img src=x onerror="alert(1)">')));
    const { container } = render(<DiffView diff={diff} baseLabel={BASE} />);
    expect(container.querySelector('img')).toBeNull();
    expect(texts(container, 'ins').join('')).toBe(' <img src=x onerror="alert(1)">');
  });
});
