// @vitest-environment happy-dom
// Runs in: tests (happy-dom). The article screen's editor host opens a story the services call shared
// (collab.session) in the collaborative editor: the body from the story document, who else is there,
// and the headline and metadata bound both ways to the document's maps. A story that is not shared
// opens in the single-writer editor from the saved body, as before. The session's network side is
// replaced by a second document joined in memory (the real one is tested against a server in
// tests/integration/newsroom-story-session.test.ts).
import type { Editor } from '@tiptap/core';
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { newArticle, type Article } from '../../../common/article';
import type { CollabSession } from '../../../common/collab/collab-contract';
import type { ReviewState } from '../../../common/workflow/review-contract';
import { STORY_ARTICLE_META, writeArticleToStory } from '../../../common/collab/story-article';
import { storyDocParts } from '../../../common/collab/story-doc';
import { createFakeApi } from '../../../tests/support/fake-api';
import { createStoryCollaboration } from '../../editor/collab/story-collaboration';
import { openStorySession, type StorySession } from '../../editor/collab/story-session';
import { useI18nStore } from '../../i18n/i18n-store';
import { createAppStores, type AppStores } from '../../stores/app-stores';
import { StoresContext } from '../../stores/stores-context';
import { isSuggesting, setSuggesting } from '../../editor/suggestion-mode';
import { listSuggestions } from '../../editor/suggestion-review';
import { EditorHost } from './editor-host';

vi.mock('../../editor/collab/story-session', () => ({ openStorySession: vi.fn() }));

afterEach(() => cleanup());
beforeEach(() => {
  useI18nStore.getState().setLocale('en');
  vi.mocked(openStorySession).mockReset();
});

const ID = 'sharedhost0001';
const LINK: CollabSession = { collabUrl: 'ws://127.0.0.1:1/collab', documentName: `story:${ID}`, user: { name: 'Li Wei', role: 'reporter' } };

function savedArticle(): Article {
  return {
    ...newArticle(ID, '2026-12-01T09:00:00.000Z'),
    headline: 'Saved headline',
    body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'The saved body.' }] }] },
  };
}

/** The desk's side: a document and presence joined both ways with the ones the host opens. */
function joinedDesk(): { local: Y.Doc; localAwareness: Awareness; desk: Y.Doc; deskAwareness: Awareness } {
  const local = new Y.Doc();
  const desk = new Y.Doc();
  const localAwareness = new Awareness(local);
  const deskAwareness = new Awareness(desk);
  const pairs = [
    [local, desk, localAwareness, deskAwareness],
    [desk, local, deskAwareness, localAwareness],
  ] as const;
  for (const [from, to, fromAwareness, toAwareness] of pairs) {
    from.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== 'remote') Y.applyUpdate(to, update, 'remote');
    });
    fromAwareness.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
      if (origin !== 'remote') applyAwarenessUpdate(toAwareness, encodeAwarenessUpdate(fromAwareness, [...added, ...updated, ...removed]), 'remote');
    });
  }
  return { local, localAwareness, desk, deskAwareness };
}

function inMemorySession(doc: Y.Doc, awareness: Awareness): StorySession {
  return {
    doc,
    provider: { awareness } as unknown as StorySession['provider'],
    ready: Promise.resolve(),
    collaboration: () => createStoryCollaboration({ fragment: storyDocParts(doc).body, awareness, user: { name: 'Li Wei', color: '#0b57d0' } }),
    connection: () => 'synced',
    onConnection: () => () => undefined,
    readOnly: () => false,
    onReadOnly: () => () => undefined,
    flushed: () => Promise.resolve(),
    destroy: () => undefined,
  };
}

function renderHost(stores: AppStores): void {
  render(
    <StoresContext.Provider value={stores}>
      <EditorHost />
    </StoresContext.Provider>,
  );
}

async function bodyEditor(): Promise<Editor> {
  const textbox = await screen.findByRole('textbox', { name: 'Article body' });
  return (textbox as HTMLElement & { editor: Editor }).editor;
}

