// Runs in: vitest (node). The body a reporter wrote arrives in WordPress as the block editor's own
// markup, and nothing typed into the story can smuggle a tag, handler or block comment into it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { articleMetaSchema, type Article, type DocNode } from '../article';
import { figure, fullArticle, link, paragraph, PHOTO_A, PHOTO_B, text } from '../../tests/fixtures/sample-article';
import { bodyToGutenberg, bylineBlock, serializeBlockAttributes, type GutenbergMedia } from './body-to-gutenberg';

const UPLOADED: Record<string, GutenbergMedia> = {
  [PHOTO_A]: { id: 41, url: 'https://news.example.com/wp-content/uploads/2026/11/a.jpg' },
  [PHOTO_B]: { id: 42, url: 'https://news.example.com/wp-content/uploads/2026/11/b.png' },
};
const media = (id: string) => UPLOADED[id] ?? null;

describe('body to Gutenberg blocks', () => {
  it('turns the full Chinese wire story into the block editor’s exact markup', () => {
    expect(bodyToGutenberg(fullArticle().body, { media })).toBe(
      [
        '<!-- wp:image {"id":41,"sizeSlug":"large","linkDestination":"none"} -->',
        '<figure class="wp-block-image size-large"><img src="https://news.example.com/wp-content/uploads/2026/11/a.jpg" alt="发布会现场" class="wp-image-41"/><figcaption class="wp-element-caption">11月25日，发布会现场。 <span class="dateline-credit">新华社记者 王五 摄</span></figcaption></figure>',
        '<!-- /wp:image -->',
        '',
        '<!-- wp:paragraph -->',
        '<p>新华社北京11月25日电（记者张三）今天，<strong>国务院</strong>发布<em>数据</em>。</p>',
        '<!-- /wp:paragraph -->',
        '',
        '<!-- wp:heading -->',
        '<h2 class="wp-block-heading">Key numbers</h2>',
        '<!-- /wp:heading -->',
        '',
        '<!-- wp:paragraph -->',
        '<p>Read the <a href="https://www.stats.gov.cn/report" rel="noopener noreferrer nofollow">full report</a>, <u>underlined</u> and <s>struck</s>.</p>',
        '<!-- /wp:paragraph -->',
        '',
        '<!-- wp:heading {"level":3} -->',
        '<h3 class="wp-block-heading">Details</h3>',
        '<!-- /wp:heading -->',
        '',
        '<!-- wp:list -->',
        '<ul class="wp-block-list"><!-- wp:list-item -->',
        '<li>first point</li>',
        '<!-- /wp:list-item -->',
        '',
        '<!-- wp:list-item -->',
        '<li>second point<!-- wp:list -->',
        '<ul class="wp-block-list"><!-- wp:list-item -->',
        '<li>nested point</li>',
        '<!-- /wp:list-item --></ul>',
        '<!-- /wp:list --></li>',
        '<!-- /wp:list-item --></ul>',
        '<!-- /wp:list -->',
        '',
        '<!-- wp:list {"ordered":true,"start":3} -->',
        '<ol start="3" class="wp-block-list"><!-- wp:list-item -->',
        '<li>third</li>',
        '<!-- /wp:list-item -->',
        '',
        '<!-- wp:list-item -->',
        '<li>fourth</li>',
        '<!-- /wp:list-item --></ol>',
        '<!-- /wp:list -->',
        '',
        '<!-- wp:quote -->',
        '<blockquote class="wp-block-quote"><!-- wp:paragraph -->',
        '<p>“稳中有进。”</p>',
        '<!-- /wp:paragraph -->',
        '',
        '<!-- wp:paragraph -->',
        '<p>— a spokesperson</p>',
        '<!-- /wp:paragraph --></blockquote>',
        '<!-- /wp:quote -->',
        '',
        '<!-- wp:separator -->',
        '<hr class="wp-block-separator has-alpha-channel-opacity"/>',
        '<!-- /wp:separator -->',
        '',
        '<!-- wp:paragraph -->',
        '<p>line one<br>line two</p>',
        '<!-- /wp:paragraph -->',
        '',
        '<!-- wp:image {"id":42,"sizeSlug":"large","linkDestination":"none"} -->',
        '<figure class="wp-block-image size-large"><img src="https://news.example.com/wp-content/uploads/2026/11/b.png" alt="Chart" class="wp-image-42"/><figcaption class="wp-element-caption"><span class="dateline-credit">Graphic: Desk</span></figcaption></figure>',
        '<!-- /wp:image -->',
      ].join('\n'),
    );
  });

  it('leaves out the lead photo when it is the featured image, and photos that were not uploaded', () => {
    const body = fullArticle().body;
    const markup = bodyToGutenberg(body, { media: (id) => (id === PHOTO_B ? (UPLOADED[PHOTO_B] ?? null) : null) });
    expect(markup).not.toContain('wp-image-41');
    expect(markup).toContain('wp-image-42');
    const withoutLead = bodyToGutenberg(body, { media, omitLead: true });
    expect(withoutLead).not.toContain('wp-image-41');
    expect(withoutLead.startsWith('<!-- wp:paragraph -->')).toBe(true);
  });

  it('refuses attachment URLs that are not http(s) and ids that are not attachment ids', () => {
    const body: DocNode = { type: 'doc', content: [figure(PHOTO_A, { alt: 'a' })] };
    expect(bodyToGutenberg(body, { media: () => ({ id: 1, url: 'javascript:alert(1)' }) })).toBe('');
    expect(bodyToGutenberg(body, { media: () => ({ id: -1, url: 'https://x.test/a.jpg' }) })).toBe('');
  });

  it('drops empty paragraphs and keeps a list item’s second paragraph on a new line', () => {
    const body: DocNode = {
      type: 'doc',
      content: [paragraph(), { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph(text('a')), paragraph(text('b'))] }] }],
    };
    expect(bodyToGutenberg(body, { media })).toBe(
      '<!-- wp:list -->\n<ul class="wp-block-list"><!-- wp:list-item -->\n<li>a<br>b</li>\n<!-- /wp:list-item --></ul>\n<!-- /wp:list -->',
    );
  });

  it('escapes block attributes so a value cannot end the comment, open a tag or break the JSON', () => {
    const json = serializeBlockAttributes({ className: '--><script>"&x\\' });
    expect(json).toBe('{"className":"\\u002d\\u002d\\u003e\\u003cscript\\u003e\\u0022\\u0026x\\\\"}');
    expect(JSON.parse(json)).toEqual({ className: '--><script>"&x\\' });
  });
});

