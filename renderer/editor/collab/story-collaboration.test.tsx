// @vitest-environment happy-dom
// Runs in: tests (happy-dom). Two body editors bound to one shared story (two Yjs documents joined
// as the server would join them): the body is read from the story document, what one types appears
// in the other, and who is there and where their caret is reaches the other.
import type { Editor } from '@tiptap/core';
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { AppError } from '../../../common/app-error';
import { writeArticleToStory } from '../../../common/collab/story-article';
import { storyBodyText, storyDocParts } from '../../../common/collab/story-doc';
import { newArticle } from '../../../common/article';
import type { DatelineApi } from '../../../common/contract';
import { ArticleEditor } from '../article-editor';
import { createStoryCollaboration } from './story-collaboration';
import { setSuggesting } from '../suggestion-mode';
import { decideSuggestions, listSuggestions } from '../suggestion-review';

afterEach(() => cleanup());

const api: DatelineApi = {
  transport: 'http',
  mediaUrl: (id) => `http://127.0.0.1/media/${id}`,
  thumbnailUrl: (id) => `http://127.0.0.1/thumbnails/${id}`,
  call: () => Promise.reject(new AppError('internal', 'not in this test')),
};

/** Two documents and their presence, joined both ways. */
function joinedPair(): { docs: [Y.Doc, Y.Doc]; awareness: [Awareness, Awareness] } {
  const docs: [Y.Doc, Y.Doc] = [new Y.Doc(), new Y.Doc()];
  const awareness: [Awareness, Awareness] = [new Awareness(docs[0]), new Awareness(docs[1])];
  for (const [from, to] of [[0, 1], [1, 0]] as const) {
    docs[from].on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== 'remote') Y.applyUpdate(docs[to], update, 'remote');
    });
    awareness[from].on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
      if (origin !== 'remote') applyAwarenessUpdate(awareness[to], encodeAwarenessUpdate(awareness[from], [...added, ...updated, ...removed]), 'remote');
    });
  }
  return { docs, awareness };
}

function renderShared(doc: Y.Doc, awareness: Awareness, name: string, label: string): Editor {
  render(
    <div aria-label={label} role="region">
      <ArticleEditor
        initialBody={{ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'NOT FROM THE STORY' }] }] }}
        api={api}
        language="en"
        onDirty={vi.fn()}
        onStats={vi.fn()}
        onError={vi.fn()}
        collaboration={createStoryCollaboration({ fragment: storyDocParts(doc).body, awareness, user: { name, color: '#c0392b' } })}
      />
    </div>,
  );
  const region = screen.getByRole('region', { name: label });
  const textbox = region.querySelector('[role="textbox"]') as HTMLElement & { editor: Editor };
  // happy-dom focuses only elements with a tabindex; a browser focuses the contenteditable as it is.
  textbox.tabIndex = 0;
  return textbox.editor;
}

