// Runs in: vitest (node). The diff shows suggestions still waiting in the text apart from the
// changes between versions: each segment says whether it is a pending insertion, deletion or
// formatting change and whose; a block that only gained suggestions counts as changed.
import { describe, expect, it } from 'vitest';
import { makeArticle, paragraph, text } from '../../tests/fixtures/sample-article';
import { SUGGESTED_BODY } from '../../tests/fixtures/suggested-body';
import type { Article, DocNode } from '../article';
import { diffArticles, type DiffSegment } from './article-diff';

const withBody = (...content: DocNode[]): Article => makeArticle({ body: { type: 'doc', content } });
const seg = (s: DiffSegment): string => `${{ equal: '=', insert: '+', delete: '-', format: '~' }[s.op]}${s.text}${s.pending ? `{${s.pending.kind} by ${s.pending.by}}` : ''}`;

describe('pending suggestions in the diff', () => {
  it('are marked on the desk’s version, apart from what changed', () => {
    const reporter = withBody(paragraph(text('The council approved the '), text('budget', 'bold'), text('.')), paragraph(text('市议会周二通过预算。')));
    const desk = makeArticle({ body: SUGGESTED_BODY });
    const [first, second] = diffArticles(reporter, desk).blocks;
    expect(first?.segments.map(seg)).toEqual(['=The council ', '+narrowly {insert by Sam Editor}', '=approved the ', '~budget{format by Sam Editor}', '=.']);
    expect(second?.segments.map(seg)).toEqual(['=市议会', '=周二{delete by Sam Editor}', '+昨天{insert by Sam Editor}', '=通过预算。']);
    expect(first?.segments.find((s) => s.op === 'format')?.marks).toEqual(['italic']);
  });

  it('a paragraph that only gained a suggested deletion is a changed block, not folded away as the same', () => {
    const by = { id: 's1', authorId: 'sam editor', authorName: 'Sam Editor', at: '2026-12-07T02:00:00.000Z' };
    const before = withBody(paragraph(text('Rates rose today.')));
    const after = withBody(paragraph(text('Rates rose '), text('today', { type: 'suggestionDelete', attrs: by }), text('.')));
    const diff = diffArticles(before, after);
    expect(diff.blocks.map((b) => b.op)).toEqual(['change']);
    expect(diff.blocks[0]?.segments.map(seg)).toEqual(['=Rates rose ', '=today{delete by Sam Editor}', '=.']);
    expect(diff.stats.insertedChars + diff.stats.deletedChars).toBe(0);
  });
});