const PAYLOADS = readFileSync(fileURLToPath(new URL('../../tests/fixtures/xss/payloads.txt', import.meta.url)), 'utf8')
  .split('\n')
  .filter((line) => line.length > 0);

const ALLOWED_ELEMENTS = new Set('html head body p h2 h3 ul ol li blockquote hr figure img figcaption span a strong em s u br'.split(' '));
const ALLOWED_ATTRIBUTES = new Set('class href rel src alt start'.split(' '));
const BLOCK_COMMENT = /^ \/?wp:[a-z-]+(?: \{[^<>]*\})? $/;

describe('XSS corpus through the Gutenberg serializer', () => {
  it('has the whole corpus', () => {
    expect(PAYLOADS.length).toBeGreaterThan(6000);
  });

  it('keeps every payload in text, caption, credit, alt and link as inert text', () => {
    const window = new Window({ settings: { disableJavaScriptFileLoading: true, disableCSSFileLoading: true, disableIframePageLoading: true } });
    const failures: string[] = [];
    for (const payload of PAYLOADS) {
      const body: DocNode = {
        type: 'doc',
        content: [
          paragraph(text(payload), text('linked', link(payload)), text(payload, 'bold', link(`https://example.com/?q=${payload}`))),
          figure(PHOTO_A, { alt: payload, credit: payload, caption: payload }),
          { type: 'heading', attrs: { level: payload }, content: [text(payload)] },
          { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph(text(payload))] }] },
          { type: payload, attrs: { onload: payload }, content: [text(payload)] },
        ],
      };
      const markup = bodyToGutenberg(body, { media });
      window.document.body.innerHTML = markup;
      const problems: string[] = [];
      for (const element of window.document.body.querySelectorAll('*')) {
        const tag = element.tagName.toLowerCase();
        if (!ALLOWED_ELEMENTS.has(tag)) problems.push(`<${tag}>`);
        for (const attr of element.getAttributeNames()) {
          if (!ALLOWED_ATTRIBUTES.has(attr.toLowerCase())) problems.push(`${tag}[${attr}]`);
        }
        const href = element.getAttribute('href');
        if (href !== null && !/^(https?:|mailto:)/i.test(href)) problems.push(`href=${href}`);
      }
      const walker = window.document.createTreeWalker(window.document.body, 128 /* SHOW_COMMENT */);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const data = (node as unknown as { data: string }).data;
        if (!BLOCK_COMMENT.test(data)) problems.push(`<!--${data}-->`);
      }
      if (problems.length > 0 && failures.length < 10) failures.push(`${JSON.stringify(payload)}: ${problems.join(', ')}`);
    }
    window.close();
    expect(failures).toEqual([]);
  });
});

describe('bylineBlock', () => {
  const meta = (over: Partial<Article['meta']>) => ({ meta: { ...articleMetaSchema.parse({}), ...over } });

  it('puts the reporters and the dateline first in the post, in the article language', () => {
    expect(bylineBlock(meta({ bylines: [{ name: 'Jane Doe', role: 'Staff reporter' }, { name: 'Sam Lee', role: '' }], dateline: 'SPRINGFIELD' }))).toBe(
      '<!-- wp:paragraph {"className":"dateline-byline"} -->\n<p class="dateline-byline">By Jane Doe (Staff reporter), Sam Lee · SPRINGFIELD</p>\n<!-- /wp:paragraph -->',
    );
    expect(bylineBlock(meta({ language: 'zh-CN', bylines: [{ name: '张伟', role: '本报记者' }, { name: '李娜', role: '' }], dateline: '北京' }))).toContain(
      '作者 张伟（本报记者）、李娜 · 北京',
    );
  });

  it('escapes names and writes nothing when there is no byline or dateline', () => {
    expect(bylineBlock(meta({ bylines: [{ name: '<img src=x onerror=alert(1)>', role: '' }] }))).not.toContain('<img');
    expect(bylineBlock(meta({}))).toBe('');
  });
});
