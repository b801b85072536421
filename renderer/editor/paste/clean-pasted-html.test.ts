// @vitest-environment happy-dom
// Runs in: tests (happy-dom, no editor view). What reporters paste from Word on Windows and macOS,
// WPS Office, Google Docs and LibreOffice, cleaned and then parsed by the editor schema the way
// a paste parses it: lists stay lists, quotes quotes, notes go to the end, links stay safe.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser as PmDOMParser } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import { editorSchema } from '../../../common/editor/editor-schema';
import { cleanPastedHtml, MAX_CLEANED_HTML } from './clean-pasted-html';
import { docOutline } from './doc-outline';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'tests', 'fixtures', 'paste');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

function parse(html: string): string[] {
  const holder = document.createElement('div');
  holder.innerHTML = html;
  return docOutline(PmDOMParser.fromSchema(editorSchema()).parse(holder));
}

const clean = (html: string) => cleanPastedHtml(html, { notesLabel: 'Notes' });

describe('pasting from Word on Windows', () => {
  it('keeps the heading, marks and link, rebuilds the nested bullet and numbered lists, the quote and the footnote', () => {
    const html = fixture('word-windows.html');
    // Today (without the cleaner) the bullets arrive as paragraphs starting "·".
    expect(parse(html)).toContainEqual(expect.stringMatching(/^·\s+New walls along the river$/));
    expect(parse(clean(html))).toEqual([
      'h2: Council approves flood budget',
      'The council voted on **Tuesday** to spend _£4 million_ on flood defences, according to the [published minutes](https://example.gov.uk/minutes/2026-11).[1]',
      '- New walls along the river',
      '  - Two kilometres in the old town',
      '- Pumps for the harbour',
      '> “We cannot wait for the next flood,” the mayor said.',
      '1. Consultation opens in January',
      '1. Work starts in the spring',
      '---',
      'h3: Notes',
      '[1] Minutes of the council meeting, 24 November 2026.',
    ]);
    expect(clean(html)).not.toMatch(/o:p|supportLists|mso-list/i);
  });
});

describe('pasting from Word on macOS', () => {
  it('reads the comment-style conditionals: lettered and roman lists nest, the intense quote is a quote, h1 becomes h2', () => {
    expect(parse(clean(fixture('word-macos.html')))).toEqual([
      'h2: Port strike enters third day',
      'Dock workers in **Rotterdam** stayed out for a _third_ day, the union said on its [website](https://union.example.nl/news).',
      '1. Wages',
      '  1. A 6% rise this year',
      '1. Night shifts',
      '> “Nobody wants this to last,” a port spokeswoman said.',
    ]);
  });
});

describe('pasting from WPS Office', () => {
  it('turns Wingdings bullets and 一、二、 numbering into lists and keeps the Chinese text, marks and link', () => {
    expect(parse(clean(fixture('wps-office.html')))).toEqual([
      'h2: **春运首日客流创新高**',
      '本报讯（记者 李伟）**铁路部门**表示，_春运首日_发送旅客1，200万人次，详见[官方公告](https://www.12306.example.cn/news/2027)。',
      '- 北京南站',
      '- 上海虹桥站',
      '1. 提前购票',
      '1. 错峰出行',
      // WPS writes the quote style's italic into the text itself.
      '> _“今年回家更方便了。”一位旅客说。_',
    ]);
  });
});

describe('pasting from Google Docs', () => {
  it('drops the bold wrapper, unwraps the redirect links, and drops a redirect to an unsafe target', () => {
    const html = fixture('google-docs.html');
    const lines = parse(clean(html));
    expect(lines).toEqual([
      'h2: Rail fares to rise in March',
      'Fares will rise by **3.8%**, the _Department for Transport_ said in a [statement](https://www.gov.example/news/rail-fares-2027). A second link went nowhere safe.',
      '- Season tickets included',
      '- Railcards unchanged',
    ]);
    expect(clean(html)).not.toContain('google.com/url');
  });
});

describe('pasting from LibreOffice', () => {
  it('keeps its lists and quote, and moves the footnote to the notes', () => {
    expect(parse(clean(fixture('libreoffice.html')))).toEqual([
      'h2: Hospital waiting lists shorten',
      'Waiting lists fell for the **fourth** month, _NHS figures_ show, according to a [report](https://stats.example.org/waiting).[1]',
      '- Hip operations',
      '  - Down 12%',
      '- Cataracts',
      '> “The trend is real,” a consultant said.',
      '---',
      'h3: Notes',
      '[1] Monthly figures, October 2026.',
    ]);
  });
});

describe('the cleaner', () => {
  it('keeps the text after a list marker whose endif never comes', () => {
    const html = `<p class=MsoNormal style='mso-list:l0 level1 lfo1'><![if !supportLists]>·&nbsp;Item</p>${'<p class=MsoNormal><![if !supportLists]>x</p>'.repeat(2000)}<p class=MsoNormal>The rest</p>`;
    const lines = parse(clean(html));
    expect(lines.filter((line) => line === 'x')).toHaveLength(2000);
    expect(lines[lines.length - 1]).toBe('The rest');
  });

  it('leaves ordinary HTML alone and hands oversized clipboards on untouched', () => {
    const plain = '<p>Just <b>text</b></p>';
    expect(clean(plain)).toBe(plain);
    const huge = `<p class=MsoNormal>${'x'.repeat(MAX_CLEANED_HTML)}</p>`;
    expect(clean(huge)).toBe(huge);
  });
});
