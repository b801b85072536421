// @vitest-environment happy-dom
// Runs in: tests (happy-dom). A reporter finds and replaces across the headline, summary, body and
// captions from Ctrl+F / Ctrl+H: count, next and previous by keyboard, replace all as one undo
// step, an invalid pattern explained, no search mid-composition, Escape gives focus back.
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { Editor } from '@tiptap/core';
import { createRef } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newArticle, type DocNode } from '../../../common/article';
import { useI18nStore } from '../../i18n/i18n-store';
import { createAppStores } from '../../stores/app-stores';
import { StoresContext } from '../../stores/stores-context';
import { createFakeApi } from '../../../tests/support/fake-api';
import { ArticleEditor, type ArticleEditorHandle } from '../article-editor';

afterEach(cleanup);
beforeEach(() => useI18nStore.getState().setLocale('en'));

const BODY: DocNode = {
  type: 'doc',
  content: [
    { type: 'paragraph', content: [{ type: 'text', text: 'The mayor spoke. The Mayor left.' }] },
    { type: 'figure', attrs: { mediaId: `${'b'.repeat(64)}.jpg`, alt: '', credit: '', lead: false }, content: [{ type: 'text', text: 'The mayor at work' }] },
  ],
};

function setUp() {
  const api = createFakeApi({});
  const stores = createAppStores(api);
  const article = { ...newArticle('art0000000001', '2026-11-25T09:00:00.000Z'), headline: 'Mayor quits', summary: 'Why the mayor（市长）quit', body: BODY };
  stores.article.getState().load(article);
  const handle = createRef<ArticleEditorHandle>();
  render(
    <StoresContext.Provider value={stores}>
      <button type="button">before</button>
      <ArticleEditor ref={handle} initialBody={BODY} api={api} language="en" onDirty={() => {}} onStats={() => {}} onError={() => {}} />
    </StoresContext.Provider>,
  );
  const run = (command: 'edit.find' | 'edit.replace') => act(() => handle.current?.runCommand(command));
  const bodyText = () => handle.current?.getBody().content?.map((block) => block.content?.map((n) => n.text).join('') ?? '').filter((text) => text !== '').join('|');
  return { stores, handle, run, bodyText };
}

const count = () => screen.getByRole('search').querySelector('.dl-find-panel__count')?.textContent ?? '';

