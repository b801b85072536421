// @vitest-environment happy-dom
// Runs in: tests (happy-dom). Switching between Editing and Suggesting from the toolbar (aria-pressed),
// with Ctrl+Shift+E, and from the app (an editor opening someone else's story); accept all from the menu.
import type { Editor } from '@tiptap/core';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { createRef } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../common/app-error';
import type { DatelineApi } from '../../common/contract';
import { ArticleEditor, type ArticleEditorHandle } from './article-editor';
import { listSuggestions } from './suggestion-review';

const api: DatelineApi = {
  transport: 'http',
  mediaUrl: (id) => `http://127.0.0.1/media/${id}`,
  thumbnailUrl: (id) => `http://127.0.0.1/thumbnails/${id}`,
  call: () => Promise.reject(new AppError('internal', 'unexpected call')),
};

function renderEditor() {
  const handle = createRef<ArticleEditorHandle>();
  render(
    <ArticleEditor
      ref={handle}
      initialBody={{ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'The cat sat.' }] }] }}
      api={api}
      language="en"
      onDirty={() => {}}
      onStats={() => {}}
      onError={() => {}}
    />,
  );
  const textbox = screen.getByRole('textbox', { name: 'Article body' });
  const editor = (textbox as HTMLElement & { editor: Editor }).editor;
  const toggle = screen.getByRole('button', { name: 'Suggest changes' });
  return { handle, textbox, editor, toggle };
}

afterEach(() => cleanup());

describe('the Suggesting switch', () => {
  it('toggles from the toolbar and with Ctrl+Shift+E, and typing follows it', () => {
    const { textbox, editor, toggle } = renderEditor();
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    act(() => {
      editor.commands.setTextSelection(5);
      editor.view.dispatch(editor.state.tr.insertText('big '));
    });
    expect(listSuggestions(editor.state.doc).map((s) => s.text)).toEqual(['big ']);
    fireEvent.keyDown(textbox, { key: 'e', ctrlKey: true, shiftKey: true });
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
  });

  it('is switched on by the app with the author, and Accept All Suggestions leaves plain text', () => {
    const { handle, editor, toggle } = renderEditor();
    act(() => handle.current?.configureSuggestions({ id: 'sam editor', name: 'Sam Editor' }, true));
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    act(() => {
      editor.commands.setTextSelection({ from: 5, to: 8 });
      editor.view.dispatch(editor.state.tr.insertText('dog'));
    });
    expect(listSuggestions(editor.state.doc).map((s) => [s.kind, s.authorName])).toEqual([
      ['delete', 'Sam Editor'],
      ['insert', 'Sam Editor'],
    ]);
    act(() => handle.current?.runCommand('edit.accept-all-suggestions'));
    expect(editor.state.doc.textContent).toBe('The dog sat.');
    expect(listSuggestions(editor.state.doc)).toEqual([]);
  });

  it('lists suggestions by author and accepts or rejects one from the list, by keyboard-reachable buttons', async () => {
    const { handle, editor } = renderEditor();
    act(() => handle.current?.configureSuggestions({ id: 'sam editor', name: 'Sam Editor' }, true));
    act(() => {
      editor.commands.setTextSelection({ from: 5, to: 8 });
      editor.view.dispatch(editor.state.tr.insertText('dog'));
    });
    act(() => handle.current?.configureSuggestions({ id: 'li wei', name: 'Li Wei' }, true));
    act(() => {
      editor.commands.setTextSelection(editor.state.doc.content.size - 1);
      editor.view.dispatch(editor.state.tr.insertText('真的'));
    });
    const panel = await screen.findByRole('region', { name: 'Suggestions' }, { timeout: 5000 });
    await within(panel).findByText('3 suggestions', {}, { timeout: 5000 });
    expect(within(panel).getByText('Li Wei inserted “真的”')).toBeDefined();
    fireEvent.click(within(panel).getByRole('button', { name: 'Reject: Sam Editor deleted “cat”' }));
    expect(editor.state.doc.textContent).toBe('The catdog sat.真的');
    fireEvent.click(within(panel).getByRole('button', { name: 'Accept Li Wei’s' }));
    expect(listSuggestions(editor.state.doc).map((s) => [s.kind, s.authorName])).toEqual([['insert', 'Sam Editor']]);
    expect(editor.state.doc.textContent).toBe('The catdog sat.真的');
    // One left: counted in the singular.
    await within(panel).findByText('1 suggestion', {}, { timeout: 5000 });
  });
});
