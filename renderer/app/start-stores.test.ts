// Runs in: tests (node). A start asks for the library's first rows at once, before any screen
// renders, and the shell mounting afterwards asks nothing again.
import { describe, expect, it } from 'vitest';
import { settingsSchema } from '../../common/contract';
import { createFakeApi } from '../../tests/support/fake-api';
import { createAppStores } from '../stores/app-stores';
import { startStores } from './start-stores';

describe('start-up questions', () => {
  it('are asked as soon as the stores exist, and only once per app', () => {
    const api = createFakeApi({
      'settings.get': () => settingsSchema.parse({ locale: 'en' }),
      'app.info': () => ({ version: '0.1.0', transport: 'http', libraryPath: '/lib', systemLocale: 'en-US' }),
      'library.list': () => ({ items: [], matched: 0, indexing: 0, sections: [], tags: [], total: 0 }),
      'library.problems': () => [],
    });
    const stores = createAppStores(api);
    startStores(stores);
    expect(api.callsTo('library.list')).toHaveLength(1);
    expect(api.callsTo('settings.get')).toHaveLength(1);
    expect(api.callsTo('library.problems')).toHaveLength(1);
    startStores(stores);
    expect(api.callsTo('library.list')).toHaveLength(1);
    expect(api.callsTo('settings.get')).toHaveLength(1);
  });
});
