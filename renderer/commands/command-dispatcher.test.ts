// Runs in: tests (node). Menu commands and shortcuts reach the right place.
import { settingsSchema } from '../../common/contract';
import { describe, expect, it } from 'vitest';
import { newArticle } from '../../common/article';
import type { MenuCommand } from '../../common/bridge';
import { useI18nStore } from '../i18n/i18n-store';
import { createAppStores } from '../stores/app-stores';
import { createFakeApi } from '../test-support/fake-api';
import { createCommandDispatcher } from './command-dispatcher';
import { shortcutCommand } from './keyboard-shortcuts';

const ID = 'art0000000001';

function setup() {
  const api = createFakeApi({
    'articles.get': () => newArticle(ID, '2026-11-25T09:00:00.000Z'),
    'articles.save': () => ({ revision: 1, updatedAt: '2026-11-25T09:01:00.000Z' }),
    'articles.export': () => ({ folder: '/exports/flood', file: '/exports/flood/index.html', files: [] }),
    'settings.update': (input) => settingsSchema.parse({ locale: input.locale ?? 'system' }),
    'articles.create': (input) => ({ ...newArticle('art0000000002', '2026-11-25T09:00:00.000Z'), meta: { ...newArticle('x', '2026-11-25T09:00:00.000Z').meta, language: input.language ?? 'en' } }),
    'library.list': () => ({ items: [], sections: [], tags: [], total: 0 }),
  });
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

  it('Save makes an explicit save with a revision', async () => {
    const { dispatch, api, stores } = setup();
    await stores.article.getState().open(ID);
    await dispatch('article.save');
    expect(api.callsTo('articles.save')).toMatchObject([{ explicit: true }]);
  });

  it('Export HTML tells where the files went', async () => {
    const { dispatch, stores } = setup();
    useI18nStore.getState().setLocale('en');
    await stores.article.getState().open(ID);
    await dispatch('article.export-html');
    expect(stores.ui.getState().notices.at(-1)).toMatchObject({ message: 'Exported to /exports/flood', path: '/exports/flood/index.html' });
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
});
