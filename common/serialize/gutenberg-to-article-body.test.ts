// Runs in: vitest (node). A post's content comes back into Dateline as a body of the editor schema:
// what Dateline itself wrote round-trips exactly, and what other people wrote in WordPress (block or
// classic editor) keeps its structure, marks, links and photos, and nothing unsafe.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { getSchema } from '@tiptap/core';
import { Node as PmNode } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import { figure, fullArticle, link, makeArticle, paragraph, PHOTO_A, PHOTO_B, text } from '../../tests/fixtures/sample-article';
import type { DocNode } from '../article';
import { createEditorExtensions } from '../editor/editor-extensions';
import { bodySchemaProblem } from '../editor/editor-schema';
import { isAllowedLinkHref } from '../editor/link-policy';
import { bodyToGutenberg, bylineBlock, classedParagraphBlock, type GutenbergMedia } from './body-to-gutenberg';
import { gutenbergImages, gutenbergToArticleBody, htmlToPlainText, MAX_HTML_CHARS, type GutenbergImage } from './gutenberg-to-article-body';

const schema = getSchema(createEditorExtensions());

const UPLOADED: Record<string, GutenbergMedia> = {
  [PHOTO_A]: { id: 41, url: 'https://news.example.com/wp-content/uploads/2026/11/a.jpg' },
  [PHOTO_B]: { id: 42, url: 'https://news.example.com/wp-content/uploads/2026/11/b.png' },
};
const media = (id: string) => UPLOADED[id] ?? null;
const BY_ATTACHMENT: Record<number, string> = { 41: PHOTO_A, 42: PHOTO_B };
/** Resolves images the way the hub does: by attachment id, the featured one as the lead. */
const resolve = (featured: number | null) => (image: GutenbergImage) => {
  const mediaId = image.attachmentId === null ? undefined : BY_ATTACHMENT[image.attachmentId];
  return mediaId ? { mediaId, lead: image.attachmentId === featured } : null;
};

/** Throws unless the body is a valid document of the editor schema. */
function checkSchema(doc: DocNode): PmNode {
  const node = PmNode.fromJSON(schema, doc);
  node.check();
  return node;
}

function roundTrip(body: DocNode, featured: number | null = null): DocNode {
  return gutenbergToArticleBody(bodyToGutenberg(body, { media }), { image: resolve(featured) });
}

const doc = (...content: DocNode[]): DocNode => ({ type: 'doc', content });

