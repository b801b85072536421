// Runs in: vitest (node). An editor comments on passages of a story and leaves general notes; the
// reporter edits, replies and resolves; comments follow their text or survive its deletion.
import { getSchema } from '@tiptap/core';
import { Node as PmNode } from '@tiptap/pm/model';
import { EditorState } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import { fullArticle, paragraph, text } from '../../tests/fixtures/sample-article';
import type { DocNode } from '../article';
import { createEditorExtensions } from '../editor/editor-extensions';
import { indexDocText, quoteAt } from './doc-text-index';
import type { NewsroomProfile } from './newsroom-profile';
import {
  addComment,
  reanchor,
  reanchorAll,
  reopenComment,
  replyTo,
  resolveComment,
  reviewCommentsSchema,
  type ReviewComment,
} from './review-comment';

const schema = getSchema(createEditorExtensions());
const EDITOR: NewsroomProfile = { name: 'Wang Fang', role: 'editor' };
const REPORTER: NewsroomProfile = { name: 'Li Wei', role: 'reporter' };
const AT = '2026-11-25T10:00:00+08:00';

/** How the renderer captures a quote: the same text the index holds. */
const leafText = (leaf: PmNode) => (leaf.type.name === 'hardBreak' ? '\n' : '');
const quoteInEditor = (doc: PmNode, from: number, to: number) => doc.textBetween(from, to, '\n', leafText);

const STORY: DocNode = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [text('Rates rise')] },
    paragraph(text('The central bank raised rates on Tuesday.'), { type: 'hardBreak' }, text('Markets fell.')),
    paragraph(text('Analysts said rates could rise again.')),
  ],
};

/** The editor selects `quote` (its nth occurrence) and comments on it. */
function commentOn(doc: PmNode, quote: string, body: string, nth = 0): ReviewComment {
  const index = indexDocText(doc.toJSON() as DocNode);
  let start = -1;
  for (let i = 0; i <= nth; i++) start = index.text.indexOf(quote, start + 1);
  const from = index.positions[start] ?? -1;
  const to = (index.positions[start + quote.length - 1] ?? -1) + 1;
  expect(quoteInEditor(doc, from, to)).toBe(quote);
  const [comment] = addComment([], { id: `c-${body.length}`, author: EDITOR, createdAt: AT, body, anchor: { from, to, quote } });
  if (!comment) throw new Error('no comment');
  return comment;
}

function edit(doc: PmNode, change: (state: EditorState) => EditorState['tr']): PmNode {
  const state = EditorState.create({ doc });
  return state.apply(change(state)).doc;
}

describe('the text index matches ProseMirror positions', () => {
  it('every character of the full sample story sits where ProseMirror says it does', () => {
    const doc = PmNode.fromJSON(schema, fullArticle().body);
    const index = indexDocText(fullArticle().body);
    expect(index.text).toBe(quoteInEditor(doc, 0, doc.content.size));
    index.positions.forEach((pos, i) => {
      if (index.text[i] !== '\n') expect(quoteInEditor(doc, pos, pos + 1)).toBe(index.text[i]);
    });
  });

  it('any selection inside the text quotes the same as the editor does', () => {
    const doc = PmNode.fromJSON(schema, fullArticle().body);
    const index = indexDocText(fullArticle().body);
    const inText: number[] = [];
    for (let p = 0; p <= doc.content.size; p++) if (doc.resolve(p).parent.isTextblock) inText.push(p);
    const mismatches: string[] = [];
    for (const from of inText) {
      for (const to of inText) {
        if (to > from && quoteAt(index, from, to) !== quoteInEditor(doc, from, to)) mismatches.push(`${from}-${to}`);
      }
    }
    expect(inText.length).toBeGreaterThan(50);
    expect(mismatches).toEqual([]);
  });
});

