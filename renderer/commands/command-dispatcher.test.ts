// Runs in: tests (node). Menu commands and shortcuts reach the right place.
import { settingsSchema } from '../../common/contract';
import { describe, expect, it } from 'vitest';
import { articleSchema, newArticle, type Article } from '../../common/article';
import type { DatelineApi, OperationName } from '../../common/contract';
import type { ReviewState } from '../../common/workflow/review-contract';
import type { MenuCommand } from '../../common/bridge';
import { useI18nStore } from '../i18n/i18n-store';
import { createAppStores } from '../stores/app-stores';
import { createFakeApi } from '../../tests/support/fake-api';
import { createCommandDispatcher } from './command-dispatcher';
import { installKeyboardShortcuts, shortcutCommand } from './keyboard-shortcuts';
import { parseAccelerator } from '../../common/commands/accelerator';
import { acceleratorOn, COMMAND_TABLE, type CommandSpec } from '../../common/commands/command-table';
import { testReviewState } from '../../tests/support/test-review-state';

const ID = 'art0000000001';

function setup(transport: 'ipc' | 'http' = 'http') {
  const fake = createFakeApi({
    'articles.get': () => newArticle(ID, '2026-11-25T09:00:00.000Z'),
    'articles.save': () => ({ revision: 1, updatedAt: '2026-11-25T09:01:00.000Z' }),
    'articles.export': () => ({ folder: '/exports/flood', file: '/exports/flood/index.html', files: [] }),
    'settings.update': (input) => settingsSchema.parse({ locale: input.locale ?? 'system' }),
    'articles.create': (input) => ({ ...newArticle('art0000000002', '2026-11-25T09:00:00.000Z'), meta: { ...newArticle('x', '2026-11-25T09:00:00.000Z').meta, language: input.language ?? 'en' } }),
    'library.list': () => ({ items: [], matched: 0, indexing: 0, sections: [], tags: [], total: 0 }),
    'articles.exportPage': () => ({ fileName: 'flood.html', html: '<!doctype html><title>Flood</title>' }),
  });
  const api = Object.assign(fake, { transport });
  const stores = createAppStores(api);
  const ran: MenuCommand[] = [];
  stores.article.getState().setEditorHandle({
    getBody: () => ({ type: 'doc', content: [] }),
    focus: () => undefined,
    insertPhotos: async () => undefined,
    runCommand: (cmd) => ran.push(cmd),
  });
  return { api, stores, ran, dispatch: createCommandDispatcher(stores) };
}

