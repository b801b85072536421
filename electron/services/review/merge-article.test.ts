// Runs in: vitest (node). Merging what a writer typed with the hub's newer version: each side's own
// changes are kept, fields and blocks both changed keep the hub's and add the writer's as suggestions.
import { describe, expect, it } from 'vitest';
import type { Article, DocNode } from '../../../common/article';
import { getSchema } from '@tiptap/core';
import { Node as PmNode } from '@tiptap/pm/model';
import { createEditorExtensions } from '../../../common/editor/editor-extensions';
import { bodySchemaProblem } from '../../../common/editor/editor-schema';
import { rejectPendingSuggestions } from '../../../common/editor/pending-suggestions';
import { SUGGESTION_DELETE, SUGGESTION_INSERT } from '../../../common/editor/suggestion-marks';
import { makeArticle, paragraph, text, figure, PHOTO_A } from '../../../tests/fixtures/sample-article';
import { mergeArticle } from './merge-article';

const SUGGESTION = { id: 'merge-1', authorId: 'li-na', authorName: 'Li Na', at: '2026-12-07T10:00:00.000Z' };
/** The first passage's suggestion: each passage gets its own id. */
const PASSAGE_1 = { ...SUGGESTION, id: 'merge-1-1' };
const para = (value: string): DocNode => paragraph(text(value));
const withBody = (article: Article, ...blocks: DocNode[]): Article => ({ ...article, body: { type: 'doc', content: blocks } });
const texts = (article: Article): string[] => (article.body.content ?? []).map((b) => (b.content ?? []).map((t) => t.text ?? '').join(''));
const suggested = (article: Article): string[] =>
  (article.body.content ?? []).filter((b) => (b.content ?? []).some((t) => t.marks?.some((m) => m.type === SUGGESTION_INSERT))).map((b) => (b.content ?? []).map((t) => t.text).join(''));

const base = withBody(makeArticle({ revision: 4, headline: 'Ferry delayed', meta: { tags: ['transport', 'weather'], section: 'City' } }), para('One.'), para('Two.'), para('Three.'), para('Four.'));