describe('find and replace panel', () => {
  it('finds across the headline, summary, body and captions, and steps with Enter and Shift+Enter', async () => {
    const { run } = setUp();
    screen.getByRole('button', { name: 'before' }).focus();
    run('edit.find');
    const query = screen.getByRole('textbox', { name: 'Find' });
    expect(document.activeElement).toBe(query);
    expect(screen.queryByRole('textbox', { name: 'Replace with' })).toBeNull();
    fireEvent.change(query, { target: { value: 'mayor' } });
    await waitFor(() => expect(count()).toBe('1 of 5 in the headline'));
    fireEvent.keyDown(query, { key: 'Enter' });
    expect(count()).toBe('2 of 5 in the summary');
    fireEvent.keyDown(query, { key: 'Enter' });
    expect(count()).toBe('3 of 5 in the body');
    expect(document.querySelector('.dl-find-match--current')?.textContent).toBe('mayor');
    fireEvent.keyDown(query, { key: 'Enter', shiftKey: true });
    fireEvent.keyDown(query, { key: 'Enter', shiftKey: true });
    fireEvent.keyDown(query, { key: 'Enter', shiftKey: true });
    expect(count()).toBe('5 of 5 in a photo caption');
    expect(document.querySelectorAll('.dl-find-match')).toHaveLength(3);

    fireEvent.click(screen.getByRole('button', { name: 'Match case' }));
    await waitFor(() => expect(count()).toBe('1 of 3 in the summary'));
    fireEvent.click(screen.getByRole('button', { name: 'Whole word' }));
    fireEvent.change(query, { target: { value: '(市长)' } });
    await waitFor(() => expect(count()).toBe('1 of 1 in the summary'));

    fireEvent.keyDown(query, { key: 'Escape' });
    expect(screen.queryByRole('search')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'before' }));
    expect(document.querySelectorAll('.dl-find-match')).toHaveLength(0);
  });

  it('marks the first match as the query is typed, keeping the focus in the query', async () => {
    const { run } = setUp();
    run('edit.find');
    const query = screen.getByRole('textbox', { name: 'Find' });
    fireEvent.change(query, { target: { value: 'spoke' } });
    await waitFor(() => expect(count()).toBe('1 of 1 in the body'));
    await waitFor(() => expect(document.querySelector('.dl-find-match--current')?.textContent).toBe('spoke'));
    expect(document.activeElement).toBe(query);
  });

  it('opened from the body, starts at the first match after the caret, and Enter goes on from there', async () => {
    const { run } = setUp();
    const dom = document.querySelector<HTMLElement & { editor?: Editor }>('.ProseMirror')!;
    const editor = dom.editor!;
    editor.commands.setTextSelection('The mayor spoke.'.length + 1);
    dom.focus();
    run('edit.find');
    const query = screen.getByRole('textbox', { name: 'Find' });
    fireEvent.change(query, { target: { value: 'mayor' } });
    await waitFor(() => expect(count()).toBe('4 of 5 in the body'));
    await waitFor(() => expect(document.querySelector('.dl-find-match--current')?.textContent).toBe('Mayor'));
    expect(editor.state.selection.from).toBe('The mayor spoke.'.length + 1);
    fireEvent.keyDown(query, { key: 'Enter' });
    expect(count()).toBe('5 of 5 in a photo caption');
  });

  it('replaces all in the fields and the body, the body as one undo step', async () => {
    const { run, stores, handle, bodyText } = setUp();
    run('edit.replace');
    fireEvent.change(screen.getByRole('textbox', { name: 'Find' }), { target: { value: 'mayor' } });
    await waitFor(() => expect(count()).toBe('1 of 5 in the headline'));
    fireEvent.change(screen.getByRole('textbox', { name: 'Replace with' }), { target: { value: 'governor' } });
    fireEvent.click(screen.getByRole('button', { name: 'Replace all' }));
    expect(stores.article.getState().article?.headline).toBe('governor quits');
    expect(stores.article.getState().article?.summary).toBe('Why the governor（市长）quit');
    expect(bodyText()).toBe('The governor spoke. The governor left.|The governor at work');
    await waitFor(() => expect(count()).toBe('No results'));
    expect(screen.getByText('Replaced 5.')).toBeTruthy();
    act(() => handle.current?.runCommand('edit.undo'));
    expect(bodyText()).toBe('The mayor spoke. The Mayor left.|The mayor at work');
  });

  it('explains an invalid or runaway regular expression instead of searching', async () => {
    const { run } = setUp();
    run('edit.find');
    fireEvent.click(screen.getByRole('button', { name: 'Regular expression' }));
    const query = screen.getByRole('textbox', { name: 'Find' });
    fireEvent.change(query, { target: { value: '(may' } });
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/^This regular expression is not valid: /));
    expect(query.getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(query, { target: { value: '(a+)+$' } });
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('(a+)+'));
    fireEvent.change(query, { target: { value: 'm(a)yor' } });
    await waitFor(() => expect(count()).toBe('1 of 5 in the headline'));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('does not search while an IME is composing', async () => {
    const { run } = setUp();
    run('edit.find');
    const query = screen.getByRole('textbox', { name: 'Find' });
    fireEvent.compositionStart(query);
    fireEvent.change(query, { target: { value: 'shi' } });
    fireEvent.keyDown(query, { key: 'Enter', isComposing: true });
    await act(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
    expect(count()).toBe('');
    fireEvent.change(query, { target: { value: '市长' } });
    fireEvent.compositionEnd(query, { data: '市长' });
    await waitFor(() => expect(count()).toBe('1 of 1 in the summary'));
  });
});
