// Runs in: tests (node). Settings answers that arrive late never undo what the person chose since.
import { afterEach, describe, expect, it } from 'vitest';
import { settingsSchema, type AppInfo, type Settings } from '../../common/contract';
import { useI18nStore } from '../i18n/i18n-store';
import { createFakeApi } from '../../tests/support/fake-api';
import { createSettingsStore } from './settings-store';

const INFO: AppInfo = { version: '0.0.0', transport: 'http', libraryPath: '/tmp/library', systemLocale: 'en-GB' };

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

afterEach(() => useI18nStore.getState().setLocale('en'));

describe('settings store', () => {
  it('a first load that answers after the person switched language does not switch it back', async () => {
    const stored = settingsSchema.parse({ locale: 'system' });
    const slowGet = deferred<Settings>();
    const api = createFakeApi({
      'settings.get': () => slowGet.promise,
      'app.info': () => INFO,
      'settings.update': (patch) => settingsSchema.parse({ ...stored, ...patch }),
    });
    const store = createSettingsStore(api);
    const loading = store.getState().init();
    await store.getState().setLocale('zh-CN');
    expect(useI18nStore.getState().locale).toBe('zh-CN');

    slowGet.resolve(stored); // the services read the settings before the update reached them
    await loading;
    expect(store.getState().settings.locale).toBe('zh-CN');
    expect(useI18nStore.getState().locale).toBe('zh-CN');
    expect(store.getState().info).toEqual(INFO);
  });

  it('a first load with nothing changed meanwhile shows the stored settings', async () => {
    const api = createFakeApi({
      'settings.get': () => settingsSchema.parse({ locale: 'zh-CN', userName: '李娜' }),
      'app.info': () => INFO,
    });
    const store = createSettingsStore(api);
    await store.getState().init();
    expect(store.getState().settings.userName).toBe('李娜');
    expect(useI18nStore.getState().locale).toBe('zh-CN');
  });

  it('the answer of a write overtaken by a newer one does not show the older state', async () => {
    const answers: Array<ReturnType<typeof deferred<Settings>>> = [];
    const api = createFakeApi({
      'settings.update': () => {
        const answer = deferred<Settings>();
        answers.push(answer);
        return answer.promise;
      },
    });
    const store = createSettingsStore(api);
    const first = store.getState().setLocale('zh-CN');
    const second = store.getState().setLocale('en');
    answers[1]!.resolve(settingsSchema.parse({ locale: 'en' }));
    await second;
    answers[0]!.resolve(settingsSchema.parse({ locale: 'zh-CN' }));
    await first;
    expect(store.getState().settings.locale).toBe('en');
    expect(useI18nStore.getState().locale).toBe('en');
  });

  it('a change the services refuse to save is taken back: the UI shows the stored settings again', async () => {
    const api = createFakeApi({
      'settings.get': () => settingsSchema.parse({ locale: 'en', userName: 'Li Na' }),
      'settings.update': () => {
        throw new Error('The disk is full: the settings were not saved.');
      },
    });
    const store = createSettingsStore(api);
    await expect(store.getState().setLocale('zh-CN')).rejects.toThrow('disk is full');
    expect(store.getState().settings.locale).toBe('en');
    expect(useI18nStore.getState().locale).toBe('en');
  });

  it('a first load answering while a change is still being saved shows the stored settings with that change on top', async () => {
    const stored = settingsSchema.parse({ locale: 'system', userName: 'Li Na', role: 'reporter' });
    const slowUpdate = deferred<Settings>();
    const api = createFakeApi({
      'settings.get': () => stored,
      'app.info': () => INFO,
      'settings.update': () => slowUpdate.promise,
    });
    const store = createSettingsStore(api);
    const saving = store.getState().setLocale('zh-CN');
    await store.getState().init();
    expect(store.getState().loaded).toBe(true);
    expect(store.getState().settings).toMatchObject({ userName: 'Li Na', role: 'reporter', locale: 'zh-CN' });
    slowUpdate.resolve({ ...stored, locale: 'zh-CN' });
    await saving;
    expect(store.getState().settings).toMatchObject({ userName: 'Li Na', locale: 'zh-CN' });
  });
});