describe('the editor host', () => {
  it('opens a story that is not shared in the single-writer editor, from the saved body', async () => {
    const api = createFakeApi({ 'collab.session': () => null });
    const stores = createAppStores(api);
    act(() => stores.article.getState().load(savedArticle()));
    renderHost(stores);
    const editor = await bodyEditor();
    expect(editor.getText()).toBe('The saved body.');
    expect(api.callsTo('collab.session')).toEqual([{ id: ID }]);
    expect(openStorySession).not.toHaveBeenCalled();
    expect(screen.queryByRole('region', { name: 'In this story' })).toBeNull();
  });

  it('opened from the library, takes whether the story is shared from the answer that came with it: one question', async () => {
    const api = createFakeApi({ 'articles.get': () => savedArticle(), 'collab.session': () => null });
    const stores = createAppStores(api);
    await act(() => stores.article.getState().open(ID));
    renderHost(stores);
    const editor = await bodyEditor();
    expect(editor.getText()).toBe('The saved body.');
    expect(api.callsTo('collab.session')).toEqual([{ id: ID }]);
  });

  it('opens a shared story from its live document, shows who is in it and binds the headline both ways', async () => {
    const { local, localAwareness, desk, deskAwareness } = joinedDesk();
    const seed = { ...savedArticle(), headline: 'Story headline', body: { type: 'doc' as const, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'The live body.' }] }] } };
    writeArticleToStory(desk, seed);
    deskAwareness.setLocalStateField('user', { name: 'Ana Desk', color: '#b3261e' });
    vi.mocked(openStorySession).mockImplementation(() => Promise.resolve(inMemorySession(local, localAwareness)));
    const api = createFakeApi({ 'collab.session': () => LINK, 'articles.save': () => ({ revision: 1, updatedAt: '2026-12-01T09:05:00.000Z' }) });
    const stores = createAppStores(api);
    act(() => stores.article.getState().load(savedArticle()));
    renderHost(stores);

    const editor = await bodyEditor();
    expect(editor.getText()).toBe('The live body.');
    expect(vi.mocked(openStorySession).mock.calls[0]?.[0]).toMatchObject({ articleId: ID, session: LINK });
    const people = await screen.findByRole('region', { name: 'In this story' });
    expect(people.textContent).toContain('Ana Desk');
    expect(people.textContent).not.toContain('Li Wei');
    expect(screen.getByText('Shared live with the newsroom server')).toBeTruthy();

    // The document's headline replaces the saved one; the desk's change arrives; ours goes out.
    await waitFor(() => expect(stores.article.getState().article?.headline).toBe('Story headline'));
    act(() => storyDocParts(desk).fields.set('headline', 'Desk rewrote the headline'));
    expect(stores.article.getState().article?.headline).toBe('Desk rewrote the headline');
    act(() => stores.article.getState().updateFields({ headline: 'Reporter has the last word' }));
    expect(storyDocParts(desk).fields.get('headline')).toBe('Reporter has the last word');
    act(() => stores.article.getState().updateMeta({ section: 'City' }));
    expect(storyDocParts(desk).meta.get(STORY_ARTICLE_META)).toMatchObject({ section: 'City', slug: 'reporter-has-the-last-word' });

    // Typing in the body reaches the desk's document; the desk leaving empties the list.
    act(() => {
      editor.chain().focus('end').insertContent(' More.').run();
    });
    expect(storyDocParts(desk).body.toString()).toContain('The live body. More.');
    act(() => deskAwareness.setLocalState(null));
    await waitFor(() => expect(screen.getByRole('region', { name: 'In this story' }).textContent).toBe('Nobody else is in this story now.'));
  });

  it('turns a story live once it went to the newsroom server, without being reopened', async () => {
    const { local, localAwareness, desk } = joinedDesk();
    let shared = false;
    const saves: Article[] = [];
    vi.mocked(openStorySession).mockImplementation(() => {
      // The submission wrote the saved article into the story document.
      writeArticleToStory(desk, saves.at(-1) ?? savedArticle());
      return Promise.resolve(inMemorySession(local, localAwareness));
    });
    const api = createFakeApi({
      'collab.session': () => (shared ? LINK : null),
      'articles.save': ({ article }) => {
        saves.push(article as Article);
        return { revision: saves.length, updatedAt: '2026-12-01T09:05:00.000Z' };
      },
    });
    const stores = createAppStores(api);
    act(() => stores.article.getState().load(savedArticle()));
    renderHost(stores);
    const alone = await bodyEditor();
    act(() => {
      alone.chain().focus('end').insertContent(' Typed alone.').run();
    });
    // Submitting saves the article, then writes it into the story on the server.
    await act(() => stores.article.getState().flush());
    shared = true;
    act(() => stores.review.setState({ state: { articleId: ID, hub: { kind: 'newsroom', location: 'http://127.0.0.1:1' } } as ReviewState }));
    await waitFor(() => expect(screen.getByRole('region', { name: 'In this story' })).toBeTruthy());
    const live = await bodyEditor();
    expect(live).not.toBe(alone);
    expect(live.getText()).toBe('The saved body. Typed alone.');
    act(() => {
      live.chain().focus('end').insertContent(' Live.').run();
    });
    expect(storyDocParts(desk).body.toString()).toContain('Typed alone. Live.');
  });

  it('puts an editor on someone else’s story in Suggesting when the review state came before the editor', async () => {
    // The review state is known at once; whether the story is shared is answered later, so the
    // editor mounts after the state it must follow.
    let answer: (link: null) => void = () => undefined;
    const api = createFakeApi({ 'collab.session': () => new Promise<null>((resolve) => (answer = resolve)) });
    const stores = createAppStores(api);
    act(() => stores.article.getState().load(savedArticle()));
    act(() => stores.review.setState({ state: { articleId: ID, hub: null, profile: { name: 'Ana Desk', role: 'editor' }, owner: 'Li Wei' } as unknown as ReviewState }));
    renderHost(stores);
    await waitFor(() => expect(api.callsTo('collab.session')).toHaveLength(1));
    act(() => answer(null));
    const editor = await bodyEditor();
    await waitFor(() => expect(isSuggesting(editor.state)).toBe(true));
  });

  it('records suggestions under "Your name" from Settings when no newsroom role is set', async () => {
    const api = createFakeApi({ 'collab.session': () => null });
    const stores = createAppStores(api);
    act(() => stores.settings.setState({ settings: { ...stores.settings.getState().settings, userName: '  Li Wei ', role: null } as never }));
    act(() => stores.article.getState().load(savedArticle()));
    renderHost(stores);
    const editor = await bodyEditor();
    act(() => {
      setSuggesting(editor.view, true);
      editor.commands.setTextSelection(5);
      editor.view.dispatch(editor.state.tr.insertText('new '));
    });
    await waitFor(() => expect(listSuggestions(editor.state.doc).map((s) => s.authorName)).toEqual(['Li Wei']));
  });
});
