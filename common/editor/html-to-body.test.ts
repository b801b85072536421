// Runs in: vitest (node, no DOM). HTML becomes a body by the editor schema's own parse rules over
// the parsed tree of html-dom.ts, and comes out as the JSON Dateline stores.
import { getSchema, Node as TipTapNode } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { link, paragraph, PHOTO_A, text } from '../../tests/fixtures/sample-article';
import type { DocNode } from '../article';
import { createEditorExtensions } from './editor-extensions';
import { bodySchemaProblem } from './editor-schema';
import { parseHtmlDom } from './html-dom';
import { domToBody } from './html-to-body';

const doc = (...content: DocNode[]): DocNode => ({ type: 'doc', content });
const read = (html: string) => domToBody(parseHtmlDom(html));

describe('HTML to a body by the schema\'s parse rules', () => {
  it('reads what the editor holds and stores it as Dateline does: no default attributes, a link first among the marks', () => {
    const body = read(
      [
        '<h2>Harbour reopens</h2>',
        '<p>plain <strong>bold</strong> <a href="https://example.com/a"><strong>linked bold</strong></a><br>next line</p>',
        '<ol start="3"><li><p>three</p></li></ol><ul><li><p>dot</p></li></ul>',
        `<figure data-media-id="${PHOTO_A}" data-credit="Li Na"><img src="media/x" alt="The quay"><figcaption>At <em>dawn</em></figcaption></figure>`,
        '<blockquote><p>Quoted</p></blockquote><hr>',
      ].join(''),
    );
    expect(body).toEqual(
      doc(
        { type: 'heading', attrs: { level: 2 }, content: [text('Harbour reopens')] },
        paragraph(text('plain '), text('bold', 'bold'), text(' '), text('linked bold', link('https://example.com/a'), 'bold'), { type: 'hardBreak' }, text('next line')),
        { type: 'orderedList', attrs: { start: 3 }, content: [{ type: 'listItem', content: [paragraph(text('three'))] }] },
        { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph(text('dot'))] }] },
        { type: 'figure', attrs: { mediaId: PHOTO_A, alt: 'The quay', credit: 'Li Na', lead: false }, content: [text('At '), text('dawn', 'italic')] },
        { type: 'blockquote', content: [paragraph(text('Quoted'))] },
        { type: 'horizontalRule' },
      ),
    );
    expect(bodySchemaProblem(body)).toBeNull();
  });

  it('what the rules do not name keeps its text only: unsafe links, unknown tags, figures without a library photo', () => {
    const body = read('<p><a href="javascript:alert(1)">js</a> <mark>hl</mark> <code>c</code></p><table><tr><td>cell</td></tr></table><figure><img src="https://x.test/a.jpg"><figcaption>cap</figcaption></figure><h1>Big</h1>');
    expect(body).toEqual(doc(paragraph(text('js hl c')), paragraph(text('cell')), paragraph(text('cap')), paragraph(text('Big'))));
    expect(read('<p>a<script>alert(1)</script><style>p{}</style>b</p>')).toEqual(doc(paragraph(text('ab'))));
  });

  it('the parse rules decide: a node type added to the schema is read with no change here', () => {
    const PullQuote = TipTapNode.create({
      name: 'pullQuote',
      group: 'block',
      content: 'inline*',
      parseHTML: () => [{ tag: 'aside[data-pull]' }],
      renderHTML: () => ['aside', { 'data-pull': '' }, 0],
    });
    const html = '<aside data-pull>Pulled <em>words</em></aside><p>after</p>';
    const withPullQuote = getSchema([...createEditorExtensions(), PullQuote]);
    expect(domToBody(parseHtmlDom(html), withPullQuote)).toEqual(doc({ type: 'pullQuote', content: [text('Pulled '), text('words', 'italic')] }, paragraph(text('after'))));
    // The editor's own schema has no such node: its text stays, as a paragraph.
    expect(read(html)).toEqual(doc(paragraph(text('Pulled '), text('words', 'italic')), paragraph(text('after'))));
  });

  it('a list directly inside a list (older editors) joins the item before it, as the schema\'s list rules ask', () => {
    expect(read('<ul><li>one</li><ul><li>inner</li></ul></ul>')).toEqual(
      doc({ type: 'bulletList', content: [{ type: 'listItem', content: [paragraph(text('one')), { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph(text('inner'))] }] }] }] }),
    );
  });
});
