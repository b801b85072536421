// @vitest-environment happy-dom
// Runs in: tests (happy-dom). A caret Chromium moved (a selection change nobody scrolled to) is
// brought into sight; typing, clicks, changes already scrolled to, and an unfocused body are not.
import { Editor } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createEditorExtensions } from '../../common/editor/editor-extensions';
import { CaretInSight } from './caret-in-sight';

const scrolled = vi.hoisted(() => ({ calls: 0 }));
vi.mock('./scroll-selection-into-view', () => ({
  scrollSelectionIntoView: () => {
    scrolled.calls += 1;
    return true;
  },
}));

let editor: Editor;
beforeEach(() => {
  scrolled.calls = 0;
  const element = document.createElement('div');
  document.body.append(element);
  editor = new Editor({ element, extensions: [...createEditorExtensions({ resolveMediaUrl: (id) => id }), CaretInSight], content: '<p>One line</p><p>Two lines</p>' });
  editor.view.focus();
});
afterEach(() => {
  editor.destroy();
  document.body.replaceChildren();
});

const select = (pos: number) => editor.state.tr.setSelection(TextSelection.create(editor.state.doc, pos));

describe('CaretInSight', () => {
  it('brings a moved caret into sight', () => {
    expect(editor.view.hasFocus()).toBe(true);
    editor.view.dispatch(select(12));
    expect(scrolled.calls).toBe(1);
  });

  it('leaves clicks, typing and moves already scrolled to alone, and an unfocused body', () => {
    editor.view.dispatch(select(12).setMeta('pointer', true));
    editor.view.dispatch(editor.state.tr.insertText('x'));
    editor.view.dispatch(select(3).scrollIntoView());
    editor.view.dispatch(editor.state.tr.setMeta('something', true));
    expect(scrolled.calls).toBe(0);
    (editor.view.dom as HTMLElement).blur();
    expect(editor.view.hasFocus()).toBe(false);
    editor.view.dispatch(select(5));
    expect(scrolled.calls).toBe(0);
  });
});