describe('Dateline’s own Gutenberg markup round-trips', () => {
  it('the full Chinese wire story (every block, every mark, two photos) comes back equal', () => {
    const body = fullArticle().body;
    const back = roundTrip(body, 41);
    expect(back).toEqual(body);
    expect(checkSchema(back).eq(checkSchema(body))).toBe(true);
  });

  it('the byline block Dateline puts first is not part of the body', () => {
    const article = fullArticle();
    const html = `${bylineBlock(article)}\n\n${bodyToGutenberg(article.body, { media })}`;
    expect(html).toContain('dateline-byline');
    expect(gutenbergToArticleBody(html, { image: resolve(41) })).toEqual(article.body);
  });

  it('the lines a publish adds around the body (subheadline, lead caption, source, editor) are not part of it', () => {
    const article = fullArticle();
    const lines = ['dateline-subheadline', 'dateline-lead-caption'].map((name) => classedParagraphBlock(name, `${name} 行`));
    const closing = ['dateline-source', 'dateline-responsible-editor'].map((name) => classedParagraphBlock(name, `${name} 行`));
    const html = [...lines, bylineBlock(article), bodyToGutenberg(article.body, { media }), ...closing].join('\n\n');
    expect(gutenbergToArticleBody(html, { image: resolve(41) })).toEqual(article.body);
  });

  it('keeps characters HTML and JSON treat specially: backslashes, quotes, ampersands, angle brackets, emoji, Chinese', () => {
    const tricky = 'C:\\path\\to "quoted" & \'single\' <b>not bold</b> `tick` 😀👩‍💻 中文 — ü';
    const body = doc(
      paragraph(text(tricky)),
      { type: 'heading', attrs: { level: 3 }, content: [text('a\\b & <c>', 'italic')] },
      paragraph(text('x '), text('y & z', link('https://example.com/?a=1&b="2"')), text(' w')),
      figure(PHOTO_A, { alt: 'alt "with" <quotes> & \\', credit: 'Credit & <Co> \\', caption: '说明 & <caption> \\ "q"' }),
    );
    expect(roundTrip(body)).toEqual(body);
  });

  it('a credit published with its newsroom label (摄影：, 来源：, Photo:) reads back as the name alone', () => {
    for (const [credit, language] of [['张三', 'zh-CN'], ['新华社', 'zh-CN'], ['Jane Doe', 'en'], ['高新区管委会供图', 'zh-CN']] as const) {
      const body = doc(figure(PHOTO_A, { alt: 'a', credit, caption: '说明' }));
      const html = bodyToGutenberg(body, { media, language });
      expect(gutenbergToArticleBody(html, { image: resolve(null) })).toEqual(body);
    }
  });

  it('nested marks and marks across a link survive', () => {
    const body = doc(
      paragraph(
        text('plain '),
        text('bold', 'bold'),
        text('bold-italic', 'bold', 'italic'),
        text('linked bold', link('https://example.com/a'), 'bold'),
        text('linked', link('https://example.com/a')),
        text(' struck underlined', 'strike', 'underline'),
      ),
    );
    const back = roundTrip(body);
    expect(checkSchema(back).eq(checkSchema(body))).toBe(true);
  });

  it('a list item of several paragraphs and an ordered list starting at 1', () => {
    const body = doc(
      { type: 'orderedList', content: [{ type: 'listItem', content: [paragraph(text('one')), paragraph(text('two'))] }] },
      { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph(text('only'))] }] },
    );
    expect(roundTrip(body)).toEqual(body);
  });

  it('an empty body comes back as the empty document', () => {
    expect(roundTrip(doc(paragraph()))).toEqual(doc(paragraph()));
    expect(gutenbergToArticleBody('')).toEqual(doc(paragraph()));
  });

  it('photos the caller cannot resolve are left out, with their captions', () => {
    const body = makeArticle({ body: doc(paragraph(text('before')), figure(PHOTO_A, { caption: 'gone' }), paragraph(text('after'))) }).body;
    const html = bodyToGutenberg(body, { media });
    expect(gutenbergToArticleBody(html, { image: () => null })).toEqual(doc(paragraph(text('before')), paragraph(text('after'))));
    expect(gutenbergImages(html)).toEqual([{ src: UPLOADED[PHOTO_A]?.url, alt: '', attachmentId: 41 }]);
  });

  it('a photo the caller leaves out with a note becomes a paragraph of that note, in its place and without its caption', () => {
    const body = makeArticle({ body: doc(paragraph(text('before')), figure(PHOTO_A, { caption: 'gone' }), paragraph(text('after'))) }).body;
    const html = bodyToGutenberg(body, { media });
    const note = '[The photo at 10.0.0.1 is not on news.example.com,\n so it was not downloaded]';
    expect(gutenbergToArticleBody(html, { image: () => ({ note }) })).toEqual(
      doc(paragraph(text('before')), paragraph(text('[The photo at 10.0.0.1 is not on news.example.com, so it was not downloaded]')), paragraph(text('after'))),
    );
    // An inline image in classic HTML is hoisted the same way; an empty note leaves nothing.
    expect(gutenbergToArticleBody('<p>one <img src="http://10.0.0.1/a.png"> two</p>', { image: () => ({ note: 'left out' }) })).toEqual(
      doc(paragraph(text('one')), paragraph(text('left out')), paragraph(text('two'))),
    );
    expect(gutenbergToArticleBody('<p>one <img src="http://10.0.0.1/a.png"> two</p>', { image: () => ({ note: '  ' }) })).toEqual(doc(paragraph(text('one')), paragraph(text('two'))));
  });
});

