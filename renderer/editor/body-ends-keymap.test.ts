// @vitest-environment happy-dom
// Runs in: tests (happy-dom). Ctrl/Cmd+End and Ctrl/Cmd+Home go to the body's end and start in the
// editor itself (not through Chromium's layout, which skips far paragraphs), and with Shift extend
// the selection from where it was anchored.
import { Editor } from '@tiptap/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createEditorExtensions } from '../../common/editor/editor-extensions';
import { isMacPlatform } from '../kit/is-mac-platform';
import { BodyEndsKeymap } from './body-ends-keymap';

let editor: Editor | null = null;
afterEach(() => {
  editor?.destroy();
  editor = null;
});

function makeEditor(): Editor {
  editor = new Editor({
    element: document.createElement('div'),
    extensions: [...createEditorExtensions({ resolveMediaUrl: (id) => id }), BodyEndsKeymap],
    content: '<p>First paragraph.</p><h2>Heading</h2><p>Middle paragraph.</p><ul><li><p>Item</p></li></ul><p>Last paragraph.</p>',
  });
  return editor;
}

function press(target: Editor, key: 'Home' | 'End', shift = false): void {
  const mac = isMacPlatform();
  target.view.dom.dispatchEvent(new KeyboardEvent('keydown', { key, ctrlKey: !mac, metaKey: mac, shiftKey: shift, bubbles: true, cancelable: true }));
}

const textOf = (target: Editor) => target.state.doc.textBetween(target.state.selection.from, target.state.selection.to, '|');

describe('body ends keymap', () => {
  it('Ctrl/Cmd+End puts the caret after the last character, Ctrl/Cmd+Home before the first', () => {
    const target = makeEditor();
    target.commands.setTextSelection(25);
    press(target, 'End');
    expect(target.state.selection.empty).toBe(true);
    expect(target.state.selection.head).toBe(target.state.doc.content.size - 1);
    expect(target.state.doc.textBetween(target.state.selection.head - 5, target.state.selection.head)).toBe('raph.');
    press(target, 'Home');
    expect(target.state.selection.empty).toBe(true);
    expect(target.state.selection.head).toBe(1);
  });

  it('with Shift, extends the selection from its anchor to the end or the start', () => {
    const target = makeEditor();
    const middle = target.state.doc.textContent.indexOf('Middle');
    let anchor = -1;
    target.state.doc.descendants((node, pos) => {
      if (node.isText && node.text?.startsWith('Middle')) anchor = pos;
    });
    expect(middle).toBeGreaterThan(0);
    target.commands.setTextSelection(anchor);
    press(target, 'End', true);
    expect(target.state.selection.anchor).toBe(anchor);
    expect(textOf(target)).toBe('Middle paragraph.|Item|Last paragraph.');
    press(target, 'Home', true);
    expect(target.state.selection.anchor).toBe(anchor);
    expect(textOf(target)).toBe('First paragraph.|Heading|');
  });

  it('marks the transaction to scroll the new selection into view', () => {
    const target = makeEditor();
    let scrolled = false;
    target.on('transaction', ({ transaction }) => {
      scrolled ||= transaction.scrolledIntoView;
    });
    press(target, 'End');
    expect(scrolled).toBe(true);
  });
});
