// @vitest-environment happy-dom
// Runs in: tests (happy-dom, a real TipTap editor). While suggesting, bold, italic and link changes
// become format suggestions with their author and time; accepting keeps the new formatting,
// rejecting puts the old one back; both are undoable; the serializers write the old formatting.
import { Editor } from '@tiptap/core';
import { afterEach, describe, expect, it } from 'vitest';
import type { DocNode } from '../../common/article';
import { createEditorExtensions } from '../../common/editor/editor-extensions';
import { bodySchemaProblem } from '../../common/editor/editor-schema';
import { bodyToHtml } from '../../common/serialize/body-to-html';
import { SuggestionMode, type SuggestionAuthor } from './suggestion-mode';
import { decideSuggestions, listSuggestions } from './suggestion-review';

const DESK: SuggestionAuthor = { id: 'sam editor', name: 'Sam Editor' };

let editor: Editor | null = null;
afterEach(() => {
  editor?.destroy();
  editor = null;
});

function make(content: DocNode, enabled = true): Editor {
  editor = new Editor({ extensions: [...createEditorExtensions(), SuggestionMode.configure({ author: DESK, enabled })], content });
  return editor;
}

const para = (...content: DocNode[]): DocNode => ({ type: 'doc', content: [{ type: 'paragraph', content }] });
const txt = (text: string, marks?: DocNode['marks']): DocNode => (marks ? { type: 'text', text, marks } : { type: 'text', text });
const html = (e: Editor) => bodyToHtml(e.getJSON() as DocNode, { mediaSrc: (id) => id });
const formatted = (e: Editor) => [...e.view.dom.querySelectorAll('span.dl-suggestion--format')].map((n) => n.textContent).join('|');

describe('format suggestions', () => {
  it('make bold a suggestion with author and time, shown in the new formatting, written out in the old', () => {
    const e = make(para(txt('The vote passed.')));
    e.chain().setTextSelection({ from: 10, to: 16 }).toggleBold().run();
    expect(e.view.dom.querySelector('strong')?.textContent).toBe('passed');
    expect(formatted(e)).toBe('passed');
    const [entry, ...rest] = listSuggestions(e.state.doc);
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({ kind: 'format', authorId: 'sam editor', authorName: 'Sam Editor', text: 'passed' });
    expect(Number.isNaN(Date.parse(entry?.at ?? ''))).toBe(false);
    expect(e.view.dom.querySelector('span.dl-suggestion--format')?.className).toMatch(/dl-suggestion--c[0-7]/);
    expect(html(e)).toBe('<p>The vote passed.</p>');
    expect(bodySchemaProblem(e.getJSON() as DocNode)).toBeNull();
  });

  it('reject puts the old formatting back and accept keeps the new, each one undoable step', () => {
    const e = make(para(txt('The '), txt('vote', [{ type: 'bold' }]), txt(' passed.')));
    e.chain().setTextSelection({ from: 5, to: 9 }).toggleBold().toggleItalic().run();
    expect(e.view.dom.querySelector('em')?.textContent).toBe('vote');
    expect(e.view.dom.querySelector('strong')).toBeNull();
    expect(listSuggestions(e.state.doc).map((s) => s.kind)).toEqual(['format']);
    expect(html(e)).toBe('<p>The <strong>vote</strong> passed.</p>');

    e.view.dispatch(decideSuggestions(e.state, 'reject', () => true) ?? e.state.tr);
    expect(e.view.dom.querySelector('strong')?.textContent).toBe('vote');
    expect(e.view.dom.querySelector('em')).toBeNull();
    expect(listSuggestions(e.state.doc)).toEqual([]);
    e.commands.undo();
    expect(e.view.dom.querySelector('em')?.textContent).toBe('vote');
    expect(formatted(e)).toBe('vote');

    e.view.dispatch(decideSuggestions(e.state, 'accept', () => true) ?? e.state.tr);
    expect(e.view.dom.querySelector('em')?.textContent).toBe('vote');
    expect(formatted(e)).toBe('');
    expect(html(e)).toBe('<p>The <em>vote</em> passed.</p>');
  });

  it('make a link set or removed a suggestion, and rejecting restores the old link', () => {
    const e = make(para(txt('See '), txt('the report', [{ type: 'link', attrs: { href: 'https://old.example/' } }]), txt('.')));
    e.chain().setTextSelection({ from: 5, to: 15 }).setLink({ href: 'https://new.example/' }).run();
    expect(e.view.dom.querySelector('a')?.getAttribute('href')).toBe('https://new.example/');
    expect(html(e)).toContain('href="https://old.example/"');
    expect(html(e)).not.toContain('new.example');
    e.view.dispatch(decideSuggestions(e.state, 'reject', () => true) ?? e.state.tr);
    expect(e.view.dom.querySelector('a')?.getAttribute('href')).toBe('https://old.example/');

    e.chain().setTextSelection({ from: 5, to: 15 }).unsetLink().run();
    expect(e.view.dom.querySelector('a')).toBeNull();
    expect(listSuggestions(e.state.doc).map((s) => s.kind)).toEqual(['format']);
    expect(html(e)).toContain('<a href="https://old.example/"');
  });

  it('undoing the change by hand drops the suggestion; formatting one’s own insertion is no extra suggestion', () => {
    const e = make(para(txt('The vote passed.')));
    e.chain().setTextSelection({ from: 10, to: 16 }).toggleBold().run();
    e.chain().setTextSelection({ from: 10, to: 16 }).toggleBold().run();
    expect(listSuggestions(e.state.doc)).toEqual([]);
    expect(e.view.dom.querySelector('strong')).toBeNull();

    e.commands.setTextSelection(5);
    e.view.dispatch(e.state.tr.insertText('big '));
    e.chain().setTextSelection({ from: 5, to: 8 }).toggleItalic().run();
    expect(listSuggestions(e.state.doc).map((s) => s.kind)).toEqual(['insert']);
    expect(e.view.dom.querySelector('em')?.textContent).toBe('big');
  });

  it('formats directly in Editing mode', () => {
    const e = make(para(txt('The vote passed.')), false);
    e.chain().setTextSelection({ from: 10, to: 16 }).toggleBold().run();
    expect(listSuggestions(e.state.doc)).toEqual([]);
    expect(html(e)).toBe('<p>The vote <strong>passed</strong>.</p>');
  });
});
