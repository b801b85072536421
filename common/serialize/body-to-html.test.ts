// Runs in: vitest (node). The body as HTML: what the editor schema allows comes out as fixed tags,
// everything else is reduced to escaped text.
import { describe, expect, it } from 'vitest';
import type { DocNode } from '../article';
import { figure, link, paragraph, PHOTO_A, PHOTO_B, text } from '../../tests/fixtures/sample-article';
import { bodyToHtml } from './body-to-html';

const mediaSrc = (id: string) => `images/${id}`;
const doc = (...content: DocNode[]): DocNode => ({ type: 'doc', content });

describe('bodyToHtml', () => {
  it('renders paragraphs, headings, lists, quotes, rules and breaks', () => {
    const html = bodyToHtml(
      doc(
        { type: 'heading', attrs: { level: 2 }, content: [text('Two')] },
        { type: 'heading', attrs: { level: 3 }, content: [text('Three')] },
        { type: 'orderedList', attrs: { start: 5 }, content: [{ type: 'listItem', content: [paragraph(text('five'))] }] },
        { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph(text('dot'))] }] },
        { type: 'blockquote', content: [paragraph(text('quoted'))] },
        { type: 'horizontalRule' },
        paragraph(text('a'), { type: 'hardBreak' }, text('b')),
      ),
      { mediaSrc },
    );
    expect(html).toBe(
      [
        '<h2>Two</h2>',
        '<h3>Three</h3>',
        '<ol start="5">\n<li><p>five</p></li>\n</ol>',
        '<ul>\n<li><p>dot</p></li>\n</ul>',
        '<blockquote>\n<p>quoted</p>\n</blockquote>',
        '<hr>',
        '<p>a<br>b</p>',
      ].join('\n'),
    );
  });

  it('keeps a headline-level heading out of the body: level 1 becomes h2, level 6 becomes h3', () => {
    expect(bodyToHtml(doc({ type: 'heading', attrs: { level: 1 }, content: [text('x')] }), { mediaSrc })).toBe('<h2>x</h2>');
    expect(bodyToHtml(doc({ type: 'heading', attrs: { level: 6 }, content: [text('x')] }), { mediaSrc })).toBe('<h3>x</h3>');
  });

  it('nests marks properly and lets one link span differently styled text', () => {
    const href = link('https://example.com/a?b=1&c=2');
    const html = bodyToHtml(doc(paragraph(text('plain ', href), text('bold', href, 'bold'), text(' tail'))), { mediaSrc });
    expect(html).toBe(
      '<p><a href="https://example.com/a?b=1&amp;c=2" rel="noopener noreferrer nofollow">plain <strong>bold</strong></a> tail</p>',
    );
  });

  it('drops a javascript: link but keeps its text', () => {
    const html = bodyToHtml(doc(paragraph(text('click me', link('javascript:alert(1)')))), { mediaSrc });
    expect(html).toBe('<p>click me</p>');
  });

  it('ignores unknown marks and reduces unknown nodes to escaped text', () => {
    const html = bodyToHtml(
      doc(
        paragraph(text('x', { type: 'textStyle', attrs: { style: 'color:red' } })),
        { type: 'iframe', attrs: { src: 'https://evil.example' }, content: [text('<b>inner</b>')] },
        { type: 'codeBlock', content: [] },
      ),
      { mediaSrc },
    );
    expect(html).toBe('<p>x</p>\n<p>&lt;b&gt;inner&lt;/b&gt;</p>');
  });

  it('prints the credit as the newsroom of the article writes it when told the language', () => {
    const html = bodyToHtml(doc(figure(PHOTO_A, { alt: 'a', credit: '张三', caption: '说明' }), figure(PHOTO_B, { alt: 'b', credit: '管委会供图', caption: '' })), { mediaSrc, language: 'zh-CN' });
    expect(html).toContain('<span class="dl-credit">摄影：张三</span>');
    expect(html).toContain('<span class="dl-credit">管委会供图</span>');
  });

  it('renders a figure with caption and credit, marking the lead photo', () => {
    const html = bodyToHtml(doc(figure(PHOTO_A, { alt: 'A "quote"', credit: 'AP', caption: 'Crowds <gather>', lead: true })), { mediaSrc });
    expect(html).toBe(
      `<figure class="dl-figure dl-lead"><img src="images/${PHOTO_A}" alt="A &quot;quote&quot;"><figcaption>Crowds &lt;gather&gt; <span class="dl-credit">AP</span></figcaption></figure>`,
    );
  });

  it('drops a figure whose media id is not a library photo, without asking for its source', () => {
    const asked: string[] = [];
    const html = bodyToHtml(doc(figure('../../etc/passwd'), figure('x" onerror="alert(1)')), {
      mediaSrc: (id) => {
        asked.push(id);
        return id;
      },
    });
    expect(html).toBe('');
    expect(asked).toEqual([]);
  });

  it('drops a figure whose source is not an image URL it can trust', () => {
    for (const src of ['javascript:alert(1)', 'data:text/html;base64,PHNjcmlwdD4=', '//evil.example/x.jpg', 'file:///etc/passwd']) {
      expect(bodyToHtml(doc(figure(PHOTO_A)), { mediaSrc: () => src }), src).toBe('');
    }
    expect(bodyToHtml(doc(figure(PHOTO_A)), { mediaSrc: () => 'data:image/png;base64,iVBORw0KGgo=' })).toContain(
      'src="data:image/png;base64,iVBORw0KGgo="',
    );
  });

  it('leaves out empty paragraphs and empty lists', () => {
    expect(bodyToHtml(doc(paragraph(), { type: 'bulletList', content: [] }, paragraph(text('kept'))), { mediaSrc })).toBe('<p>kept</p>');
  });

  it('survives absurdly deep nesting without overflowing the stack', () => {
    let node: DocNode = paragraph(text('deep'));
    for (let i = 0; i < 5000; i++) node = { type: 'blockquote', content: [node] };
    expect(() => bodyToHtml(doc(node), { mediaSrc })).not.toThrow();
  });
});
