// @vitest-environment happy-dom
// Runs in: tests (happy-dom). Commented text stays marked while people type around it: the
// decorations move with the text (mapped per transaction), resolved comments are not marked, and
// a comment's range can be found where it is now.
import { Editor } from '@tiptap/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createEditorExtensions } from '../../common/editor/editor-extensions';
import { activeCommentId, CommentHighlights, commentHighlightsKey, currentCommentRanges, setActiveComment, setCommentHighlights } from './comment-highlights';

let editor: Editor | null = null;
afterEach(() => {
  editor?.destroy();
  editor = null;
});

function make(text: string): Editor {
  editor = new Editor({
    extensions: [...createEditorExtensions({ resolveMediaUrl: (id) => `/media/${id}` }), CommentHighlights],
    content: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] },
  });
  return editor;
}

const marked = (e: Editor) => [...e.view.dom.querySelectorAll('.dl-comment-anchor')].map((n) => n.textContent);

describe('comment highlights', () => {
  it('marks open comments, not resolved ones, and follows the text as people type before it', () => {
    const e = make('北京今天下暴雨，数百个航班延误。');
    // "数百个" starts after 8 characters: positions 9..12 (the paragraph opens at 0).
    e.view.dispatch(setCommentHighlights(e.state, [
      { id: 'c1', from: 9, to: 12, resolved: false },
      { id: 'c2', from: 1, to: 3, resolved: true },
    ]));
    expect(marked(e)).toEqual(['数百个']);
    e.commands.insertContentAt(1, '据报道，');
    expect(marked(e)).toEqual(['数百个']);
    expect(currentCommentRanges(e.state).get('c1')).toEqual({ from: 13, to: 16 });
    expect(e.state.doc.textBetween(13, 16)).toBe('数百个');
  });

  it('typing elsewhere maps the set instead of rebuilding it; a new comment list replaces it', () => {
    const e = make('The council met on Tuesday.');
    e.view.dispatch(setCommentHighlights(e.state, [{ id: 'c1', from: 20, to: 27, resolved: false }]));
    const before = commentHighlightsKey.getState(e.state);
    e.commands.setTextSelection(1);
    expect(commentHighlightsKey.getState(e.state)).toBe(before);
    e.commands.insertContentAt(28, ' More.');
    expect(marked(e)).toEqual(['Tuesday']);
    e.view.dispatch(setCommentHighlights(e.state, []));
    expect(marked(e)).toEqual([]);
  });

  it('a comment whose text was deleted is no longer marked and has no range', () => {
    const e = make('Delete this part please.');
    e.view.dispatch(setCommentHighlights(e.state, [{ id: 'c1', from: 8, to: 12, resolved: false }]));
    e.commands.deleteRange({ from: 1, to: 17 });
    expect(marked(e)).toEqual([]);
    expect(currentCommentRanges(e.state).has('c1')).toBe(false);
  });

  it('marks the active comment’s text apart, follows it as people type before it, and lets it go', () => {
    const e = make('The council met on Tuesday.');
    e.view.dispatch(setCommentHighlights(e.state, [
      { id: 'c1', from: 5, to: 12, resolved: false },
      { id: 'c2', from: 20, to: 27, resolved: false },
    ]));
    const active = () => [...e.view.dom.querySelectorAll('.dl-comment-anchor--active')].map((n) => n.textContent);
    e.view.dispatch(setActiveComment(e.state, 'c2'));
    expect(active()).toEqual(['Tuesday']);
    expect(activeCommentId(e.state)).toBe('c2');
    e.commands.insertContentAt(1, 'Yesterday ');
    expect(active()).toEqual(['Tuesday']);
    // Its highlight stays: the mark is an overlay on it.
    expect(marked(e)).toEqual(['council', 'Tuesday']);
    e.view.dispatch(setActiveComment(e.state, 'c1'));
    expect(active()).toEqual(['council']);
    e.view.dispatch(setActiveComment(e.state, null));
    expect(active()).toEqual([]);
    expect(activeCommentId(e.state)).toBeNull();
  });
});