describe('block-editor posts written by other people', () => {
  it('reads core blocks with their styling classes, alignment and extra attributes', () => {
    const html = [
      '<!-- wp:paragraph {"align":"center","fontSize":"large"} -->',
      '<p class="has-text-align-center has-large-font-size">Mayor <strong>resigns</strong> after <em>vote</em></p>',
      '<!-- /wp:paragraph -->',
      '',
      '<!-- wp:heading {"level":1} -->',
      '<h1 class="wp-block-heading" id="top">Big title</h1>',
      '<!-- /wp:heading -->',
      '',
      '<!-- wp:heading {"level":4} -->',
      '<h4 class="wp-block-heading">Small title</h4>',
      '<!-- /wp:heading -->',
      '',
      '<!-- wp:image {"id":42,"sizeSlug":"full","linkDestination":"media"} -->',
      '<figure class="wp-block-image size-full"><a href="https://news.example.com/b.png"><img src="https://news.example.com/wp-content/uploads/b.png" alt="A chart" class="wp-image-42"/></a><figcaption class="wp-element-caption">Growth, <em>by quarter</em></figcaption></figure>',
      '<!-- /wp:image -->',
      '',
      '<!-- wp:quote -->',
      '<blockquote class="wp-block-quote"><!-- wp:paragraph -->',
      '<p>We will rebuild.</p>',
      '<!-- /wp:paragraph --><cite>The mayor</cite></blockquote>',
      '<!-- /wp:quote -->',
      '',
      '<!-- wp:more -->',
      '<!--more-->',
      '<!-- /wp:more -->',
      '',
      '<!-- wp:separator {"className":"is-style-wide"} -->',
      '<hr class="wp-block-separator has-alpha-channel-opacity is-style-wide"/>',
      '<!-- /wp:separator -->',
    ].join('\n');
    const body = gutenbergToArticleBody(html, { image: resolve(null) });
    expect(body).toEqual(
      doc(
        paragraph(text('Mayor '), text('resigns', 'bold'), text(' after '), text('vote', 'italic')),
        { type: 'heading', attrs: { level: 2 }, content: [text('Big title')] },
        { type: 'heading', attrs: { level: 3 }, content: [text('Small title')] },
        { type: 'figure', attrs: { mediaId: PHOTO_B, alt: 'A chart', credit: '', lead: false }, content: [text('Growth, '), text('by quarter', 'italic')] },
        { type: 'blockquote', content: [paragraph(text('We will rebuild.')), paragraph(text('The mayor'))] },
        { type: 'horizontalRule' },
      ),
    );
    checkSchema(body);
  });

  it('reads galleries, pull quotes, tables, embeds, columns and preformatted text as the schema allows', () => {
    const html = [
      '<!-- wp:gallery {"linkTo":"none"} -->',
      '<figure class="wp-block-gallery has-nested-images columns-default is-cropped"><!-- wp:image {"id":41} -->',
      '<figure class="wp-block-image size-large"><img src="https://x.test/a.jpg" alt="" class="wp-image-41"/></figure>',
      '<!-- /wp:image -->',
      '<!-- wp:image {"id":42} -->',
      '<figure class="wp-block-image size-large"><img src="https://x.test/b.png" alt="b" class="wp-image-42"/><figcaption>second</figcaption></figure>',
      '<!-- /wp:image --><figcaption class="blocks-gallery-caption">The gallery</figcaption></figure>',
      '<!-- /wp:gallery -->',
      '<!-- wp:pullquote -->',
      '<figure class="wp-block-pullquote"><blockquote><p>Pulled</p><cite>Someone</cite></blockquote></figure>',
      '<!-- /wp:pullquote -->',
      '<!-- wp:table -->',
      '<figure class="wp-block-table"><table><thead><tr><th>City</th><th>Rain</th></tr></thead><tbody><tr><td>Wuhan</td><td>120 mm</td></tr></tbody></table><figcaption>Rainfall</figcaption></figure>',
      '<!-- /wp:table -->',
      '<!-- wp:embed {"url":"https://www.youtube.com/watch?v=x"} -->',
      '<figure class="wp-block-embed"><div class="wp-block-embed__wrapper">',
      'https://www.youtube.com/watch?v=x',
      '</div></figure>',
      '<!-- /wp:embed -->',
      '<!-- wp:columns --><div class="wp-block-columns"><!-- wp:column --><div class="wp-block-column"><!-- wp:paragraph --><p>Left</p><!-- /wp:paragraph --></div><!-- /wp:column --><!-- wp:column --><div class="wp-block-column"><!-- wp:list --><ul><li><p>in a p</p></li><li>x<ul><li>deep</li></ul></li></ul><!-- /wp:list --></div><!-- /wp:column --></div><!-- /wp:columns -->',
      '<!-- wp:preformatted --><pre class="wp-block-preformatted">line 1\n  line 2</pre><!-- /wp:preformatted -->',
      '<!-- wp:html --><script>alert(1)</script><iframe src="https://evil.test"></iframe><p>after html</p><!-- /wp:html -->',
    ].join('\n');
    const body = gutenbergToArticleBody(html, { image: resolve(42) });
    expect(body.content).toEqual([
      { type: 'figure', attrs: { mediaId: PHOTO_A, alt: '', credit: '', lead: false } },
      { type: 'figure', attrs: { mediaId: PHOTO_B, alt: 'b', credit: '', lead: true }, content: [text('second')] },
      paragraph(text('The gallery')),
      { type: 'blockquote', content: [paragraph(text('Pulled')), paragraph(text('Someone'))] },
      paragraph(text('City | Rain')),
      paragraph(text('Wuhan | 120 mm')),
      paragraph(text('Rainfall')),
      paragraph(text('https://www.youtube.com/watch?v=x')),
      paragraph(text('Left')),
      {
        type: 'bulletList',
        content: [
          { type: 'listItem', content: [paragraph(text('in a p'))] },
          { type: 'listItem', content: [paragraph(text('x')), { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph(text('deep'))] }] }] },
        ],
      },
      paragraph(text('line 1'), { type: 'hardBreak' }, text('line 2')),
      paragraph(text('after html')),
    ]);
    checkSchema(body);
  });

  it('refuses unsafe links, resolves relative ones against the site, and drops unknown markup but keeps its text', () => {
    const html =
      '<p><a href="javascript:alert(1)">js</a> <a href="/2026/11/story/">relative</a> <a href="mailto:desk@example.com">mail</a> <span style="color:red" onclick="x()">red</span> <mark>hl</mark> <code>code</code> <sup>2</sup><a href="https://a.test"><a href="https://b.test">inner</a></a></p>';
    const body = gutenbergToArticleBody(html, { baseUrl: 'https://news.example.com/blog/' });
    expect(body).toEqual(
      doc(
        paragraph(
          text('js '),
          text('relative', link('https://news.example.com/2026/11/story/')),
          text(' '),
          text('mail', link('mailto:desk@example.com')),
          text(' red hl code 2'),
          // An <a> inside an <a> closes the outer one (the HTML standard's parser, as a browser shows it).
          text('inner', link('https://b.test')),
        ),
      ),
    );
    expect(gutenbergToArticleBody('<p><a href="/x">no base</a></p>')).toEqual(doc(paragraph(text('no base'))));
    checkSchema(body);
  });
});

