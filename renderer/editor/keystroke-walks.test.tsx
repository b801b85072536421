// @vitest-environment happy-dom
// Runs in: tests (happy-dom, the real body editor). Typing into a long body does work in proportion
// to the edit, not to the body: neither the keystroke nor the refreshes that follow it in idle time
// (counts, the suggestion list) walk the whole document.
import type { Editor } from '@tiptap/core';
import { Node as PmNode } from '@tiptap/pm/model';
import { act, cleanup, render, screen } from '@testing-library/react';
import { createRef } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../common/app-error';
import type { DocNode } from '../../common/article';
import type { DatelineApi } from '../../common/contract';
import type { TextStats } from '../../common/text/text-stats';
import { waitUntil } from '../../tests/support/wait-until';
import { ArticleEditor, type ArticleEditorHandle } from './article-editor';

const PARAGRAPHS = 300;

const api: DatelineApi = {
  transport: 'http',
  mediaUrl: (id) => `http://127.0.0.1/media/${id}`,
  thumbnailUrl: (id) => `http://127.0.0.1/thumbnails/${id}`,
  call: () => Promise.reject(new AppError('internal', 'unexpected call')),
};

function longBody(): DocNode {
  return { type: 'doc', content: Array.from({ length: PARAGRAPHS }, (_, i) => ({ type: 'paragraph', content: [{ type: 'text', text: `Paragraph ${i} of the council story.` }] })) };
}

/** Records each walk over (most of) the whole document: descendants, nodesBetween, textBetween, toJSON. */
function recordWholeDocumentWalks(): string[] {
  const walks: string[] = [];
  const whole = (node: PmNode, from: number, to: number) => node.type.name === 'doc' && to - from > node.content.size / 2;
  const { descendants, nodesBetween, textBetween, toJSON } = PmNode.prototype;
  vi.spyOn(PmNode.prototype, 'descendants').mockImplementation(function (this: PmNode, f) {
    if (this.type.name === 'doc') walks.push('descendants');
    return descendants.call(this, f);
  });
  vi.spyOn(PmNode.prototype, 'nodesBetween').mockImplementation(function (this: PmNode, from, to, f, start) {
    if (whole(this, from, to)) walks.push('nodesBetween');
    return nodesBetween.call(this, from, to, f, start);
  });
  vi.spyOn(PmNode.prototype, 'textBetween').mockImplementation(function (this: PmNode, from, to, block, leaf) {
    if (whole(this, from, to)) walks.push('textBetween');
    return textBetween.call(this, from, to, block, leaf);
  });
  vi.spyOn(PmNode.prototype, 'toJSON').mockImplementation(function (this: PmNode) {
    if (this.type.name === 'doc') walks.push('toJSON');
    return toJSON.call(this);
  });
  return walks;
}

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('typing in a long body', () => {
  it('walks no whole document, per key or in the idle refreshes after it, also while suggesting', async () => {
    const handle = createRef<ArticleEditorHandle>();
    const stats: TextStats[] = [];
    render(<ArticleEditor ref={handle} initialBody={longBody()} api={api} language="en" onDirty={() => {}} onStats={(s) => stats.push(s)} onError={() => {}} />);
    const editor = (screen.getByRole('textbox', { name: 'Article body' }) as HTMLElement & { editor: Editor }).editor;
    act(() => handle.current?.configureSuggestions({ id: 'sam', name: 'Sam Editor' }, true));
    // The first count comes after the body is painted, in idle time.
    await waitUntil(() => stats.length > 0, 'the first count of the opened body', 5000, 20);
    const wordsBefore = stats.at(-1)?.words ?? 0;
    const walks = recordWholeDocumentWalks();

    let at = 1;
    for (let i = 0; i < 150; i++) at += editor.state.doc.child(i).nodeSize;
    act(() => {
      editor.commands.setTextSelection(at);
      for (const letter of 'flooded ') editor.view.dispatch(editor.state.tr.insertText(letter));
    });
    // The counts and the suggestion list catch up in idle time.
    await waitUntil(() => (stats.at(-1)?.words ?? 0) === wordsBefore + 1, 'the counts follow the typing', 5000, 20);
    await waitUntil(() => (document.querySelector('.dl-suggestions__list')?.textContent ?? '').includes('flooded'), 'the suggestion list shows the typing', 5000, 20);
    expect(walks).toEqual([]);
  });
});
