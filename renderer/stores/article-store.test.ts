// Runs in: tests (node). A reporter edits an article: what gets saved, when, and what survives a failure.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { newArticle, type Article, type DocNode } from '../../common/article';
import type { RevisionInfo, SlugStyle } from '../../common/contract';
import { ApiError } from '../api/api-error';
import { createFakeApi } from '../../tests/support/fake-api';
import { prepareJson } from '../../common/prepared-json';
import { headlineSlug } from '../../common/text/headline-slug';
import { createArticleStore, type ArticleStore, type HeadlineSlug } from './article-store';
import type { EditorHandleLike } from './editor-handle';

const ID = 'art0000000001';
const NOW = '2026-11-25T09:00:00.000Z';

function bodyOf(text: string): DocNode {
  return { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] };
}

function fakeEditor(text: string): EditorHandleLike & { text: string } {
  const editor = {
    text,
    getBody: () => bodyOf(editor.text),
    focus: () => undefined,
    insertPhotos: async () => undefined,
    runCommand: () => undefined,
  };
  return editor;
}

/** An editor like the real one, which keeps its body encoded for saves. */
function preparedEditor(text: string): EditorHandleLike & { text: string } {
  const editor = fakeEditor(text);
  return Object.assign(editor, { getBodyJson: () => Promise.resolve(prepareJson(bodyOf(editor.text))) });
}

function setup(saveResult: (article: Article) => { revision: number; updatedAt: string; snapshot?: RevisionInfo | null } | Promise<never>, slugStyle?: () => SlugStyle) {
  const stored: Article = { ...newArticle(ID, NOW), headline: 'Old headline', body: bodyOf('stored') };
  const api = createFakeApi({
    'articles.get': () => stored,
    'articles.save': (input) => saveResult(input.article as Article),
  });
  const store = createArticleStore(api, { autosave: { runWhenIdle: (fn) => fn() }, slugStyle });
  return { api, store, stored };
}