describe('command dispatcher', () => {
  it('Format ▸ Bold from the menu reaches the body editor', async () => {
    const { dispatch, ran, stores } = setup();
    await stores.article.getState().open(ID);
    await dispatch('format.bold');
    expect(ran).toEqual(['format.bold']);
  });

  it('New article asks for the cursor in the headline, not the body', async () => {
    const { dispatch, stores } = setup();
    await dispatch('article.new');
    expect(stores.ui.getState().headlineFocusPending).toBe(true);
  });

  it('Focus Writing and the side panel toggle from one command each, only with a story open', async () => {
    const { dispatch, stores } = setup();
    await dispatch('view.focus-writing');
    expect(stores.ui.getState().focusWriting).toBe(false);
    await stores.article.getState().open(ID);
    const panelBefore = stores.ui.getState().sidePanelOpen;
    await dispatch('view.focus-writing');
    await dispatch('view.side-panel');
    expect(stores.ui.getState()).toMatchObject({ focusWriting: true, sidePanelOpen: !panelBefore });
    await dispatch('view.focus-writing');
    expect(stores.ui.getState().focusWriting).toBe(false);
  });

  it('Preview as Published saves pending edits and opens the preview', async () => {
    const { dispatch, stores } = setup();
    await stores.article.getState().open(ID);
    await dispatch('article.preview');
    expect(stores.ui.getState().dialog).toBe('preview');
  });

  it('Save makes an explicit save with a revision', async () => {
    const { dispatch, api, stores } = setup();
    await stores.article.getState().open(ID);
    await dispatch('article.save');
    expect(api.callsTo('articles.save')).toMatchObject([{ explicit: true }]);
  });

  it('Export HTML in the desktop app tells where the files went, with the story’s slug proposed to the Save dialog', async () => {
    const { dispatch, stores, api } = setup('ipc');
    useI18nStore.getState().setLocale('en');
    await stores.article.getState().open(ID);
    await dispatch('article.export-html');
    expect(api.callsTo('articles.export')).toEqual([{ id: ID, format: 'html', suggestedName: ID }]);
    expect(stores.ui.getState().notices.at(-1)).toMatchObject({ message: 'Exported to /exports/flood', path: '/exports/flood/index.html' });
  });

  it('Export HTML in a browser offers the page as a download named after the slug', async () => {
    const { Window } = await import('happy-dom');
    const window = new Window();
    const downloads: string[] = [];
    window.document.addEventListener('click', (event) => {
      const anchor = event.target as unknown as { download?: string; href?: string };
      downloads.push(`${anchor.download ?? ''} ${String(anchor.href).startsWith('blob:')}`);
      event.preventDefault();
    });
    const previous = globalThis.document;
    Object.assign(globalThis, { document: window.document });
    try {
      const { dispatch, stores, api } = setup('http');
      useI18nStore.getState().setLocale('en');
      await stores.article.getState().open(ID);
      await dispatch('article.export-html');
      expect(api.callsTo('articles.exportPage')).toEqual([{ id: ID }]);
      expect(api.callsTo('articles.export')).toEqual([]);
      expect(downloads).toEqual(['flood.html true']);
      expect(stores.ui.getState().notices.at(-1)).toMatchObject({ message: 'Downloaded flood.html' });
    } finally {
      Object.assign(globalThis, { document: previous });
      await window.happyDOM.close();
    }
  });

  it('Language ▸ 简体中文 switches the interface and remembers it', async () => {
    const { dispatch, api } = setup();
    await dispatch('language.zh-CN');
    expect(useI18nStore.getState().locale).toBe('zh-CN');
    expect(api.callsTo('settings.update')).toEqual([{ locale: 'zh-CN' }]);
    await dispatch('language.en');
  });

  it('browser shortcuts: Mod-S saves, Mod-Alt-N makes a new article, plain keys do nothing', () => {
    const key = { key: 's', code: 'KeyS', ctrlKey: true, metaKey: false, altKey: false, shiftKey: false, isComposing: false };
    expect(shortcutCommand(key)).toBe('article.save');
    expect(shortcutCommand({ ...key, ctrlKey: false, metaKey: true })).toBe('article.save');
    expect(shortcutCommand({ ...key, key: 'n', code: 'KeyN', altKey: true })).toBe('article.new');
    expect(shortcutCommand({ ...key, ctrlKey: false })).toBeNull();
    expect(shortcutCommand({ ...key, isComposing: true })).toBeNull();
  });

  it('every window key the table gives a browser tab reaches its command; editor keys are left to the editor', async () => {
    const { Window } = await import('happy-dom');
    const window = new Window();
    try {
      const ran: MenuCommand[] = [];
      const remove = installKeyboardShortcuts(window as unknown as globalThis.Window, (command) => ran.push(command));
      const expected: string[] = [];
      for (const spec of COMMAND_TABLE as readonly CommandSpec[]) {
        const accelerator = acceleratorOn(spec, 'browser');
        if (!accelerator) continue;
        const { mod, shift, alt, key } = parseAccelerator(accelerator);
        const code = /^[A-Z]$/.test(key) ? `Key${key}` : /^[0-9]$/.test(key) ? `Digit${key}` : 'Minus';
        const event = new window.KeyboardEvent('keydown', { key: shift ? key : key.toLowerCase(), code, ctrlKey: mod, shiftKey: shift, altKey: alt, cancelable: true });
        window.dispatchEvent(event);
        if (spec.keys !== 'editor') {
          expected.push(spec.id);
          expect(event.defaultPrevented, spec.id).toBe(true);
        }
      }
      remove();
      expect(ran).toEqual(expected);
      expect(ran).toEqual(expect.arrayContaining(['article.save', 'article.new', 'article.insert-photo', 'view.command-palette']));
      expect(ran).not.toContain('format.bold');
    } finally {
      await window.happyDOM.close();
    }
  });

  it('Ctrl/Cmd+Shift+P in a browser tab opens the command palette', async () => {
    const { dispatch, stores } = setup();
    const key = { key: 'P', code: 'KeyP', ctrlKey: true, metaKey: false, altKey: false, shiftKey: true, isComposing: false };
    const command = shortcutCommand(key);
    expect(command).toBe('view.command-palette');
    await dispatch(command!);
    expect(stores.ui.getState().dialog).toBe('palette');
  });

  it('New article from the library starts in the interface language; from an open story, in its language', async () => {
    const { api, dispatch, stores } = setup();
    useI18nStore.getState().setLocale('zh-CN');
    try {
      await dispatch('article.new');
      expect(api.callsTo('articles.create')).toEqual([{ language: 'zh-CN' }]);
      useI18nStore.getState().setLocale('en');
      await dispatch('article.new'); // the new Chinese story is open now
      expect(api.callsTo('articles.create').at(-1)).toEqual({ language: 'zh-CN' });
      expect(stores.article.getState().article?.meta.language).toBe('zh-CN');
    } finally {
      useI18nStore.getState().setLocale('en');
    }
  });

  describe('back without typing', () => {
    // A small library on the fake: what was created and saved, and what is trashed or gone.
    function library(review: (id: string) => Partial<ReviewState> = () => ({})) {
      const articles = new Map<string, Article>();
      let next = 10;
      const api = createFakeApi({
        'articles.create': (input) => {
          const article = newArticle(`art00000000${next++}`, '2026-11-25T09:00:00.000Z', input.language ?? 'en');
          articles.set(article.id, article);
          return article;
        },
        'articles.get': (input) => {
          const article = articles.get(input.id);
          if (!article) throw new Error('no such article');
          return article;
        },
        'articles.save': (input) => {
          const saved = articleSchema.parse({ ...input.article, revision: input.article.revision + 1 });
          articles.set(saved.id, saved);
          return { revision: saved.revision, updatedAt: saved.updatedAt };
        },
        'articles.trash': (input) => ({ id: input.id }),
        'articles.purge': (input) => {
          articles.delete(input.id);
          return { id: input.id };
        },
        'review.get': (input) => testReviewState(input.id, review(input.id)),
        'library.list': () => ({ items: [], matched: 0, indexing: 0, sections: [], tags: [], total: 0 }),
      });
      const stores = createAppStores(api);
      stores.article.getState().setEditorHandle({
        getBody: () => stores.article.getState().article?.body ?? { type: 'doc', content: [] },
        focus: () => undefined,
        insertPhotos: async () => undefined,
        runCommand: () => undefined,
      });
      return { api, stores, articles, dispatch: createCommandDispatcher(stores) };
    }

    it('a new article left without typing is removed when the reporter goes back: not in the library, not in the trash', async () => {
      const { api, articles, dispatch, stores } = library();
      await dispatch('article.new');
      const id = stores.article.getState().article!.id;
      await dispatch('view.library');
      expect(api.callsTo('articles.trash')).toEqual([{ id }]);
      expect(api.callsTo('articles.purge')).toEqual([{ id }]);
      expect(articles.has(id)).toBe(false);
      expect(stores.ui.getState().view).toBe('library');
      expect(api.callsTo('library.list').length).toBeGreaterThan(0);
    });

    it('a new article with a headline is kept', async () => {
      const { api, articles, dispatch, stores } = library();
      await dispatch('article.new');
      const id = stores.article.getState().article!.id;
      stores.article.getState().updateFields({ headline: 'Flood' });
      await dispatch('view.library');
      expect(articles.get(id)?.headline).toBe('Flood');
      expect(api.callsTo('articles.trash')).toEqual([]);
      expect(api.callsTo('articles.purge')).toEqual([]);
    });

    it('a new article typed into and emptied again is kept (it was saved)', async () => {
      const { api, articles, dispatch, stores } = library();
      await dispatch('article.new');
      const id = stores.article.getState().article!.id;
      stores.article.getState().updateFields({ headline: 'F' });
      await stores.article.getState().flush();
      stores.article.getState().updateFields({ headline: '' });
      await dispatch('view.library');
      expect(articles.has(id)).toBe(true);
      expect(api.callsTo('articles.purge')).toEqual([]);
    });

    it('a new article with a review comment is kept', async () => {
      const comment: ReviewState['comments'][number] = {
        id: 'c1',
        author: { name: 'Li Na', role: 'reporter' },
        createdAt: '2026-11-25T09:01:00.000Z',
        body: 'Call the mayor',
        anchor: null,
        orphanedQuote: null,
        resolved: false,
        resolvedBy: null,
        resolvedAt: null,
        replies: [],
      };
      const { api, dispatch } = library(() => ({ comments: [comment] }));
      await dispatch('article.new');
      await dispatch('view.library');
      expect(api.callsTo('articles.purge')).toEqual([]);
    });

    it('an empty article opened from the library (not made now) is kept', async () => {
      const { api, articles, dispatch, stores } = library();
      const old = newArticle('art0000000077', '2026-11-20T09:00:00.000Z');
      articles.set(old.id, old);
      await stores.article.getState().open(old.id);
      stores.ui.getState().setView('article');
      await dispatch('view.library');
      expect(articles.has(old.id)).toBe(true);
      expect(api.callsTo('articles.purge')).toEqual([]);
    });

    it('Move to trash on a new empty draft puts it in the trash, as asked', async () => {
      const { api, articles, dispatch, stores } = library();
      await dispatch('article.new');
      const id = stores.article.getState().article!.id;
      await dispatch('article.trash');
      expect(api.callsTo('articles.trash')).toEqual([{ id }]);
      expect(api.callsTo('articles.purge')).toEqual([]);
      expect(articles.has(id)).toBe(true);
    });

    it('when the check cannot be made the draft stays, and going back still works', async () => {
      const { api, articles, dispatch, stores } = library();
      await dispatch('article.new');
      const id = stores.article.getState().article!.id;
      (api as { call: unknown }).call = failing(api.call.bind(api), 'review.get');
      await dispatch('view.library');
      expect(articles.has(id)).toBe(true);
      expect(stores.ui.getState().view).toBe('library');
      expect(stores.ui.getState().notices).toEqual([]);
    });

    it('a second New article replaces an untouched new draft instead of piling up Untitleds', async () => {
      const { articles, dispatch, stores } = library();
      await dispatch('article.new');
      const first = stores.article.getState().article!.id;
      await dispatch('article.new');
      expect(articles.has(first)).toBe(false);
      expect(stores.article.getState().article!.id).not.toBe(first);
    });
  });
});

/** The api's call, failing for one operation. */
function failing(call: DatelineApi['call'], name: OperationName): DatelineApi['call'] {
  return ((op: OperationName, input: never) => (op === name ? Promise.reject(new Error('offline')) : call(op, input))) as DatelineApi['call'];
}
