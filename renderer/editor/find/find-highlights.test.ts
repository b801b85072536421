// @vitest-environment happy-dom
// Runs in: tests (happy-dom). Find and replace in a real TipTap editor: matches in the text and in
// photo captions are marked, the current one apart; replace-all is one undo step; an edit while
// the panel is open marks the matches again a frame later, and a closed panel costs nothing.
import { Editor } from '@tiptap/core';
import { afterEach, describe, expect, it } from 'vitest';
import { compileFind, type CompiledFind } from '../../../common/find/compile-find';
import { DEFAULT_FIND_OPTIONS, type FindOptions } from '../../../common/find/find-options';
import { createEditorExtensions } from '../../../common/editor/editor-extensions';
import { FindHighlights, findHighlightsKey, replaceAllMatches, replaceMatch, setCurrentMatch, setFind } from './find-highlights';

let editor: Editor | null = null;
afterEach(() => {
  editor?.destroy();
  editor = null;
});

function make(): Editor {
  editor = new Editor({
    extensions: [...createEditorExtensions({ resolveMediaUrl: (id) => `/media/${id}` }), FindHighlights],
    content: {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'The mayor said the ' }, { type: 'text', text: 'Mayor', marks: [{ type: 'bold' }] }, { type: 'text', text: ' would go.' }] },
        { type: 'figure', attrs: { mediaId: 'a'.repeat(64) + '.jpg', alt: '', credit: '', lead: false }, content: [{ type: 'text', text: 'The mayor（市长）at work' }] },
        { type: 'paragraph', content: [{ type: 'text', text: '市长(左)说' }] },
      ],
    },
  });
  return editor;
}

function compiled(query: string, options: Partial<FindOptions> = {}): CompiledFind {
  const result = compileFind(query, { ...DEFAULT_FIND_OPTIONS, ...options });
  if (!result.ok) throw new Error('not compiled');
  return result.find;
}

const marked = (e: Editor) => [...e.view.dom.querySelectorAll('.dl-find-match')].map((n) => n.textContent);
const current = (e: Editor) => [...e.view.dom.querySelectorAll('.dl-find-match--current')].map((n) => n.textContent);
const text = (e: Editor) => e.state.doc.textBetween(0, e.state.doc.content.size, '|');

function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

describe('find and replace in the body', () => {
  it('marks every match in the text and captions, the current one apart', () => {
    const e = make();
    e.view.dispatch(setFind(e.state, compiled('mayor'), 0));
    expect(marked(e)).toEqual(['mayor', 'Mayor', 'mayor']);
    expect(current(e)).toEqual(['mayor']);
    const state = findHighlightsKey.getState(e.state);
    expect(state?.matches.map((m) => m.inCaption)).toEqual([false, false, true]);
    e.view.dispatch(setCurrentMatch(e.state, 2, true));
    expect(current(e)).toEqual(['mayor']);
    expect(e.state.doc.textBetween(e.state.selection.from, e.state.selection.to)).toBe('mayor');
    expect(e.state.selection.from).toBe(state?.matches[2]?.from);
  });

  it('treats full-width brackets as their half-width forms', () => {
    const e = make();
    e.view.dispatch(setFind(e.state, compiled('(市长)'), 0));
    expect(marked(e)).toEqual(['（市长）']);
    e.view.dispatch(setFind(e.state, compiled('市长（左）'), 0));
    expect(marked(e)).toEqual(['市长(左)']);
  });

  it('replaces all matches as one undo step, keeping the bold', () => {
    const e = make();
    e.commands.insertContentAt(5, 'new ');
    e.view.dispatch(setFind(e.state, compiled('mayor'), 0));
    expect(replaceAllMatches(e.view, 'governor')).toBe(3);
    expect(text(e)).toBe('The new governor said the governor would go.|The governor（市长）at work|市长(左)说');
    expect(e.getJSON().content?.[0]?.content?.[1]).toEqual({ type: 'text', text: 'governor', marks: [{ type: 'bold' }] });
    expect(marked(e)).toEqual([]);
    e.commands.undo();
    expect(text(e)).toBe('The new mayor said the Mayor would go.|The mayor（市长）at work|市长(左)说');
    e.commands.undo();
    expect(text(e)).toBe('The mayor said the Mayor would go.|The mayor（市长）at work|市长(左)说');
  });

  it('keeps words typed right before a match out of the undo step of replace all', () => {
    const e = make();
    // "just " lands right before "said"; without a closed history both would undo as one.
    e.commands.insertContentAt(11, 'just ');
    e.view.dispatch(setFind(e.state, compiled('said'), 0));
    expect(replaceAllMatches(e.view, 'spoke')).toBe(1);
    expect(text(e)).toContain('The mayor just spoke the Mayor');
    e.commands.undo();
    expect(text(e)).toContain('The mayor just said the Mayor');
  });

  it('replaces one match and moves to the next, with regex groups', () => {
    const e = make();
    e.view.dispatch(setFind(e.state, compiled('(m)ayor', { regex: true, matchCase: true }), 0));
    expect(marked(e)).toEqual(['mayor', 'mayor']);
    expect(replaceMatch(e.view, 0, '$1ayor-elect')).toBe(true);
    expect(text(e)).toContain('The mayor-elect said the Mayor');
    expect(current(e)).toEqual(['mayor']);
    expect(findHighlightsKey.getState(e.state)?.matches[findHighlightsKey.getState(e.state)?.current ?? -1]?.inCaption).toBe(true);
  });

  it('maps the marks on each keystroke and searches again one frame later', async () => {
    const e = make();
    e.view.dispatch(setFind(e.state, compiled('mayor'), 0));
    e.commands.insertContentAt(1, 'mayor ');
    expect(findHighlightsKey.getState(e.state)?.stale).toBe(true);
    expect(marked(e)).toEqual(['mayor', 'Mayor', 'mayor']);
    await nextFrame();
    expect(findHighlightsKey.getState(e.state)?.stale).toBe(false);
    expect(marked(e)).toEqual(['mayor', 'mayor', 'Mayor', 'mayor']);
  });

  it('does nothing while closed', () => {
    const e = make();
    const before = findHighlightsKey.getState(e.state);
    e.commands.insertContentAt(1, 'mayor ');
    expect(findHighlightsKey.getState(e.state)).toBe(before);
    e.view.dispatch(setFind(e.state, compiled('mayor'), 0));
    e.view.dispatch(setFind(e.state, null));
    expect(marked(e)).toEqual([]);
  });
});