/** The editor given `editor` as its body and changed; then the autosave's wait passes. */
async function editThenAutosave(store: ArticleStore, editor: EditorHandleLike): Promise<void> {
  store.getState().setEditorHandle(editor);
  store.getState().markBodyDirty();
  await vi.advanceTimersByTimeAsync(1000);
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('article store', () => {
  it('asks whether the story is shared together with the article, not once the article has come', async () => {
    const stored: Article = { ...newArticle(ID, NOW), body: bodyOf('stored') };
    const api = createFakeApi({ 'articles.get': () => stored, 'collab.session': () => null });
    const store = createArticleStore(api, { autosave: { runWhenIdle: (fn) => fn() } });
    await store.getState().open(ID);
    expect(api.calls.map((c) => c.name)).toEqual(['collab.session', 'articles.get']);
    const { sharedLookup, editorKey } = store.getState();
    expect(sharedLookup?.editorKey).toBe(editorKey);
    await expect(sharedLookup?.answer).resolves.toBeNull();
  });

  it('remembers the version an explicit save kept, for the status bar, until another article loads', async () => {
    const kept: RevisionInfo = { id: '01m9000000000000000000', at: '2026-11-25T09:05:00.000Z', reason: 'explicit-save', who: 'Li Wei', revision: 1, headline: 'Old headline' };
    const { store, stored } = setup((article) => ({ revision: article.revision + 1, updatedAt: kept.at, snapshot: kept }));
    await store.getState().open(ID);
    store.getState().setEditorHandle(fakeEditor('typed'));
    expect(store.getState().keptVersion).toBeNull();
    await store.getState().save(true);
    expect(store.getState().keptVersion).toEqual(kept);
    store.getState().load({ ...stored, revision: 5 });
    expect(store.getState().keptVersion).toBeNull();
  });

  it('autosave sends the headline from the store and the body from the editor, then keeps the new revision', async () => {
    const { api, store } = setup((article) => ({ revision: article.revision + 1, updatedAt: '2026-11-25T09:05:00.000Z' }));
    await store.getState().open(ID);
    const editor = fakeEditor('typed in the editor');
    store.getState().setEditorHandle(editor);
    store.getState().updateFields({ headline: 'Flood closes bridge' });
    await vi.advanceTimersByTimeAsync(1000);
    const [saved] = api.callsTo('articles.save') as { article: Article; explicit: boolean }[];
    expect(saved?.explicit).toBe(false);
    expect(saved?.article.headline).toBe('Flood closes bridge');
    expect(saved?.article.body).toEqual(bodyOf('typed in the editor'));
    expect(saved?.article.revision).toBe(0);
    expect(store.getState().article?.revision).toBe(1);
    expect(store.getState().saveState).toBe('saved');
  });

  it('an editor that keeps its body encoded is saved from those bytes, without serialising the body again', async () => {
    const { api, store } = setup((article) => ({ revision: article.revision + 1, updatedAt: '2026-11-25T09:05:00.000Z' }));
    await store.getState().open(ID);
    const editor = preparedEditor('typed in the editor');
    const trees = vi.spyOn(editor, 'getBody');
    await editThenAutosave(store, editor);
    const [saved] = api.callsTo('articles.save') as { article: Article }[];
    expect(saved?.article.body).toEqual(bodyOf('typed in the editor'));
    expect(trees).not.toHaveBeenCalled();
    expect(store.getState().saveState).toBe('saved');
  });

  it('the slug follows the headline until the reporter edits it; Reset slug follows again', async () => {
    const { store } = setup(() => ({ revision: 1, updatedAt: NOW }));
    await store.getState().open(ID);
    expect(store.getState().slugFollowsTyping).toBe(false);
    store.getState().updateFields({ headline: 'Flood Closes Bridge' });
    expect(store.getState().article?.meta.slug).toBe('flood-closes-bridge');
    // Typed in the headline: the details panel lets the slug catch up once typing pauses.
    expect(store.getState().slugFollowsTyping).toBe(true);
    store.getState().updateFields({ summary: 'Water rose overnight.' });
    expect(store.getState().slugFollowsTyping).toBe(true);
    store.getState().updateMeta({ slug: 'bridge', slugEdited: true });
    expect(store.getState().slugFollowsTyping).toBe(false);
    store.getState().updateFields({ headline: 'Bridge reopens' });
    expect(store.getState().article?.meta.slug).toBe('bridge');
    expect(store.getState().slugFollowsTyping).toBe(false);
    store.getState().updateFields({ headline: 'Bridge reopens at dawn' });
    store.getState().resetSlug();
    expect(store.getState().article?.meta).toMatchObject({ slug: 'bridge-reopens-at-dawn', slugEdited: false });
    // A reset shows at once, and so does another story.
    expect(store.getState().slugFollowsTyping).toBe(false);
    store.getState().updateFields({ headline: 'Bridge closes again' });
    expect(store.getState().slugFollowsTyping).toBe(true);
    await store.getState().open(ID);
    expect(store.getState().slugFollowsTyping).toBe(false);
  });

  it('a headline typed before the slug maker has loaded gets its slug once it has, and is saved with it; a slug set meanwhile stays', async () => {
    const stored: Article = { ...newArticle(ID, NOW), headline: 'Old headline', body: bodyOf('stored') };
    const api = createFakeApi({ 'articles.save': () => ({ revision: 1, updatedAt: NOW }) });
    let arrive: (make: HeadlineSlug) => void = () => undefined;
    const slugMaker = new Promise<HeadlineSlug>((resolve) => (arrive = resolve));
    const store = createArticleStore(api, { autosave: { runWhenIdle: (fn) => fn() }, loadHeadlineSlug: () => slugMaker });
    store.getState().load(stored);
    store.getState().updateFields({ headline: 'Flood Closes Bridge' });
    expect(store.getState().article?.headline).toBe('Flood Closes Bridge');
    arrive(headlineSlug);
    await vi.advanceTimersByTimeAsync(1000);
    expect(store.getState().article?.meta.slug).toBe('flood-closes-bridge');
    const saves = api.callsTo('articles.save') as { article: Article }[];
    expect(saves.at(-1)?.article.meta.slug).toBe('flood-closes-bridge');

    let arriveLate: (make: HeadlineSlug) => void = () => undefined;
    const late = createArticleStore(api, { autosave: { runWhenIdle: (fn) => fn() }, loadHeadlineSlug: () => new Promise<HeadlineSlug>((resolve) => (arriveLate = resolve)) });
    late.getState().load(stored);
    late.getState().updateFields({ headline: 'Bridge reopens' });
    late.getState().updateMeta({ slug: 'my-own', slugEdited: true });
    arriveLate(headlineSlug);
    await vi.advanceTimersByTimeAsync(1000);
    expect(late.getState().article?.meta).toMatchObject({ slug: 'my-own', slugEdited: true });
  });

  it('a newsroom that chose pinyin slugs gets them, with polyphones read right; switching back gives Chinese', async () => {
    let style: SlugStyle = 'pinyin';
    const { store } = setup(() => ({ revision: 1, updatedAt: NOW }), () => style);
    await store.getState().open(ID);
    store.getState().updateFields({ headline: '重庆银行行长' });
    expect(store.getState().article?.meta.slug).toBe('chong-qing-yin-hang-hang-zhang');
    style = 'chinese';
    store.getState().resetSlug();
    expect(store.getState().article?.meta.slug).toBe('重庆银行行长');
  });

  it('leaving the article inside the debounce saves the last edit first', async () => {
    const { api, store } = setup(() => ({ revision: 1, updatedAt: NOW }));
    await store.getState().open(ID);
    store.getState().setEditorHandle(fakeEditor('last words'));
    store.getState().markBodyDirty();
    expect(await store.getState().close()).toBe(true);
    expect(api.callsTo('articles.save')).toHaveLength(1);
    expect(store.getState().article).toBeNull();
  });

  it('when the disk is full the article stays open with its edits, and leaving is refused', async () => {
    const { store } = setup(() => Promise.reject(new ApiError('disk-full', 'ENOSPC')));
    await store.getState().open(ID);
    store.getState().updateFields({ summary: 'Important summary' });
    expect(await store.getState().close()).toBe(false);
    expect(store.getState().saveState).toBe('error');
    expect(store.getState().article?.summary).toBe('Important summary');
  });

  it('after a conflict nothing more is saved until the saved version is reloaded', async () => {
    const { api, store } = setup(() => Promise.reject(new ApiError('conflict', 'stale')));
    await store.getState().open(ID);
    store.getState().updateFields({ headline: 'Mine' });
    await vi.advanceTimersByTimeAsync(1000);
    expect(store.getState().saveState).toBe('conflict');
    store.getState().updateFields({ headline: 'Mine, more' });
    await vi.advanceTimersByTimeAsync(5000);
    await store.getState().save(true);
    expect(api.callsTo('articles.save')).toHaveLength(1);
    const keyBefore = store.getState().editorKey;
    await store.getState().reload();
    expect(store.getState().article?.headline).toBe('Old headline');
    expect(store.getState().saveState).toBe('saved');
    expect(store.getState().editorKey).toBe(keyBefore + 1);
  });

  describe('while Dateline’s background process restarts', () => {
    /** A library on the far side of the services: saves go through unless the test makes them fail. */
    function restartingLibrary() {
      let stored: Article = { ...newArticle(ID, NOW), headline: 'Bridge closes', body: bodyOf('stored') };
      const plan: ('restarting' | 'written-unanswered' | 'ok')[] = [];
      const write = (article: Article): { revision: number; updatedAt: string } => {
        if (article.revision !== stored.revision) throw new ApiError('conflict', 'saved elsewhere');
        stored = { ...article, revision: stored.revision + 1, updatedAt: '2026-11-25T09:05:00.000Z' };
        return { revision: stored.revision, updatedAt: stored.updatedAt };
      };
      const api = createFakeApi({
        'articles.get': () => stored,
        'articles.save': async (input) => {
          const step = plan.shift() ?? 'ok';
          if (step === 'ok') return write(input.article as Article);
          // The services process died under this save, before or after writing it.
          if (step === 'written-unanswered') write(input.article as Article);
          throw new ApiError('services-restarting', 'The services process stopped and is being restarted.');
        },
      });
      const notices: string[] = [];
      const store = createArticleStore(api, { autosave: { runWhenIdle: (fn) => fn() }, onSavedAfterRestart: () => notices.push('saved again') });
      return { api, store, plan, notices, stored: () => stored };
    }

    it('a refused save keeps the text, is retried at a steady pace, sends the newest words and says so once', async () => {
      const { api, store, plan, notices, stored } = restartingLibrary();
      plan.push('restarting', 'restarting', 'restarting');
      await store.getState().open(ID);
      const editor = fakeEditor('The bridge closed at noon.');
      await editThenAutosave(store, editor);
      expect(api.callsTo('articles.save')).toHaveLength(1);
      expect(store.getState().saveState).toBe('error');
      expect(notices).toEqual([]);
      // The reporter keeps typing while it restarts.
      editor.text = 'The bridge closed at noon. 河水上涨。';
      store.getState().markBodyDirty();
      // Retries come every 2 s while the services restart; they do not back off to half a minute.
      await vi.advanceTimersByTimeAsync(2000);
      expect(api.callsTo('articles.save')).toHaveLength(2);
      await vi.advanceTimersByTimeAsync(2000);
      expect(api.callsTo('articles.save')).toHaveLength(3);
      await vi.advanceTimersByTimeAsync(2000);
      expect(api.callsTo('articles.save')).toHaveLength(4);
      expect(store.getState().saveState).toBe('saved');
      expect(stored().body).toEqual(bodyOf('The bridge closed at noon. 河水上涨。'));
      expect(notices).toEqual(['saved again']);
      // Later saves are ordinary again: no more notices.
      store.getState().markBodyDirty();
      await vi.advanceTimersByTimeAsync(1000);
      expect(notices).toEqual(['saved again']);
    });

    it.each([
      ['its body as a tree', fakeEditor],
      ['its body kept encoded', preparedEditor],
    ])('a save written just before the process died, but never answered, is not mistaken for a conflict (an editor with %s)', async (_kind, makeEditor) => {
      const { store, plan, notices, stored } = restartingLibrary();
      plan.push('written-unanswered');
      await store.getState().open(ID);
      const editor = makeEditor('First paragraph.');
      await editThenAutosave(store, editor);
      expect(stored().revision).toBe(1);
      expect(store.getState().article?.revision).toBe(0);
      editor.text = 'First paragraph. Second paragraph.';
      store.getState().markBodyDirty();
      await vi.advanceTimersByTimeAsync(2000);
      expect(store.getState().saveState).toBe('saved');
      expect(stored()).toMatchObject({ revision: 2, body: bodyOf('First paragraph. Second paragraph.') });
      expect(notices).toEqual(['saved again']);
    });

    it('a different version saved elsewhere meanwhile is still a conflict', async () => {
      const { api, store, plan, stored } = restartingLibrary();
      plan.push('restarting');
      await store.getState().open(ID);
      await editThenAutosave(store, fakeEditor('Mine.'));
      // Someone else's save lands while the services restart.
      await api.call('articles.save', { article: { ...stored(), headline: 'Theirs' }, explicit: false });
      await vi.advanceTimersByTimeAsync(2000);
      expect(store.getState().saveState).toBe('conflict');
      expect(stored().headline).toBe('Theirs');
    });
  });

  it('an autosave reads the body, then ends its task before encoding and sending it', async () => {
    let release: () => void = () => undefined;
    const yielded = new Promise<void>((resolve) => (release = resolve));
    const stored: Article = { ...newArticle(ID, NOW), body: bodyOf('stored') };
    const api = createFakeApi({ 'articles.get': () => stored, 'articles.save': () => ({ revision: 1, updatedAt: NOW }) });
    const store = createArticleStore(api, { autosave: { runWhenIdle: (fn) => fn() }, yieldToInput: () => yielded });
    await store.getState().open(ID);
    const editor = fakeEditor('typed');
    const reads = vi.spyOn(editor, 'getBody');
    await editThenAutosave(store, editor);
    expect(reads).toHaveBeenCalledTimes(1);
    expect(api.callsTo('articles.save')).toEqual([]);
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(api.callsTo('articles.save')).toHaveLength(1);
    expect(store.getState().saveState).toBe('saved');
  });

  it('keys typed while an autosave is held between reading and sending keep the story dirty, and the next autosave carries them', async () => {
    let release: () => void = () => undefined;
    const yielded = new Promise<void>((resolve) => (release = resolve));
    const stored: Article = { ...newArticle(ID, NOW), body: bodyOf('stored') };
    let revision = 0;
    const api = createFakeApi({ 'articles.get': () => stored, 'articles.save': () => ({ revision: ++revision, updatedAt: NOW }) });
    const store = createArticleStore(api, { autosave: { runWhenIdle: (fn) => fn() }, yieldToInput: () => yielded });
    await store.getState().open(ID);
    const editor = fakeEditor('first words');
    await editThenAutosave(store, editor);
    expect(store.getState().saveState).toBe('saving');
    // The body is read; the save waits for its turn. The reporter types on meanwhile.
    editor.text = 'first words and more';
    store.getState().markBodyDirty();
    release();
    await vi.advanceTimersByTimeAsync(0);
    const first = api.callsTo('articles.save') as { article: Article }[];
    expect(first).toHaveLength(1);
    expect(first[0]?.article.body).toEqual(bodyOf('first words'));
    expect(store.getState().saveState).toBe('dirty');
    await vi.advanceTimersByTimeAsync(1000);
    const saves = api.callsTo('articles.save') as { article: Article }[];
    expect(saves).toHaveLength(2);
    expect(saves[1]?.article.body).toEqual(bodyOf('first words and more'));
    expect(saves[1]?.article.revision).toBe(1);
    expect(store.getState().saveState).toBe('saved');
  });
});
