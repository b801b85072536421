// @vitest-environment happy-dom
// Runs in: tests (happy-dom, a real TipTap editor). Suggestion mode: typing, deleting and replacing
// become suggestions with their author; accepting and rejecting (one, all, by author) are ordinary
// undoable edits; IME text is marked only once composition ends; the marks survive a save and reload.
import { Editor } from '@tiptap/core';
import { afterEach, describe, expect, it } from 'vitest';
import type { DocNode } from '../../common/article';
import { createEditorExtensions } from '../../common/editor/editor-extensions';
import { bodyToHtml } from '../../common/serialize/body-to-html';
import { figure, PHOTO_A } from '../../tests/fixtures/sample-article';
import { isSuggesting, setSuggesting, SuggestionMode, type SuggestionAuthor } from './suggestion-mode';
import { decideSuggestions, listSuggestions } from './suggestion-review';

const DESK: SuggestionAuthor = { id: 'sam editor', name: 'Sam Editor' };
const COPY: SuggestionAuthor = { id: 'li wei', name: 'Li Wei' };

let editor: Editor | null = null;
afterEach(() => {
  editor?.destroy();
  editor = null;
});

function make(content: DocNode | string, author: SuggestionAuthor = DESK, enabled = true): Editor {
  const doc: DocNode = typeof content === 'string' ? { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: content }] }] } : content;
  editor = new Editor({ extensions: [...createEditorExtensions(), SuggestionMode.configure({ author, enabled })], content: doc });
  return editor;
}

const ins = (e: Editor) => [...e.view.dom.querySelectorAll('ins.dl-suggestion')].map((n) => n.textContent).join('|');
const del = (e: Editor) => [...e.view.dom.querySelectorAll('del.dl-suggestion')].map((n) => n.textContent).join('|');
const text = (e: Editor) => e.state.doc.textContent;

/** Types like a keyboard: through handleTextInput-free insertText at the selection, one character per transaction. */
function type(e: Editor, chars: string): void {
  for (const ch of chars) e.view.dispatch(e.state.tr.insertText(ch));
}

/** Backspace and Delete on a cursor are the browser's own: ProseMirror reads them back as this one-character deletion. */
function press(e: Editor, key: 'Backspace' | 'Delete'): void {
  const { from } = e.state.selection;
  e.view.dispatch(key === 'Backspace' ? e.state.tr.delete(from - 1, from) : e.state.tr.delete(from, from + 1));
}