describe('comments anchored to text', () => {
  it('a comment follows its passage when the reporter writes above it', () => {
    const doc = PmNode.fromJSON(schema, STORY);
    const comment = commentOn(doc, 'on Tuesday', 'Which Tuesday?');
    const edited = edit(doc, (s) => s.tr.insertText('Breaking: ', 1));
    const moved = reanchor(comment, indexDocText(edited.toJSON() as DocNode));
    expect(moved.anchor?.from).toBe((comment.anchor?.from ?? 0) + 'Breaking: '.length);
    expect(quoteInEditor(edited, moved.anchor?.from ?? 0, moved.anchor?.to ?? 0)).toBe('on Tuesday');
    expect(moved.orphanedQuote).toBeNull();
  });

  it('when the quoted word appears twice, the comment stays on the occurrence nearest where it was', () => {
    const doc = PmNode.fromJSON(schema, STORY);
    const second = commentOn(doc, 'rates', 'Which rates?', 1);
    const first = commentOn(doc, 'rates', 'Policy rate?', 0);
    // The reporter adds a sentence at the start of the last paragraph.
    const lastParagraphStart = doc.content.size - doc.lastChild!.nodeSize + 1;
    const edited = edit(doc, (s) => s.tr.insertText('Later, ', lastParagraphStart));
    const index = indexDocText(edited.toJSON() as DocNode);
    expect(reanchor(first, index).anchor).toEqual(first.anchor);
    expect(reanchor(second, index).anchor?.from).toBe((second.anchor?.from ?? 0) + 'Later, '.length);
  });

  it('a comment on a passage spanning a line break and a paragraph is found again', () => {
    const doc = PmNode.fromJSON(schema, STORY);
    const comment = commentOn(doc, 'Tuesday.\nMarkets fell.\nAnalysts', 'Split this.');
    const edited = edit(doc, (s) => s.tr.insertText('Update: ', 1));
    const moved = reanchor(comment, indexDocText(edited.toJSON() as DocNode));
    expect(quoteInEditor(edited, moved.anchor?.from ?? 0, moved.anchor?.to ?? 0)).toBe('Tuesday.\nMarkets fell.\nAnalysts');
  });

  it('when its text is deleted, the comment is kept as a general note with the quote it was about', () => {
    const doc = PmNode.fromJSON(schema, STORY);
    const comment = commentOn(doc, 'Markets fell.', 'Which markets?');
    const anchor = comment.anchor!;
    const edited = edit(doc, (s) => s.tr.delete(anchor.from, anchor.to));
    const kept = reanchor(comment, indexDocText(edited.toJSON() as DocNode));
    expect(kept).toMatchObject({ anchor: null, orphanedQuote: 'Markets fell.', body: 'Which markets?' });
  });

  it('an unchanged body leaves every comment as it was, and general notes are never touched', () => {
    const doc = PmNode.fromJSON(schema, STORY);
    const anchored = commentOn(doc, 'central bank', 'Name it.');
    const [note] = addComment([], { id: 'n1', author: EDITOR, createdAt: AT, body: 'Good piece overall.' });
    const after = reanchorAll([anchored, note!], STORY);
    expect(after[0]).toBe(anchored);
    expect(after[1]).toBe(note);
  });
});

describe('the conversation on a comment', () => {
  it('the editor notes, the reporter replies and resolves; the record says who and when', () => {
    let comments = addComment([], { id: 'c1', author: EDITOR, createdAt: AT, body: '  Needs a second source.  ' });
    comments = replyTo(comments, 'c1', { id: 'r1', author: REPORTER, createdAt: '2026-11-25T10:05:00+08:00', body: 'Added the ministry.' });
    comments = resolveComment(comments, 'c1', REPORTER, '2026-11-25T10:06:00+08:00');
    expect(comments).toEqual([
      {
        id: 'c1',
        author: EDITOR,
        createdAt: AT,
        body: 'Needs a second source.',
        anchor: null,
        orphanedQuote: null,
        resolved: true,
        resolvedBy: REPORTER,
        resolvedAt: '2026-11-25T10:06:00+08:00',
        replies: [{ id: 'r1', author: REPORTER, createdAt: '2026-11-25T10:05:00+08:00', body: 'Added the ministry.' }],
      },
    ]);
    expect(reviewCommentsSchema.parse(JSON.parse(JSON.stringify({ schemaVersion: 1, comments })))).toEqual({ schemaVersion: 1, comments });
  });

  it('a second resolution keeps the first; reopening clears it', () => {
    let comments = addComment([], { id: 'c1', author: EDITOR, createdAt: AT, body: 'Check the figure.' });
    comments = resolveComment(comments, 'c1', REPORTER, '2026-11-25T10:06:00+08:00');
    comments = resolveComment(comments, 'c1', EDITOR, '2026-11-25T10:07:00+08:00');
    expect(comments[0]).toMatchObject({ resolvedBy: REPORTER, resolvedAt: '2026-11-25T10:06:00+08:00' });
    comments = reopenComment(comments, 'c1');
    expect(comments[0]).toMatchObject({ resolved: false, resolvedBy: null, resolvedAt: null });
  });

  it('refuses empty and overlong comments, backwards anchors and reused ids', () => {
    const base = { id: 'c1', author: EDITOR, createdAt: AT };
    expect(() => addComment([], { ...base, body: '   ' })).toThrow(expect.objectContaining({ code: 'invalid-input' }));
    expect(() => addComment([], { ...base, body: 'x'.repeat(5001) })).toThrow(expect.objectContaining({ code: 'invalid-input' }));
    expect(() => addComment([], { ...base, body: 'ok', anchor: { from: 9, to: 9, quote: 'a' } })).toThrow(expect.objectContaining({ code: 'invalid-input' }));
    expect(() => addComment([], { ...base, body: 'ok', author: { name: '', role: 'editor' } })).toThrow(expect.objectContaining({ code: 'invalid-input' }));
    const one = addComment([], { ...base, body: 'ok' });
    expect(() => addComment(one, { ...base, body: 'again' })).toThrow(expect.objectContaining({ code: 'conflict' }));
    expect(addComment([], { ...base, body: 'x'.repeat(5000) })[0]?.body).toHaveLength(5000);
  });

  it('replying to or resolving a comment removed elsewhere says it is gone', () => {
    expect(() => replyTo([], 'gone', { id: 'r1', author: REPORTER, createdAt: AT, body: 'Hi' })).toThrow(expect.objectContaining({ code: 'not-found' }));
    expect(() => resolveComment([], 'gone', REPORTER, AT)).toThrow(expect.objectContaining({ code: 'not-found' }));
  });
});
