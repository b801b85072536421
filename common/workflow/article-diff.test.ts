// Runs in: vitest (node). An editor sees exactly what a reporter changed: words and Chinese
// characters inserted and deleted, paragraphs added, removed and moved, headings, lists and
// photos, formatting, and the article's details; and a 100,000-word story compares correctly.
import { describe, expect, it } from 'vitest';
import { PHOTO_A, PHOTO_B, figure, fullArticle, makeArticle, paragraph, text } from '../../tests/fixtures/sample-article';
import type { Article, DocNode } from '../article';
import { diffArticles, type ArticleDiff, type DiffBlock, type DiffSegment } from './article-diff';

const withBody = (...content: DocNode[]): Article => makeArticle({ body: { type: 'doc', content } });
const p = (value: string): DocNode => paragraph(text(value));
const heading = (level: number, value: string): DocNode => ({ type: 'heading', attrs: { level }, content: [text(value)] });
const bullets = (...items: string[]): DocNode => ({
  type: 'bulletList',
  content: items.map((item) => ({ type: 'listItem', content: [p(item)] })),
});

/** "=The |-cat |+dog |=sat" — a compact picture of the segments. */
const picture = (segments: DiffSegment[]): string =>
  segments.map((s) => `${{ equal: '=', insert: '+', delete: '-', format: '~' }[s.op]}${s.text}`).join('|');
const ops = (diff: ArticleDiff): string => diff.blocks.map((b) => b.op).join(' ');
const changed = (diff: ArticleDiff): DiffBlock[] => diff.blocks.filter((b) => b.op !== 'same');