describe('suggestion mode', () => {
  it('turns typed text into an insertion with author and time, one suggestion per run', () => {
    const e = make('The cat sat.');
    e.commands.setTextSelection(5);
    type(e, 'big ');
    expect(text(e)).toBe('The big cat sat.');
    expect(ins(e)).toBe('big ');
    const [entry, ...rest] = listSuggestions(e.state.doc);
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({ kind: 'insert', authorId: 'sam editor', authorName: 'Sam Editor', text: 'big ' });
    expect(Number.isNaN(Date.parse(entry?.at ?? ''))).toBe(false);
    expect(e.view.dom.querySelector('ins.dl-suggestion')?.className).toMatch(/dl-suggestion--c[0-7]/);
  });

  it('keeps deleted text visible and struck through, for Backspace and Delete, with the cursor moving on', () => {
    const e = make('The cat sat.');
    e.commands.setTextSelection(8); // after "cat"
    press(e, 'Backspace');
    press(e, 'Backspace');
    press(e, 'Backspace');
    expect(text(e)).toBe('The cat sat.');
    expect(del(e)).toBe('cat');
    expect(listSuggestions(e.state.doc)).toHaveLength(1);
    expect(e.state.selection.from).toBe(5);
    e.commands.setTextSelection(9); // before "sat"
    press(e, 'Delete');
    press(e, 'Delete');
    expect(del(e)).toBe('cat|sa');
    expect(e.state.selection.from).toBe(11);
  });

  it('makes a replaced selection a deletion followed by an insertion', () => {
    const e = make('The cat sat.');
    e.commands.setTextSelection({ from: 5, to: 8 });
    e.view.dispatch(e.state.tr.insertText('d'));
    type(e, 'og');
    expect(text(e)).toBe('The catdog sat.');
    expect(del(e)).toBe('cat');
    expect(ins(e)).toBe('dog');
    expect(listSuggestions(e.state.doc).map((s) => s.kind)).toEqual(['delete', 'insert']);
  });

  it('takes back the author own insertion instead of striking it', () => {
    const e = make('The cat sat.');
    e.commands.setTextSelection(5);
    type(e, 'big');
    press(e, 'Backspace');
    expect(text(e)).toBe('The bicat sat.');
    expect(ins(e)).toBe('bi');
    expect(del(e)).toBe('');
  });

  it('edits normally in Editing mode, and switches without an undo step', () => {
    const e = make('The cat sat.', DESK, false);
    expect(isSuggesting(e.state)).toBe(false);
    e.commands.setTextSelection(5);
    type(e, 'x');
    expect(ins(e)).toBe('');
    setSuggesting(e.view, true);
    expect(isSuggesting(e.state)).toBe(true);
    type(e, 'y');
    expect(ins(e)).toBe('y');
  });

  it('accepts and rejects one suggestion, all, or one author, each an undoable edit', () => {
    const e = make('The cat sat.');
    e.commands.setTextSelection({ from: 5, to: 8 });
    e.view.dispatch(e.state.tr.insertText('dog'));
    expect(text(e)).toBe('The catdog sat.');
    const [deletion, insertion] = listSuggestions(e.state.doc);
    expect(deletion?.kind).toBe('delete');
    // Accept the deletion: "cat" goes.
    e.view.dispatch(decideSuggestions(e.state, 'accept', (s) => s.id === deletion?.id && s.kind === 'delete') ?? e.state.tr);
    expect(text(e)).toBe('The dog sat.');
    expect(del(e)).toBe('');
    // Reject the insertion: "dog" goes too.
    e.view.dispatch(decideSuggestions(e.state, 'reject', (s) => s.id === insertion?.id && s.kind === 'insert') ?? e.state.tr);
    expect(text(e)).toBe('The  sat.');
    expect(e.commands.undo()).toBe(true);
    expect(text(e)).toBe('The dog sat.');
    expect(ins(e)).toBe('dog');
    expect(e.commands.undo()).toBe(true);
    expect(text(e)).toBe('The catdog sat.');
    // Accept all: the accepted text is plain, no marks remain.
    e.view.dispatch(decideSuggestions(e.state, 'accept', () => true) ?? e.state.tr);
    expect(text(e)).toBe('The dog sat.');
    expect(listSuggestions(e.state.doc)).toEqual([]);
  });

  it('resolves one author at a time', () => {
    const e = make('The cat sat.', DESK);
    e.commands.setTextSelection(5);
    type(e, 'big ');
    setSuggesting(e.view, true, COPY);
    e.commands.setTextSelection(text(e).length + 1);
    type(e, ' 真的');
    expect(new Set(listSuggestions(e.state.doc).map((s) => s.authorName))).toEqual(new Set(['Sam Editor', 'Li Wei']));
    e.view.dispatch(decideSuggestions(e.state, 'reject', (s) => s.authorId === COPY.id) ?? e.state.tr);
    expect(text(e)).toBe('The big cat sat.');
    expect(listSuggestions(e.state.doc).map((s) => s.authorName)).toEqual(['Sam Editor']);
  });

  it('marks IME text only once composition ends, then as one insertion', async () => {
    const e = make('市长说。');
    e.commands.setTextSelection(3); // after 市长
    e.view.dom.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true, data: '' }));
    expect(e.view.composing).toBe(true);
    // What ProseMirror dispatches as it reads the composing DOM: pinyin, then the chosen characters.
    e.view.dispatch(e.state.tr.insertText('jin'));
    expect(ins(e)).toBe('');
    e.view.dispatch(e.state.tr.insertText('今天', 3, 6));
    expect(ins(e)).toBe('');
    expect(del(e)).toBe('');
    e.view.dom.dispatchEvent(new CompositionEvent('compositionend', { bubbles: true, data: '今天' }));
    await expect.poll(() => ins(e)).toBe('今天');
    expect(text(e)).toBe('市长今天说。');
    expect(del(e)).toBe('');
    expect(listSuggestions(e.state.doc)).toHaveLength(1);
  });

  it('rejecting a suggested paragraph takes its blank line too, and so does accepting a whole paragraph struck', () => {
    const e = make('First paragraph.');
    e.commands.setTextSelection(text(e).length + 1);
    e.commands.splitBlock();
    type(e, 'A new one');
    expect(e.state.doc.childCount).toBe(2);
    e.view.dispatch(decideSuggestions(e.state, 'reject', () => true) ?? e.state.tr);
    expect(e.state.doc.childCount).toBe(1);
    expect(e.getJSON()).toEqual({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'First paragraph.' }] }] });
    // One undo step brings the suggestion back, paragraph and all.
    expect(e.commands.undo()).toBe(true);
    expect(e.state.doc.childCount).toBe(2);
    expect(ins(e)).toBe('A new one');
    // A paragraph struck through whole, accepted, goes with its line.
    e.view.dispatch(decideSuggestions(e.state, 'accept', () => true) ?? e.state.tr);
    const second = e.state.doc.child(0).nodeSize;
    e.view.dispatch(e.state.tr.delete(second + 1, e.state.doc.content.size - 1));
    expect(del(e)).toBe('A new one');
    e.view.dispatch(decideSuggestions(e.state, 'accept', () => true) ?? e.state.tr);
    expect(e.state.doc.childCount).toBe(1);
    expect(text(e)).toBe('First paragraph.');
  });

  it('rejecting the only paragraph leaves the body one empty paragraph; an emptied list item or quote goes', () => {
    const e = make({ type: 'doc', content: [{ type: 'paragraph' }] });
    type(e, 'All new');
    e.view.dispatch(decideSuggestions(e.state, 'reject', () => true) ?? e.state.tr);
    expect(e.getJSON()).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] });
    e.destroy();
    const item = (value: string) => ({ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: value }] }] });
    const para = (value: string) => ({ type: 'paragraph', content: [{ type: 'text', text: value }] });
    const list = make({ type: 'doc', content: [para('Before.'), { type: 'bulletList', content: [item('Item one'), item('Item two')] }, para('After.')] });
    // Enter at the end of "Item one" makes a new item; typed in Suggesting, then rejected.
    list.commands.setTextSelection(list.state.doc.child(0).nodeSize + 3 + 'Item one'.length);
    list.commands.splitListItem('listItem');
    type(list, 'Item suggested');
    expect(list.state.doc.child(1).childCount).toBe(3);
    list.view.dispatch(decideSuggestions(list.state, 'reject', () => true) ?? list.state.tr);
    expect(list.state.doc.child(1).childCount).toBe(2);
    expect(list.state.doc.child(1).textContent).toBe('Item oneItem two');
    // An item struck through whole, accepted, goes; the last item of a list takes the list with it.
    const lastItem = list.state.doc.child(1).child(1);
    const lastFrom = list.state.doc.child(0).nodeSize + 1 + list.state.doc.child(1).child(0).nodeSize + 2;
    list.view.dispatch(list.state.tr.delete(lastFrom, lastFrom + lastItem.child(0).content.size));
    list.view.dispatch(decideSuggestions(list.state, 'accept', () => true) ?? list.state.tr);
    expect(list.state.doc.child(1).childCount).toBe(1);
    list.view.dispatch(list.state.tr.delete(list.state.doc.child(0).nodeSize + 3, list.state.doc.child(0).nodeSize + 3 + 'Item one'.length));
    list.view.dispatch(decideSuggestions(list.state, 'accept', () => true) ?? list.state.tr);
    expect(list.getJSON()).toEqual({ type: 'doc', content: [para('Before.'), para('After.')] });
    list.destroy();
    const quote = make({ type: 'doc', content: [para('Before.'), { type: 'blockquote', content: [{ type: 'paragraph' }] }, para('After.')] });
    quote.commands.setTextSelection(quote.state.doc.child(0).nodeSize + 2);
    type(quote, '“Quoted.”');
    quote.view.dispatch(decideSuggestions(quote.state, 'reject', () => true) ?? quote.state.tr);
    expect(quote.getJSON()).toEqual({ type: 'doc', content: [para('Before.'), para('After.')] });
  });

  it('never takes a photo with an emptied quote or list item, nor an empty block after a removed list', () => {
    const para = (value: string) => ({ type: 'paragraph', content: [{ type: 'text', text: value }] });
    const e = make({ type: 'doc', content: [para('Before.'), { type: 'blockquote', content: [figure(PHOTO_A), { type: 'paragraph' }] }, para('After.')] });
    // Type into the quote's empty paragraph, after the photo, then reject: the photo stays.
    const quoteEnd = e.state.doc.child(0).nodeSize + e.state.doc.child(1).nodeSize - 2;
    e.commands.setTextSelection(quoteEnd);
    type(e, '“Quoted.”');
    expect(ins(e)).toBe('“Quoted.”');
    e.view.dispatch(decideSuggestions(e.state, 'reject', () => true) ?? e.state.tr);
    expect(e.state.doc.child(1).type.name).toBe('blockquote');
    expect(e.state.doc.child(1).child(0).type.name).toBe('figure');
    e.destroy();
    // A whole proposed list goes; the empty heading after it is the writer's and stays.
    const item = (value: string) => ({ type: 'listItem', content: [para(value)] });
    const list = make({ type: 'doc', content: [{ type: 'bulletList', content: [item('x'), item('y')] }, { type: 'heading', attrs: { level: 2 } }, para('B.')] });
    list.view.dispatch(list.state.tr.delete(3, 4));
    list.view.dispatch(list.state.tr.delete(list.state.doc.child(0).child(0).nodeSize + 3, list.state.doc.child(0).child(0).nodeSize + 4));
    list.view.dispatch(decideSuggestions(list.state, 'accept', () => true) ?? list.state.tr);
    expect(list.state.doc.childCount).toBe(2);
    expect(list.state.doc.child(0).type.name).toBe('heading');
  });

  it('survives save and reload (marks in the body JSON) and never reaches the HTML', () => {
    const e = make('The cat sat.');
    e.commands.setTextSelection({ from: 5, to: 8 });
    e.view.dispatch(e.state.tr.insertText('dog'));
    const saved = JSON.parse(JSON.stringify(e.getJSON())) as DocNode;
    e.destroy();
    const reopened = make(saved, COPY, false);
    expect(listSuggestions(reopened.state.doc).map((s) => [s.kind, s.text, s.authorName])).toEqual([
      ['delete', 'cat', 'Sam Editor'],
      ['insert', 'dog', 'Sam Editor'],
    ]);
    expect(bodyToHtml(saved, { mediaSrc: (id) => id })).toBe('<p>The cat sat.</p>');
  });
});