describe('the body of a shared story', () => {
  it('shows each one’s typing to the other, shares who is there and where', () => {
    const { docs, awareness } = joinedPair();
    const seed = newArticle('sharedstory001', new Date().toISOString());
    writeArticleToStory(docs[0], { ...seed, body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'The river rose.' }] }] } });
    const reporter = renderShared(docs[0], awareness[0], 'Li Wei', 'reporter');
    const desk = renderShared(docs[1], awareness[1], 'Ana Desk', 'desk');
    expect(reporter.getText()).toBe('The river rose.');
    expect(desk.getText()).toBe('The river rose.');

    act(() => {
      reporter.chain().focus('end').insertContent(' Roads closed.').run();
    });
    expect(desk.getText()).toBe('The river rose. Roads closed.');
    act(() => {
      desk.view.dom.focus();
      desk.chain().focus('start').insertContent('BREAKING: ').run();
    });
    expect(reporter.getText()).toBe('BREAKING: The river rose. Roads closed.');
    expect(storyBodyText(docs[0])).toBe('BREAKING: The river rose. Roads closed.');

    // Presence: the reporter's side knows who else is in the story.
    expect([...awareness[0].getStates().values()].map((state) => (state.user as { name: string }).name).sort()).toEqual(['Ana Desk', 'Li Wei']);
    // The desk's caret reaches the reporter's side (its editor draws it with the name; drawing is
    // checked in a browser, not here).
    const deskState = [...awareness[0].getStates().values()].find((state) => (state.user as { name: string }).name === 'Ana Desk');
    expect(deskState?.cursor).toEqual(expect.objectContaining({ anchor: expect.anything(), head: expect.anything() }));
  });

  it('carries suggestions over the binding: who suggested what, and the decision on it', () => {
    const { docs, awareness } = joinedPair();
    const seed = newArticle('sharedstory002', new Date().toISOString());
    writeArticleToStory(docs[0], { ...seed, body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'The river rose fast.' }] }] } });
    const desk = renderShared(docs[0], awareness[0], 'Ana Desk', 'desk');
    const reporter = renderShared(docs[1], awareness[1], 'Li Wei', 'reporter');

    act(() => {
      // Both suggest: what arrives from the other must never be marked again as one's own.
      setSuggesting(reporter.view, true, { id: 'li wei', name: 'Li Wei' });
      setSuggesting(desk.view, true, { id: 'ana desk', name: 'Ana Desk' });
      desk.commands.setTextSelection(16);
      desk.view.dispatch(desk.state.tr.insertText('very '));
      desk.commands.setTextSelection({ from: 11, to: 16 });
      desk.view.dispatch(desk.state.tr.deleteSelection());
    });
    const seen = listSuggestions(reporter.state.doc).map(({ kind, authorId, authorName, text }) => ({ kind, authorId, authorName, text }));
    expect(seen).toEqual([
      { kind: 'delete', authorId: 'ana desk', authorName: 'Ana Desk', text: 'rose ' },
      { kind: 'insert', authorId: 'ana desk', authorName: 'Ana Desk', text: 'very ' },
    ]);
    expect(reporter.getText()).toBe(desk.getText());

    act(() => {
      setSuggesting(reporter.view, false);
      const accept = decideSuggestions(reporter.state, 'accept', () => true);
      if (accept) reporter.view.dispatch(accept);
    });
    expect(desk.getText()).toBe('The river very fast.');
    expect(listSuggestions(desk.state.doc)).toEqual([]);
  });

  it('stays read-only while the server does not take this person’s edits, and follows when that changes', () => {
    const doc = new Y.Doc();
    writeArticleToStory(doc, { ...newArticle('sharedstory003', new Date().toISOString()), body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Approved text.' }] }] } });
    let readOnly = true;
    const listeners = new Set<(value: boolean) => void>();
    const setReadOnly = (value: boolean) => {
      readOnly = value;
      listeners.forEach((listener) => listener(value));
    };
    render(
      <div aria-label="reporter" role="region">
        <ArticleEditor
          initialBody={{ type: 'doc', content: [] }}
          api={api}
          language="en"
          onDirty={vi.fn()}
          onStats={vi.fn()}
          onError={vi.fn()}
          collaboration={createStoryCollaboration({
            fragment: storyDocParts(doc).body,
            awareness: null,
            user: { name: 'Li Wei', color: '#0b57d0' },
            readOnly: {
              current: () => readOnly,
              subscribe: (listener) => {
                listeners.add(listener);
                return () => listeners.delete(listener);
              },
            },
          })}
        />
      </div>,
    );
    const editor = (screen.getByRole('region', { name: 'reporter' }).querySelector('[role="textbox"]') as HTMLElement & { editor: Editor }).editor;
    expect(editor.getText()).toBe('Approved text.');
    expect(editor.isEditable).toBe(false);
    act(() => setReadOnly(false));
    expect(editor.isEditable).toBe(true);
    act(() => setReadOnly(true));
    expect(editor.isEditable).toBe(false);
  });
});