describe('diffArticles', () => {
  it('reports two identical articles as unchanged', () => {
    const diff = diffArticles(fullArticle(), fullArticle());
    expect(diff.fields).toEqual([]);
    expect(diff.stats).toEqual({ insertedChars: 0, deletedChars: 0, changedBlocks: 0, unchanged: true, coarse: false });
    expect(diff.blocks.every((b) => b.op === 'same')).toBe(true);
    // Every block of the body is there to render: 2 figures, 2 headings, 2 paragraphs, 5 list items, 2 quotes, a rule, a paragraph.
    expect(diff.blocks).toHaveLength(15);
  });

  it('marks an inserted English word', () => {
    const diff = diffArticles(withBody(p('The cat sat on the mat.')), withBody(p('The black cat sat on the mat.')));
    expect(ops(diff)).toBe('change');
    expect(picture(diff.blocks[0]?.segments ?? [])).toBe('=The |+black |=cat sat on the mat.');
    expect(diff.stats).toMatchObject({ insertedChars: 6, deletedChars: 0, changedBlocks: 1, unchanged: false });
  });

  it('marks a deleted and a replaced English word', () => {
    const deleted = diffArticles(withBody(p('Rates rose sharply today.')), withBody(p('Rates rose today.')));
    expect(picture(deleted.blocks[0]?.segments ?? [])).toBe('=Rates rose |-sharply |=today.');
    expect(deleted.stats.deletedChars).toBe(8);
    const replaced = diffArticles(withBody(p('The Fed raised rates by 0.25 points.')), withBody(p('The Fed cut rates by 0.5 points.')));
    expect(picture(replaced.blocks[0]?.segments ?? [])).toBe('=The Fed |-raised |+cut |=rates by 0.|-25 |+5 |=points.');
  });

  it('compares Chinese character by character', () => {
    const diff = diffArticles(withBody(p('北京今天下雨。')), withBody(p('北京明天下雪。')));
    expect(picture(diff.blocks[0]?.segments ?? [])).toBe('=北京|-今|+明|=天下|-雨|+雪|=。');
    expect(diff.stats).toMatchObject({ insertedChars: 2, deletedChars: 2, changedBlocks: 1 });
  });

  it('shows an inserted, a deleted and a moved paragraph as whole blocks', () => {
    const inserted = diffArticles(withBody(p('one'), p('three')), withBody(p('one'), p('two'), p('three')));
    expect(ops(inserted)).toBe('same insert same');
    expect(picture(inserted.blocks[1]?.segments ?? [])).toBe('+two');
    expect(inserted.stats).toMatchObject({ insertedChars: 3, changedBlocks: 1 });

    const deleted = diffArticles(withBody(p('one'), p('two'), p('three')), withBody(p('one'), p('three')));
    expect(ops(deleted)).toBe('same delete same');
    expect(picture(deleted.blocks[1]?.segments ?? [])).toBe('-two');

    const moved = diffArticles(
      withBody(p('Lead.'), p('Background paragraph.'), p('Quote from the minister.')),
      withBody(p('Lead.'), p('Quote from the minister.'), p('Background paragraph.')),
    );
    expect(changed(moved).map((b) => [b.op, b.moved, picture(b.segments)])).toEqual([
      ['delete', true, '-Background paragraph.'],
      ['insert', true, '+Background paragraph.'],
    ]);
  });

  it('pairs an edited paragraph even when a new one was inserted before it', () => {
    const diff = diffArticles(
      withBody(p('Lead.'), p('Police said the road was closed on Monday.'), p('End.')),
      withBody(p('Lead.'), p('A brand new paragraph here.'), p('Police said the road was reopened on Monday.'), p('End.')),
    );
    expect(ops(diff)).toBe('same insert change same');
    expect(picture(diff.blocks[2]?.segments ?? [])).toBe('=Police said the road was |-closed |+reopened |=on Monday.');
  });

  it('matches a word even when punctuation was typed right after it, and reports changed spacing', () => {
    const comma = diffArticles(withBody(p('Steady progress.')), withBody(p('Steady, real progress.')));
    expect(picture(comma.blocks[0]?.segments ?? [])).toBe('=Steady|- |+, real |=progress.');
    const spacing = diffArticles(withBody(p('two  spaces')), withBody(p('two spaces')));
    expect(picture(spacing.blocks[0]?.segments ?? [])).toBe('=two|-  |+ |=spaces');
    expect(spacing.stats.unchanged).toBe(false);
  });

  it('pairs a paragraph that grew, but not an unrelated rewrite', () => {
    const grew = diffArticles(withBody(p('Developing.')), withBody(p('Developing. Police closed the bridge at noon after the storm.')));
    expect(ops(grew)).toBe('change');
    expect(picture(grew.blocks[0]?.segments ?? [])).toBe('=Developing.|+ Police closed the bridge at noon after the storm.');
    const rewritten = diffArticles(
      withBody(p('Lead.'), p('The council met on Tuesday.'), p('End.')),
      withBody(p('Lead.'), p('Shares in Acme fell sharply overnight!'), p('End.')),
    );
    expect(ops(rewritten)).toBe('same delete insert same');
  });

  it('reports a heading level change with its text unchanged', () => {
    const diff = diffArticles(withBody(heading(2, 'Key numbers'), p('x')), withBody(heading(3, 'Key numbers'), p('x')));
    const [block] = changed(diff);
    expect(block).toMatchObject({ op: 'change', kind: 'heading', level: 3, shapeBefore: { kind: 'heading', level: 2 } });
    expect(picture(block?.segments ?? [])).toBe('=Key numbers');
    expect(diff.stats).toMatchObject({ insertedChars: 0, deletedChars: 0, changedBlocks: 1, unchanged: false });
  });

  it('reports a paragraph turned into a heading', () => {
    const diff = diffArticles(withBody(p('Details')), withBody(heading(2, 'Details')));
    expect(diff.blocks[0]).toMatchObject({ op: 'change', kind: 'heading', level: 2, shapeBefore: { kind: 'paragraph' } });
  });

  it('shows a list item added, numbered lists keeping their numbers', () => {
    const diff = diffArticles(withBody(bullets('first', 'second')), withBody(bullets('first', 'second', 'third')));
    expect(ops(diff)).toBe('same same insert');
    expect(diff.blocks[2]).toMatchObject({ kind: 'paragraph', containers: ['bulletList'], listItemStart: true, ordinal: 3 });
    expect(picture(diff.blocks[2]?.segments ?? [])).toBe('+third');

    const ordered = (items: string[]): DocNode => ({ ...bullets(...items), type: 'orderedList', attrs: { start: 5 } });
    const numbered = diffArticles(withBody(ordered(['a', 'c'])), withBody(ordered(['a', 'b', 'c'])));
    expect(numbered.blocks.map((b) => [b.op, b.ordinal])).toEqual([
      ['same', 5],
      ['insert', 6],
      ['same', 7],
    ]);
  });

  it('places blocks inside quotes and nested lists', () => {
    const diff = diffArticles(fullArticle(), fullArticle());
    const nested = diff.blocks.find((b) => picture(b.segments) === '=nested point');
    expect(nested).toMatchObject({ containers: ['bulletList', 'bulletList'], listItemStart: true, ordinal: 1 });
    const quote = diff.blocks.find((b) => picture(b.segments) === '=— a spokesperson');
    expect(quote).toMatchObject({ kind: 'paragraph', containers: ['blockquote'] });
    expect(quote?.listItemStart).toBeUndefined();
    const breakLine = diff.blocks.find((b) => b.segments[0]?.text.startsWith('line one'));
    expect(breakLine?.segments[0]?.text).toBe('line one\nline two');
  });

  it('diffs a figure caption and credit, and reports a replaced photo as delete + insert', () => {
    const before = withBody(figure(PHOTO_A, { caption: '发布会现场。', credit: 'Photo: Wang', alt: 'A hall' }));
    const captioned = diffArticles(before, withBody(figure(PHOTO_A, { caption: '新闻发布会现场。', credit: 'Photo: Li', alt: 'A hall', lead: true })));
    const [block] = captioned.blocks;
    expect(block).toMatchObject({ op: 'change', kind: 'figure', figure: { mediaId: PHOTO_A, lead: true, leadBefore: false } });
    expect(picture(block?.segments ?? [])).toBe('+新闻|=发布会现场。');
    expect(picture(block?.figure?.credit ?? [])).toBe('=Photo: |-Wang|+Li');
    expect(picture(block?.figure?.alt ?? [])).toBe('=A hall');

    const replaced = diffArticles(before, withBody(figure(PHOTO_B, { caption: '发布会现场。', credit: 'Photo: Wang', alt: 'A hall' })));
    expect(replaced.blocks.map((b) => [b.op, b.figure?.mediaId])).toEqual([
      ['delete', PHOTO_A],
      ['insert', PHOTO_B],
    ]);
    expect(picture(replaced.blocks[1]?.figure?.credit ?? [])).toBe('+Photo: Wang');
  });

  it('reports a formatting-only change instead of calling it equal', () => {
    const diff = diffArticles(
      withBody(paragraph(text('The minister resigned today.'))),
      withBody(paragraph(text('The minister '), text('resigned', 'bold'), text(' today.'))),
    );
    expect(diff.stats).toMatchObject({ unchanged: false, changedBlocks: 1, insertedChars: 0, deletedChars: 0 });
    expect(diff.blocks[0]?.segments).toEqual([
      { op: 'equal', text: 'The minister ' },
      { op: 'format', text: 'resigned', marks: ['bold'], marksBefore: [] },
      { op: 'equal', text: ' today.' },
    ]);

    const relinked = diffArticles(
      withBody(paragraph(text('report', { type: 'link', attrs: { href: 'https://a.example/' } }))),
      withBody(paragraph(text('report', { type: 'link', attrs: { href: 'https://b.example/' } }))),
    );
    expect(relinked.blocks[0]?.segments).toEqual([
      { op: 'format', text: 'report', marks: ['link'], href: 'https://b.example/', marksBefore: ['link'], hrefBefore: 'https://a.example/' },
    ]);
  });

  it('keeps marks on inserted and unchanged text', () => {
    const diff = diffArticles(
      withBody(paragraph(text('Read the '), text('report', 'italic'))),
      withBody(paragraph(text('Read the '), text('full ', 'bold'), text('report', 'italic'))),
    );
    expect(diff.blocks[0]?.segments).toEqual([
      { op: 'equal', text: 'Read the ' },
      { op: 'insert', text: 'full ', marks: ['bold'] },
      { op: 'equal', text: 'report', marks: ['italic'] },
    ]);
  });

  it('ignores empty paragraphs and text split differently into nodes', () => {
    const diff = diffArticles(
      withBody(p('one'), paragraph(), paragraph(text('tw'), text('o'))),
      withBody(p('one'), paragraph(text('two')), paragraph()),
    );
    expect(diff.stats.unchanged).toBe(true);
  });

  it('lists changed details: tags added and removed, section, planned time, bylines, text fields', () => {
    const before = makeArticle({
      headline: 'Storm hits Beijing',
      meta: { section: 'News', tags: ['weather', 'beijing'], plannedAt: '2026-11-25T09:30:00+08:00', bylines: [{ name: 'Li Wei', role: '' }] },
    });
    const after = makeArticle({
      headline: 'Storm hits Tianjin',
      meta: {
        section: 'Metro',
        tags: ['weather', 'tianjin', 'storm'],
        plannedAt: '2026-11-25T10:00:00+08:00',
        bylines: [
          { name: 'Li Wei', role: '' },
          { name: '张三', role: '记者' },
        ],
        editorsNote: 'Check the numbers',
      },
    });
    const diff = diffArticles(before, after);
    expect(diff.fields.map((f) => f.field)).toEqual(['headline', 'section', 'tags', 'bylines', 'plannedAt', 'editorsNote']);
    expect(diff.fields[0]).toMatchObject({ before: 'Storm hits Beijing', after: 'Storm hits Tianjin' });
    expect(picture(diff.fields[0]?.segments ?? [])).toBe('=Storm hits |-Beijing|+Tianjin');
    expect(diff.fields[1]).toEqual({ field: 'section', before: 'News', after: 'Metro' });
    expect(diff.fields[2]).toEqual({
      field: 'tags',
      before: 'weather, beijing',
      after: 'weather, tianjin, storm',
      added: ['tianjin', 'storm'],
      removed: ['beijing'],
    });
    expect(diff.fields[3]).toMatchObject({ added: ['张三 (记者)'], removed: [] });
    expect(diff.fields[4]).toEqual({ field: 'plannedAt', before: '2026-11-25T09:30:00+08:00', after: '2026-11-25T10:00:00+08:00' });
    expect(diff.stats).toMatchObject({ unchanged: false, changedBlocks: 0 });
  });

  it('treats the same planned moment written with another offset as no change, and a cleared time as a change', () => {
    const at = (plannedAt: string | null) => makeArticle({ meta: { plannedAt } });
    expect(diffArticles(at('2026-11-25T09:30:00+08:00'), at('2026-11-25T01:30:00Z')).fields).toEqual([]);
    expect(diffArticles(at('2026-11-25T09:30:00+08:00'), at(null)).fields).toEqual([
      { field: 'plannedAt', before: '2026-11-25T09:30:00+08:00', after: '' },
    ]);
  });

  it('compares a 100,000-word article with a few edits correctly', () => {
    const words = ['markets', 'rallied', 'after', 'the', 'central', 'bank', 'said', 'inflation', 'was', 'easing'];
    const paragraphText = (i: number): string =>
      i % 7 === 0
        ? `第${i}段：北京今天天气晴朗，市场表现平稳，投资者信心增强，成交量明显放大。`
        : Array.from({ length: 20 }, (_, w) => words[(i + w) % words.length]).join(' ') + ` (${i}).`;
    const count = 5_000;
    const beforeBlocks = Array.from({ length: count }, (_, i) => p(paragraphText(i)));
    const afterBlocks = [...beforeBlocks];
    afterBlocks[100] = p(paragraphText(100).replace('central bank', 'national bank'));
    afterBlocks[700] = p(paragraphText(700).replace('北京今天', '上海昨天'));
    afterBlocks.splice(3_000, 1);
    afterBlocks.splice(2_500, 0, p('A paragraph the reporter added.'));
    afterBlocks.push(heading(2, 'Update'));

    const edited100 = paragraphText(100).replace('central bank', 'national bank');
    const at100 = edited100.indexOf('national');

    const diff = diffArticles(withBody(...beforeBlocks), withBody(...afterBlocks));
    expect(diff.blocks).toHaveLength(count + 2);
    expect(diff.stats).toMatchObject({ changedBlocks: 5, coarse: false, unchanged: false });
    expect(changed(diff).map((b) => [b.op, picture(b.segments)])).toEqual([
      ['change', `=${edited100.slice(0, at100)}|-central |+national |=${edited100.slice(at100 + 'national '.length)}`],
      ['change', `=第700段：|-北京今|+上海昨|=天天气晴朗，市场表现平稳，投资者信心增强，成交量明显放大。`],
      ['insert', '+A paragraph the reporter added.'],
      ['delete', `-${paragraphText(3_000)}`],
      ['insert', '+Update'],
    ]);
    expect(diff.blocks.filter((b) => b.op !== 'delete').map((b) => b.segments.map((s) => (s.op === 'delete' ? '' : s.text)).join(''))).toEqual(
      afterBlocks.map((block) => block.content?.map((node) => node.text).join('')),
    );
  });

  it('compares one 100,000-word paragraph with a word changed in the middle', () => {
    const long = Array.from({ length: 100_000 }, (_, i) => `w${i % 977}`).join(' ');
    const edited = long.replace(' w500 w501 ', ' w500 CHANGED w501 ').replace(/^w0 /, 'Opening ');
    const diff = diffArticles(withBody(p(long)), withBody(p(edited)));
    const segments = diff.blocks[0]?.segments ?? [];
    expect(segments.map((s) => s.op)).toEqual(['delete', 'insert', 'equal', 'insert', 'equal']);
    expect(segments[0]?.text).toBe('w0 ');
    expect(segments[1]?.text).toBe('Opening ');
    expect(segments[3]?.text).toBe('CHANGED ');
    expect(diff.stats).toMatchObject({ insertedChars: 16, deletedChars: 3, coarse: false });
  });

  it('falls back to whole blocks for a rewrite too large to align, without losing text', () => {
    const before = withBody(...Array.from({ length: 3_000 }, (_, i) => p(`old paragraph ${i}`)));
    const after = withBody(...Array.from({ length: 3_000 }, (_, i) => p(`new paragraph ${i}`)));
    const diff = diffArticles(before, after);
    expect(diff.stats.coarse).toBe(true);
    expect(diff.blocks.filter((b) => b.op === 'delete')).toHaveLength(3_000);
    expect(diff.blocks.filter((b) => b.op === 'insert')).toHaveLength(3_000);
    expect(diff.blocks[3_000]?.segments).toEqual([{ op: 'insert', text: 'new paragraph 0' }]);
  });
});
