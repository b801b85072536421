// Runs in: vitest (node). A reader opens the exported page: everything public is there, in the
// article's language, and nothing internal or executable is.
import { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import { fullArticle, makeArticle, PHOTO_A } from '../../tests/fixtures/sample-article';
import { articleToHtmlPage, EXPORT_PAGE_CSP } from './article-to-html-page';
import { PAGE_LABELS_EN } from './page-labels';

const window = new Window();
afterAll(() => window.happyDOM.close());

function parse(html: string): Document {
  return new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

const mediaSrc = (id: string) => `images/${id}`;

describe('articleToHtmlPage', () => {
  it('exports a Chinese story as a complete page in its language', () => {
    const html = articleToHtmlPage(fullArticle(), { mediaSrc });
    expect(html.startsWith('<!doctype html>\n<html lang="zh-CN">')).toBe(true);
    const page = parse(html);
    expect(page.querySelector('meta[charset]')?.getAttribute('charset')).toBe('utf-8');
    expect(page.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toBe(EXPORT_PAGE_CSP);
    expect(page.title).toBe('国务院：今年GDP增长5.2%');
    expect(page.querySelector('h1')?.textContent).toBe('国务院：今年GDP增长5.2%');
    expect(page.querySelector('.dl-section')?.textContent).toBe('财经');
    expect(page.querySelector('.dl-subheadline')?.textContent).toBe('经济运行总体平稳');
    expect(page.querySelector('.dl-bylines')?.textContent).toBe('作者 张三（记者）、Jane Doe');
    expect(page.querySelector('.dl-dateline')?.textContent).toBe('北京');
    expect(page.querySelector('time.dl-planned')?.getAttribute('datetime')).toBe('2026-11-25T09:30:00+08:00');
    expect(page.querySelector('time.dl-planned')?.textContent).toBe('计划发布：2026-11-25 09:30 UTC+08:00');
    expect(page.querySelector('.dl-summary')?.textContent).toBe('国家统计局今天发布数据。');
    expect([...page.querySelectorAll('.dl-tags li')].map((li) => li.textContent)).toEqual(['经济', 'GDP']);
    expect([...page.querySelectorAll('.dl-credits dd')].map((dd) => dd.textContent)).toEqual(['新华社', '李四']);
    expect(page.querySelector('style')?.textContent).toContain('"Noto Sans CJK SC"');
  });

  it('keeps the lead photo in the body, marked as the lead', () => {
    const page = parse(articleToHtmlPage(fullArticle(), { mediaSrc }));
    const figures = page.querySelectorAll('.dl-body figure');
    expect(figures.length).toBe(2);
    expect(figures[0]?.classList.contains('dl-lead')).toBe(true);
    expect(figures[0]?.querySelector('img')?.getAttribute('src')).toBe(`images/${PHOTO_A}`);
    expect(figures[1]?.classList.contains('dl-lead')).toBe(false);
  });

  it("never exports the editor's internal note", () => {
    const html = articleToHtmlPage(fullArticle(), { mediaSrc });
    expect(html).not.toContain('INTERNAL');
  });

  it('uses English labels for an English story and accepts labels from the caller', () => {
    const article = makeArticle({ meta: { bylines: [{ name: 'Jane Doe', role: 'Photos' }], tags: ['economy'] } });
    const page = parse(articleToHtmlPage(article, { mediaSrc }));
    expect(page.documentElement.getAttribute('lang')).toBe('en');
    expect(page.querySelector('.dl-bylines')?.textContent).toBe('By Jane Doe (Photos)');
    const custom = parse(articleToHtmlPage(article, { mediaSrc, labels: { ...PAGE_LABELS_EN, by: 'Von', tags: 'Schlagwörter' } }));
    expect(custom.querySelector('.dl-bylines')?.textContent).toBe('Von Jane Doe (Photos)');
    expect(custom.querySelector('.dl-tags')?.getAttribute('aria-label')).toBe('Schlagwörter');
  });

  it('leaves out empty parts and titles an untitled story', () => {
    const page = parse(articleToHtmlPage(makeArticle({ headline: '  ' }), { mediaSrc }));
    expect(page.title).toBe('Untitled');
    for (const selector of ['.dl-section', '.dl-subheadline', '.dl-meta', '.dl-summary', 'footer', 'meta[name="description"]']) {
      expect(page.querySelector(selector), selector).toBeNull();
    }
  });

  it('falls back to an undetermined language when the tag is not BCP 47', () => {
    const html = articleToHtmlPage(makeArticle({ meta: { language: 'en" onload="x' } }), { mediaSrc });
    expect(html).toContain('<html lang="und">');
  });
});
