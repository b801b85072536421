// Runs in: vitest (node). The Markdown export: front matter a site generator reads back exactly,
// and a body whose text can never turn into markup.
import { describe, expect, it } from 'vitest';
import type { DocNode } from '../article';
import { fullArticle, link, makeArticle, paragraph, PHOTO_A, text } from '../../tests/fixtures/sample-article';
import { articleToMarkdown } from './article-to-markdown';

const mediaSrc = (id: string) => `images/${id}`;
const bodyOf = (...content: DocNode[]) => articleToMarkdown(makeArticle({ body: { type: 'doc', content } }), { mediaSrc }).split('---\n\n')[1];

/** Reads the simple `key: <JSON value>` lines this exporter writes. */
function frontMatterOf(markdown: string): Record<string, unknown> {
  const [, block] = /^---\n([\s\S]*?)\n---\n/.exec(markdown) ?? [];
  const values: Record<string, unknown> = {};
  for (const line of (block ?? '').split('\n')) {
    const match = /^(\w+): (.*)$/.exec(line);
    if (match?.[1] && match[2] !== undefined) values[match[1]] = JSON.parse(match[2]);
  }
  return values;
}

describe('articleToMarkdown', () => {
  it('exports a Chinese wire story with front matter and every block type', () => {
    const markdown = articleToMarkdown(fullArticle(), { mediaSrc });
    expect(markdown).toBe(`---
title: "国务院：今年GDP增长5.2%"
subtitle: "经济运行总体平稳"
slug: "国务院-今年gdp增长5-2"
section: "财经"
tags: ["经济", "GDP"]
bylines:
  - name: "张三"
    role: "记者"
  - name: "Jane Doe"
    role: ""
source: "新华社"
publisher: "李四"
dateline: "北京"
planned: "2026-11-25T09:30:00+08:00"
language: "zh-CN"
summary: "国家统计局今天发布数据。"
---

![发布会现场](images/${PHOTO_A})

*11月25日，发布会现场。 — 新华社记者 王五 摄*

新华社北京11月25日电（记者张三）今天，**国务院**发布*数据*。

## Key numbers

Read the [full report](https://www.stats.gov.cn/report), <ins>underlined</ins> and ~~struck~~.

### Details

- first point
- second point
  - nested point

3. third
4. fourth

> “稳中有进。”
>
> — a spokesperson

---

line one  
line two

![Chart](images/${'b'.repeat(64)}.png)

*Graphic: Desk*
`);
  });

  it("never exports the editor's internal note", () => {
    expect(articleToMarkdown(fullArticle(), { mediaSrc })).not.toContain('INTERNAL');
  });

  it('quotes front matter so markup, colons, quotes and newlines stay literal', () => {
    const headline = '*not bold*: "quoted" #tag\n---\nkey: value';
    const markdown = articleToMarkdown(makeArticle({ headline, summary: 'a\u2028b\u0085c', meta: { tags: ['x", "y'], plannedAt: null } }), { mediaSrc });
    const front = frontMatterOf(markdown);
    expect(front.title).toBe(headline);
    expect(front.summary).toBe('a\u2028b\u0085c');
    expect(front.tags).toEqual(['x", "y']);
    expect(front.planned).toBeNull();
    expect(markdown).toContain('summary: "a\\u2028b\\u0085c"');
    expect(markdown.split('\n').filter((line) => line === '---')).toHaveLength(2);
  });

  it('escapes text that looks like Markdown so it stays text', () => {
    expect(bodyOf(paragraph(text('*not bold* _nor this_ [a](b) <b>x</b> `code` ~~no~~ a|b &amp;')))).toBe(
      '\\*not bold\\* \\_nor this\\_ \\[a\\](b) \\<b\\>x\\</b\\> \\`code\\` \\~\\~no\\~\\~ a\\|b \\&amp;\n',
    );
  });

  it('escapes line starts that would open a heading, quote, list or rule', () => {
    expect(bodyOf(paragraph(text('# not a heading')))).toBe('\\# not a heading\n');
    expect(bodyOf(paragraph(text('> not a quote')))).toBe('\\> not a quote\n');
    expect(bodyOf(paragraph(text('- not a list')))).toBe('\\- not a list\n');
    expect(bodyOf(paragraph(text('2026. A year')))).toBe('2026\\. A year\n');
    expect(bodyOf(paragraph(text('first'), { type: 'hardBreak' }, text('+ second')))).toBe('first  \n\\+ second\n');
  });

  it('does not escape Chinese text or fullwidth punctuation, and keeps a fullwidth indent', () => {
    expect(bodyOf(paragraph(text('　　新华社北京电（记者张三）：“稳中有进。”《人民日报》')))).toBe(
      '　　新华社北京电（记者张三）：“稳中有进。”《人民日报》\n',
    );
  });

  it('falls back to HTML tags where CommonMark would not close bold next to CJK punctuation', () => {
    // "**“引号”**文字" does not render bold in CommonMark: the closing ** follows punctuation and precedes a letter.
    expect(bodyOf(paragraph(text('“引号”', 'bold'), text('文字')))).toBe('<strong>“引号”</strong>文字\n');
    expect(bodyOf(paragraph(text('他说'), text('重要', 'bold'), text('的话')))).toBe('他说**重要**的话\n');
  });

  it('moves spaces outside emphasis and keeps adjacent styles from merging', () => {
    expect(bodyOf(paragraph(text('bold ', 'bold'), text('plain')))).toBe('**bold** plain\n');
    expect(bodyOf(paragraph(text('a', 'bold'), text('b', 'italic')))).toBe('<strong>a</strong>*b*\n');
  });

  it('writes links only for allowed targets, and escapes parentheses in them', () => {
    expect(bodyOf(paragraph(text('report', link('https://example.com/a_(b)'))))).toBe('[report](https://example.com/a_\\(b\\))\n');
    expect(bodyOf(paragraph(text('bad', link('javascript:alert(1)'))))).toBe('bad\n');
  });

  it('escapes a trailing # in a heading so it is not read as a closing sequence', () => {
    expect(bodyOf({ type: 'heading', attrs: { level: 2 }, content: [text('C# tips ##')] })).toBe('## C# tips \\##\n');
    expect(bodyOf({ type: 'heading', attrs: { level: 3 }, content: [text('#')] })).toBe('### \\#\n');
  });

  it('leaves line starts alone that cannot open a block', () => {
    expect(bodyOf(paragraph(text('3.5 million people')))).toBe('3.5 million people\n');
    expect(bodyOf(paragraph(text('#hashtag -minus +plus')))).toBe('#hashtag -minus +plus\n');
    expect(bodyOf(paragraph(text('a'), { type: 'hardBreak' }, text('===')))).toBe('a  \n\\===\n');
  });

  it('keeps two lists of the same kind apart', () => {
    const list = { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph(text('x'))] }] };
    expect(bodyOf(list, list)).toBe('- x\n\n<!-- -->\n\n- x\n');
  });
});
