// Runs in: tests (node). A conflict shows the server's post as text: markup, scripts and entities never reach the DOM as HTML.
import { describe, expect, it } from 'vitest';
import { decodeEntities, htmlToText } from './html-to-text';

describe('remote HTML as text', () => {
  it('an editor compares a Gutenberg post: block comments go, paragraphs become lines', () => {
    const html = '<!-- wp:paragraph -->\n<p>Flood closes <strong>bridge</strong></p>\n<!-- /wp:paragraph -->\n<!-- wp:paragraph --><p>Second&nbsp;line</p><!-- /wp:paragraph -->';
    expect(htmlToText(html)).toBe('Flood closes bridge\nSecond line');
  });

  it('scripts, styles and event handlers are dropped, not shown or run', () => {
    const html = '<p>Hi</p><script>alert(1)</script><style>p{}</style><img src=x onerror="alert(2)"><p>there</p>';
    expect(htmlToText(html)).toBe('Hi\nthere');
  });

  it('escaped markup in the post stays visible text', () => {
    expect(htmlToText('<p>&lt;b&gt;bold&lt;/b&gt; &amp;lt;</p>')).toBe('<b>bold</b> &lt;');
  });

  it('numeric references decode, invalid ones become the replacement character', () => {
    expect(decodeEntities('&#20013;&#x6587; &#0; &#xD800; &unknown;')).toBe('中文 \ufffd \ufffd &unknown;');
  });
});