describe('classic-editor posts', () => {
  it('breaks loose text into paragraphs and line breaks the way wpautop does, and reads [caption] photos', () => {
    const html = [
      'First paragraph with <strong>bold</strong>',
      'and a line break.',
      '',
      'Second &amp; last paragraph&nbsp;&hellip; &#8220;quoted&#8221; &#x4e2d;&#25991;',
      '[caption id="attachment_41" align="alignnone" width="300"]<img class="size-medium wp-image-41" src="https://x.test/a-300x200.jpg" alt="Harbour" width="300" height="200" /> The harbour at dawn[/caption]',
      '<h3>Sub</h3>',
      'After the heading',
      '<ul>',
      '\t<li>one',
      '\t<li>two</li>',
      '</ul>',
      '<p>&nbsp;</p>',
      '<p>Unclosed paragraph',
      '<p>Another <img src="https://x.test/b.png" class="alignright wp-image-42" alt=""> inline photo',
    ].join('\n');
    const body = gutenbergToArticleBody(html, { image: resolve(null) });
    expect(body).toEqual(
      doc(
        paragraph(text('First paragraph with '), text('bold', 'bold'), { type: 'hardBreak' }, text('and a line break.')),
        paragraph(text('Second & last paragraph\u00a0… “quoted” 中文')),
        { type: 'figure', attrs: { mediaId: PHOTO_A, alt: 'Harbour', credit: '', lead: false }, content: [text('The harbour at dawn')] },
        { type: 'heading', attrs: { level: 3 }, content: [text('Sub')] },
        paragraph(text('After the heading')),
        { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph(text('one'))] }, { type: 'listItem', content: [paragraph(text('two'))] }] },
        paragraph(text('Unclosed paragraph')),
        paragraph(text('Another')),
        { type: 'figure', attrs: { mediaId: PHOTO_B, alt: '', credit: '', lead: false } },
        paragraph(text('inline photo')),
      ),
    );
    checkSchema(body);
  });

  it('survives malformed markup: stray closing tags, unterminated comments and tags, bare angle brackets', () => {
    const inputs = ['</p></div>text</b> a < b > c', '<p>open <!-- never closed', '<p class="x', '<<<>>>&&&;', '<ul><li><ol><li>deep</ul>', `${'<div>'.repeat(500)}deep${'</div>'.repeat(500)}`, '<p>a<br/><br>b</p>'];
    for (const html of inputs) checkSchema(gutenbergToArticleBody(html));
    expect(gutenbergToArticleBody('</p></div>text</b> a < b > c')).toEqual(doc(paragraph(text('text a < b > c'))));
    expect(gutenbergToArticleBody('<p>a<br/><br>b</p>')).toEqual(doc(paragraph(text('a'), { type: 'hardBreak' }, { type: 'hardBreak' }, text('b'))));
  });

  it('decodes every HTML entity as a browser does, in text, attributes, titles and excerpts', () => {
    // The hand decoder knew ~70 names, no uppercase &AMP;, and read &#146; as a C1 control character.
    const html = '<p>a &rarr; b, &alpha;, it&#146;s, Q&AMP;A, &amp;amp;, &bogus;</p><p><a href="https://a.test/?x=1&amp;y=&rarr;">link</a></p>';
    expect(gutenbergToArticleBody(html)).toEqual(
      doc(paragraph(text('a → b, α, it’s, Q&A, &amp;, &bogus;')), paragraph(text('link', link('https://a.test/?x=1&y=→')))),
    );
    expect(htmlToPlainText('Tom &AMP; Jerry&#146;s &rarr; &alpha;<br>line')).toBe('Tom & Jerry’s → α line');
    expect(htmlToPlainText('A < B &amp;&gt; <script>alert(1)</script><p>two</p>')).toBe('A < B &> two');
  });

  it('bounds hostile input: oversized HTML is refused, deep nesting is cut, scripts and styles are dropped', () => {
    expect(() => gutenbergToArticleBody('x'.repeat(MAX_HTML_CHARS + 1))).toThrow(expect.objectContaining({ code: 'invalid-input' }));
    const deep = `${'<b><i>'.repeat(5_000)}deep${'</i></b>'.repeat(5_000)}<p>after</p>`;
    checkSchema(gutenbergToArticleBody(deep));
    const tags = `${'<div>'.repeat(30_000)}bottom${'</div>'.repeat(30_000)}<p>after</p>`;
    expect(gutenbergToArticleBody(tags)).toEqual(doc(paragraph(text('after'))));
    const scripted = '<p>a<script>document.title="x"</script><style>p{}</style><img src=x onerror="alert(1)">b</p><template><p>t</p></template>';
    expect(gutenbergToArticleBody(scripted)).toEqual(doc(paragraph(text('a')), paragraph(text('b'))));
  });

  it('reads block comments with WordPress’s block parser, attributes with comment-like text included', () => {
    const html =
      '<!-- wp:paragraph {"placeholder":"a \\u003c!\\u002d\\u002d b"} --><p>one</p><!-- /wp:paragraph -->\n\n<!-- wp:columns --><div class="wp-block-columns"><!-- wp:column --><div class="wp-block-column"><!-- wp:paragraph --><p>two</p><!-- /wp:paragraph --></div><!-- /wp:column --></div><!-- /wp:columns --><!-- wp:latest-posts /-->';
    expect(gutenbergToArticleBody(html)).toEqual(doc(paragraph(text('one')), paragraph(text('two'))));
  });

  it('turns every payload of the XSS corpus into a body of the editor schema with only allowed links', () => {
    const payloads = readFileSync(fileURLToPath(new URL('../../tests/fixtures/xss/payloads.txt', import.meta.url)), 'utf8').split('\n').filter((line) => line.trim().length > 0);
    expect(payloads.length).toBeGreaterThan(100);
    const hrefs = (node: DocNode): unknown[] => [...(node.marks ?? []).filter((m) => m.type === 'link').map((m) => m.attrs?.href), ...(node.content ?? []).flatMap(hrefs)];
    for (const payload of payloads) {
      for (const html of [payload, `<p>${payload}</p>`, `<figure class="wp-block-image"><img src="x" class="wp-image-41"/><figcaption>${payload}</figcaption></figure>`]) {
        const body = gutenbergToArticleBody(html, { image: resolve(null), baseUrl: 'https://news.example.com/' });
        expect(bodySchemaProblem(body), payload).toBeNull();
        for (const href of hrefs(body)) expect(isAllowedLinkHref(href), `${payload} -> ${String(href)}`).toBe(true);
      }
    }
  });
});