describe('mergeArticle', () => {
  it("keeps the writer's new paragraphs and the desk's edits elsewhere, with nothing marked", () => {
    const local = withBody(base, para('One.'), para('Two.'), para('Three.'), para('Four.'), para('Five, added by the writer.'));
    const hub = withBody({ ...base, revision: 5, status: 'changes_requested' }, para('One, edited by the desk.'), para('Two.'), para('Three.'), para('Four.'));
    const merge = mergeArticle(base, local, hub, SUGGESTION);
    expect(texts(merge.article)).toEqual(['One, edited by the desk.', 'Two.', 'Three.', 'Four.', 'Five, added by the writer.']);
    expect(merge.summary.blocksBothChanged).toBe(0);
    expect(suggested(merge.article)).toEqual([]);
    // The hub's identity and workflow state: the merge is saved on top of the hub's version.
    expect(merge.article.status).toBe('changes_requested');
    expect(merge.article.revision).toBe(5);
  });

  it('takes deletions from either side, and the same change made on both sides once', () => {
    const six = withBody(base, para('One.'), para('Two.'), para('Three.'), para('Four.'), para('Five.'), para('Six.'));
    const local = withBody(base, para('One.'), para('Three.'), para('Four, fixed.'), para('Five.'), para('Six.'));
    const hub = withBody(base, para('One.'), para('Two.'), para('Three.'), para('Four, fixed.'), para('Five.'));
    const merge = mergeArticle(six, local, hub, SUGGESTION);
    expect(texts(merge.article)).toEqual(['One.', 'Three.', 'Four, fixed.', 'Five.']);
    expect(merge.summary.blocksBothChanged).toBe(0);
  });

  it("keeps the desk's version of a paragraph both changed, and the writer's after it as a suggested insertion", () => {
    const local = withBody(base, para('One.'), para('Two, as the writer has it.'), para('Three.'), para('Four.'));
    const hub = withBody(base, para('One.'), para('Two, as the desk has it.'), para('Three.'), para('Four.'));
    const merge = mergeArticle(base, local, hub, SUGGESTION);
    expect(texts(merge.article)).toEqual(['One.', 'Two, as the desk has it.', 'Two, as the writer has it.', 'Three.', 'Four.']);
    expect(suggested(merge.article)).toEqual(['Two, as the writer has it.']);
    expect(merge.summary.blocksBothChanged).toBe(1);
    const mark = merge.article.body.content![2]!.content![0]!.marks!.find((m) => m.type === SUGGESTION_INSERT);
    expect(mark?.attrs).toEqual(PASSAGE_1);
  });

  it('keeps edits of neighbouring paragraphs apart, and settles a run both changed paragraph by paragraph', () => {
    const local = withBody(base, para('One.'), para('Two, by the writer.'), para('Three.'), para('Four.'));
    const hub = withBody(base, para('One, by the desk.'), para('Two.'), para('Three.'), para('Four.'));
    const apart = mergeArticle(base, local, hub, SUGGESTION);
    expect(texts(apart.article)).toEqual(['One, by the desk.', 'Two, by the writer.', 'Three.', 'Four.']);
    expect(apart.summary.blocksBothChanged).toBe(0);
    // The desk changed Two and Three, the writer Two and Four: only Two is both sides'.
    const runHere = withBody(base, para('One.'), para('Two, by the writer.'), para('Three.'), para('Four, by the writer.'));
    const runThere = withBody(base, para('One.'), para('Two, by the desk.'), para('Three, by the desk.'), para('Four.'));
    const run = mergeArticle(base, runHere, runThere, SUGGESTION);
    expect(texts(run.article)).toEqual(['One.', 'Two, by the desk.', 'Two, by the writer.', 'Three, by the desk.', 'Four, by the writer.']);
    expect(suggested(run.article)).toEqual(['Two, by the writer.']);
    expect(run.summary.blocksBothChanged).toBe(1);
  });

  it('adds as suggestions only what the writer wrote in a run both changed, not base paragraphs the writer kept', () => {
    const local = withBody(base, para('One.'), para('Two.'), para('Between, by the writer.'), para('Three.'), para('Four.'));
    const hub = withBody(base, para('One.'), para('Two and three, joined by the desk.'), para('Four.'));
    const merge = mergeArticle(base, local, hub, SUGGESTION);
    expect(texts(merge.article)).toEqual(['One.', 'Two and three, joined by the desk.', 'Between, by the writer.', 'Four.']);
    expect(suggested(merge.article)).toEqual(['Between, by the writer.']);
  });

  it('merges a long body changed at both ends here and in the middle by the desk', () => {
    const n = 12_001;
    const long = withBody(base, ...Array.from({ length: n }, (_, i) => para(`P${i}.`)));
    const local = withBody(base, ...Array.from({ length: n }, (_, i) => para(i === 0 || i === n - 1 ? `P${i}, here.` : `P${i}.`)));
    const hub = withBody(base, ...Array.from({ length: n }, (_, i) => para(i === 5 ? `P${i}, by the desk.` : `P${i}.`)));
    const merge = mergeArticle(long, local, hub, SUGGESTION);
    expect(merge.summary.blocksBothChanged).toBe(0);
    expect(texts(merge.article).filter((t) => t.includes(','))).toEqual(['P0, here.', 'P5, by the desk.', `P${n - 1}, here.`]);
  });

  it('does not pair paragraphs by position when a run was not replaced one for one', () => {
    const three = withBody(base, para('P1.'), para('P2.'), para('P3.'));
    // Here P1 was deleted and N added; the desk rewrote all three.
    const local = withBody(base, para('P2.'), para('N, by the writer.'), para('P3.'));
    const hub = withBody(base, para('Q1.'), para('Q2.'), para('Q3.'));
    const merge = mergeArticle(three, local, hub, SUGGESTION);
    expect(texts(merge.article)).toEqual(['Q1.', 'Q2.', 'Q3.', 'N, by the writer.']);
    expect(suggested(merge.article)).toEqual(['N, by the writer.']);
    expect(merge.summary.blocksBothChanged).toBe(1);
  });

  it('keeps the desk\'s photo where both changed it, and says so, rather than a second copy', () => {
    const photo = figure(PHOTO_A, { alt: 'The ferry', caption: 'The ferry' });
    const withPhoto = withBody(base, para('One.'), photo);
    const local = withBody(base, para('One.'), figure(PHOTO_A, { alt: 'The ferry at the pier', caption: 'The ferry' }));
    const hub = withBody(base, para('One.'), figure(PHOTO_A, { alt: 'The ferry', caption: 'The ferry, at dawn' }));
    const merge = mergeArticle(withPhoto, local, hub, SUGGESTION);
    expect(merge.article.body.content).toEqual(hub.body.content);
    expect(merge.summary).toMatchObject({ blocksBothChanged: 0, blocksKeptFromHub: 1 });
  });

  it('keeps the desk\'s edit of a paragraph deleted here, and counts it as kept from the hub', () => {
    const local = withBody(base, para('One.'), para('Three.'), para('Four.'));
    const hub = withBody(base, para('One.'), para('Two, edited.'), para('Three.'), para('Four.'));
    const merge = mergeArticle(base, local, hub, SUGGESTION);
    expect(texts(merge.article)).toEqual(['One.', 'Two, edited.', 'Three.', 'Four.']);
    expect(merge.summary).toMatchObject({ blocksBothChanged: 0, blocksKeptFromHub: 1 });
  });

  it('names the tags when the desk\'s and the writer\'s together are more than an article may have', () => {
    const hubTags = Array.from({ length: 100 }, (_, i) => `tag${i}`);
    const merge = mergeArticle(base, { ...base, meta: { ...base.meta, tags: [...base.meta.tags, 'fog'] } }, { ...base, meta: { ...base.meta, tags: hubTags } }, SUGGESTION);
    expect(merge.article.meta.tags).toHaveLength(100);
    expect(merge.summary.fieldsFromHub).toEqual(['meta.tags']);
  });

  it('keeps a paragraph the writer edited and the desk deleted, as a suggestion; keeps formatting and other suggestions', () => {
    const bold = paragraph(text('Two, '), text('now bold', 'bold'), text(' and ', { type: SUGGESTION_INSERT, attrs: { id: 's9', authorId: 'sam', authorName: 'Sam', at: '2026-12-07T09:00:00.000Z' } }));
    const local = withBody(base, para('One.'), bold, para('Three.'), para('Four.'));
    const hub = withBody(base, para('One.'), para('Three.'), para('Four.'));
    const merge = mergeArticle(base, local, hub, SUGGESTION);
    expect(texts(merge.article)).toEqual(['One.', 'Two, now bold and ', 'Three.', 'Four.']);
    const [plain, strong, others] = merge.article.body.content![1]!.content!;
    expect(plain!.marks).toEqual([{ type: SUGGESTION_INSERT, attrs: PASSAGE_1 }]);
    expect(strong!.marks).toEqual([{ type: 'bold' }, { type: SUGGESTION_INSERT, attrs: PASSAGE_1 }]);
    // Text already under someone's suggestion keeps that one, not two at once.
    expect(others!.marks).toEqual([{ type: SUGGESTION_INSERT, attrs: { id: 's9', authorId: 'sam', authorName: 'Sam', at: '2026-12-07T09:00:00.000Z' } }]);
  });

  it("marks text under someone's deletion as the writer's insertion too, so rejecting the merged paragraph takes all of it", () => {
    const struck = { type: SUGGESTION_DELETE, attrs: { id: 's7', authorId: 'sam', authorName: 'Sam', at: '2026-12-07T09:00:00.000Z' } };
    const local = withBody(base, paragraph(text('One, '), text('struck by the desk', struck), text(' and rewritten.')), para('Two.'), para('Three.'), para('Four.'));
    const hub = withBody(base, para('One, from the desk.'), para('Two.'), para('Three.'), para('Four.'));
    const merge = mergeArticle(base, local, hub, SUGGESTION);
    expect(texts(merge.article)).toEqual(['One, from the desk.', 'One, struck by the desk and rewritten.', 'Two.', 'Three.', 'Four.']);
    expect(merge.article.body.content![1]!.content![1]!.marks).toEqual([{ type: SUGGESTION_INSERT, attrs: PASSAGE_1 }, struck]);
    expect(bodySchemaProblem(merge.article.body)).toBeNull();
    // In the order the editor saves marks, so the editor's next save does not make the paragraph look changed.
    const schema = getSchema(createEditorExtensions());
    expect(PmNode.fromJSON(schema, merge.article.body).toJSON()).toEqual(merge.article.body);
    // Rejected (as every serializer writes it), the writer's paragraph is gone, not a fragment of it.
    expect(texts({ ...merge.article, body: rejectPendingSuggestions(merge.article.body) })).toEqual(['One, from the desk.', 'Two.', 'Three.', 'Four.']);
  });

  it('merges a list both changed item by item, and makes each passage its own suggestion', () => {
    const list = (...items: string[]): DocNode => ({ type: 'bulletList', content: items.map((item) => ({ type: 'listItem', content: [para(item)] })) });
    const was = withBody(base, para('One.'), list('Roads', 'Schools', 'Parks'), para('Two.'));
    const local = withBody(base, para('One, as the writer has it.'), list('Roads $5m', 'Schools', 'Parks'), para('Two.'));
    const hub = withBody(base, para('One, from the desk.'), list('Roads and bridges', 'Schools', 'Parks, too'), para('Two.'));
    const merge = mergeArticle(was, local, hub, SUGGESTION);
    const items = merge.article.body.content![2]!.content!.map((item) => texts({ ...base, body: { type: 'doc', content: item.content } }).join(''));
    // Only the item both changed follows the desk's, as the writer's suggestion; the desk's other edit stands.
    expect(items).toEqual(['Roads and bridges', 'Roads $5m', 'Schools', 'Parks, too']);
    expect(merge.summary).toMatchObject({ blocksBothChanged: 2, blocksKeptFromHub: 0 });
    const ids = new Set<string>();
    JSON.stringify(merge.article.body, (key, value: unknown) => {
      if (key === 'attrs' && (value as { id?: string } | null)?.id?.startsWith('merge-1')) ids.add((value as { id: string }).id);
      return value;
    });
    expect(ids).toEqual(new Set(['merge-1-1', 'merge-1-2']));
    expect(bodySchemaProblem(merge.article.body)).toBeNull();
    // Rejected, the writer's item is gone entirely.
    expect(rejectPendingSuggestions(merge.article.body).content!.find((b) => b.type === 'bulletList')!.content).toHaveLength(3);
  });

  it('keeps a photo each side added, at its own place', () => {
    const photo = figure(PHOTO_A, { alt: 'The ferry', caption: 'The ferry at the pier' });
    const local = withBody(base, para('One.'), photo, para('Two.'), para('Three.'), para('Four.'));
    const hub = withBody(base, para('One.'), para('Two.'), para('Three.'), para('Four.'), para('Five, from the desk.'));
    const merge = mergeArticle(base, local, hub, SUGGESTION);
    expect(merge.article.body.content).toEqual([para('One.'), photo, para('Two.'), para('Three.'), para('Four.'), para('Five, from the desk.')]);
  });

  it("merges fields: each side's own change, the desk's where both changed, tags as sets", () => {
    const local = { ...base, headline: 'Ferry delayed by fog', summary: 'Fog closed the harbour.', meta: { ...base.meta, tags: ['transport', 'fog'], section: 'Metro', slug: 'ferry-fog', slugEdited: true } };
    const hub = { ...base, headline: 'Ferries delayed', meta: { ...base.meta, tags: ['transport', 'weather', 'harbour'], section: 'News', dateline: 'HONG KONG' } };
    const merge = mergeArticle(base, local, hub, SUGGESTION);
    expect(merge.article.headline).toBe('Ferries delayed');
    expect(merge.article.summary).toBe('Fog closed the harbour.');
    expect(merge.article.meta.section).toBe('News');
    expect(merge.article.meta.dateline).toBe('HONG KONG');
    expect(merge.article.meta).toMatchObject({ slug: 'ferry-fog', slugEdited: true });
    expect(merge.article.meta.tags).toEqual(['transport', 'harbour', 'fog']);
    expect(merge.summary.fieldsFromHub).toEqual(['headline', 'meta.section']);
  });

  it('reads blocks the same whatever order their keys were written in', () => {
    const reordered: DocNode = { content: [{ text: 'Two.', type: 'text' }], type: 'paragraph' };
    const hub = withBody(base, para('One.'), reordered, para('Three.'), para('Four, edited.'));
    const local = withBody(base, para('Zero.'), para('One.'), para('Two.'), para('Three.'), para('Four.'));
    const merge = mergeArticle(base, local, hub, SUGGESTION);
    expect(texts(merge.article)).toEqual(['Zero.', 'One.', 'Two.', 'Three.', 'Four, edited.']);
    expect(merge.summary.blocksBothChanged).toBe(0);
  });

  it('never leaves the body without a block', () => {
    const local = withBody(base);
    const hub = withBody(base, para('One.'), para('Two.'), para('Three.'), para('Four.'));
    expect(mergeArticle(base, local, hub, SUGGESTION).article.body.content).toEqual([paragraph()]);
  });

  it('gives a merge back when it is merged again with the same hub version (a merge cut short is done again the same)', () => {
    const two = withBody(base, para('A.'), para('B.'));
    const cases: [Article, Article, Article][] = [
      [two, withBody(base, para('A.'), para('New, by the writer.'), para('B.')), withBody(base, para('A.'), para('B, by the desk.'))],
      [two, withBody(base, para('A, by the writer.'), para('B.')), withBody(base, para('A.'), para('B, by the desk.'))],
      [two, withBody(base, para('A.'), para('B, by the writer.')), withBody(base, para('A.'), para('B, by the desk.'))],
      [base, withBody(base, para('One.'), para('Three.'), para('Four.'), para('Five.')), withBody(base, para('One.'), para('Two, edited.'), para('Three.'), para('Four.'))],
    ];
    for (const [from, local, hub] of cases) {
      const once = mergeArticle(from, local, hub, SUGGESTION).article;
      expect(mergeArticle(from, once, hub, SUGGESTION).article.body).toEqual(once.body);
    }
  });

  it("lets the desk's deletion stand where the writer made the desk's other change too", () => {
    const two = withBody(base, para('B.'), para('C.'));
    const merge = mergeArticle(two, withBody(base, para('B, fixed.'), para('C.')), withBody(base, para('B, fixed.')), SUGGESTION);
    expect(texts(merge.article)).toEqual(['B, fixed.']);
    expect(merge.summary).toMatchObject({ blocksBothChanged: 0, blocksKeptFromHub: 0 });
  });

  it('names the headline, not the slug that follows it, when both changed the headline', () => {
    const local = { ...base, headline: 'Ferry delayed by fog', meta: { ...base.meta, slug: 'ferry-delayed-by-fog' } };
    const hub = { ...base, headline: 'Ferries delayed', meta: { ...base.meta, slug: 'ferries-delayed' } };
    expect(mergeArticle(base, local, hub, SUGGESTION).summary.fieldsFromHub).toEqual(['headline']);
    const edited = { ...local, meta: { ...local.meta, slugEdited: true } };
    expect(mergeArticle(base, edited, hub, SUGGESTION).summary.fieldsFromHub).toEqual(['headline', 'meta.slug']);
  });
});

