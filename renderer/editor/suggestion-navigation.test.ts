// @vitest-environment happy-dom
// Runs in: tests (happy-dom, a real TipTap editor). "Go to the first one", "Next" and "Previous":
// the selection lands on the suggestion, a replacement is one stop, and stepping wraps around.
import { Editor } from '@tiptap/core';
import { afterEach, describe, expect, it } from 'vitest';
import type { DocNode } from '../../common/article';
import { createEditorExtensions } from '../../common/editor/editor-extensions';
import { SUGGESTION_DELETE, SUGGESTION_FORMAT, SUGGESTION_INSERT } from '../../common/editor/suggestion-marks';
import { doc, paragraph, run, SAM_EDITOR, suggestion } from '../../tests/fixtures/suggestion-runs';
import { suggestionToVisit, visitSuggestion } from './suggestion-navigation';

let editor: Editor | null = null;
afterEach(() => {
  editor?.destroy();
  editor = null;
});

const mark = (type: string, id: string, extra: Record<string, unknown> = {}) => suggestion(type, id, SAM_EDITOR, extra);

// "The big cat sat. On a mat.": "big " inserted, "sat" replaced by "lay" (two suggestions side by side), "a " struck.
const BODY = doc(
  paragraph(run('The '), run('big ', mark(SUGGESTION_INSERT, 'i1')), run('cat '), run('sat', mark(SUGGESTION_DELETE, 'd1')), run('lay', mark(SUGGESTION_INSERT, 'i2')), run('.')),
  paragraph(run('On '), run('a ', mark(SUGGESTION_DELETE, 'd2')), run('mat.')),
);

function make(content: DocNode): Editor {
  editor = new Editor({ extensions: createEditorExtensions(), content });
  return editor;
}

const selected = (e: Editor) => e.state.doc.textBetween(e.state.selection.from, e.state.selection.to);

describe('going to a suggestion', () => {
  it('selects the first one wherever the caret is', () => {
    const e = make(BODY);
    e.commands.setTextSelection(e.state.doc.content.size - 1);
    expect(visitSuggestion(e, 'first')).toBe(true);
    expect(selected(e)).toBe('big ');
  });

  it('steps forward through each place once (a replacement is one stop) and wraps to the first', () => {
    const e = make(BODY);
    e.commands.setTextSelection(1);
    const seen: string[] = [];
    for (let i = 0; i < 4; i++) {
      visitSuggestion(e, 'next');
      seen.push(selected(e));
    }
    expect(seen).toEqual(['big ', 'satlay', 'a ', 'big ']);
  });

  it('steps backward and wraps to the last', () => {
    const e = make(BODY);
    e.commands.setTextSelection(1);
    visitSuggestion(e, 'previous');
    expect(selected(e)).toBe('a ');
    visitSuggestion(e, 'previous');
    expect(selected(e)).toBe('satlay');
  });

  it('stops separately at a formatting change next to a deletion', () => {
    const e = make({
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'the ' }, { type: 'text', text: 'budget', marks: [{ type: 'bold' }, mark(SUGGESTION_FORMAT, 'f1', { before: [] })] }, { type: 'text', text: ' today', marks: [mark(SUGGESTION_DELETE, 'd1')] }] }],
    });
    e.commands.setTextSelection(1);
    visitSuggestion(e, 'next');
    expect(selected(e)).toBe('budget');
    visitSuggestion(e, 'next');
    expect(selected(e)).toBe(' today');
  });

  it('reports false and leaves the selection alone when nothing is pending', () => {
    const e = make({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Clean copy.' }] }] });
    e.commands.setTextSelection(3);
    expect(suggestionToVisit(e.state.doc, e.state.selection, 'first')).toBeNull();
    expect(visitSuggestion(e, 'next')).toBe(false);
    expect(e.state.selection.from).toBe(3);
  });
});
