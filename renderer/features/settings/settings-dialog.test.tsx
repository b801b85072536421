// @vitest-environment happy-dom
// Runs in: tests (happy-dom). The settings dialog starts from the stored settings, never from
// defaults: opened while they are still being read, it waits, so Save cannot overwrite them.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { settingsSchema, type AppInfo, type Settings } from '../../../common/contract';
import { StoresContext } from '../../stores/stores-context';
import { useI18nStore } from '../../i18n/i18n-store';
import { createAppStores } from '../../stores/app-stores';
import { createFakeApi } from '../../../tests/support/fake-api';
import { SettingsDialog } from './settings-dialog';

afterEach(cleanup);
beforeEach(() => useI18nStore.getState().setLocale('en'));

const INFO: AppInfo = { version: '1.0.0', transport: 'http', libraryPath: '/home/li/Dateline', systemLocale: 'en' };

describe('settings dialog', () => {
  it('opened before the stored settings arrive, it shows them once read, and saves them unchanged', async () => {
    const stored = settingsSchema.parse({ locale: 'en', userName: 'Li Na', role: 'reporter', reviewHub: { kind: 'folder', path: '/mnt/newsroom/hub' } });
    let answer!: (settings: Settings) => void;
    const updates: unknown[] = [];
    const api = createFakeApi({
      'settings.get': () => new Promise<Settings>((resolve) => (answer = resolve)),
      'app.info': () => INFO,
      'targets.list': () => [],
      'settings.update': (patch) => {
        updates.push(patch);
        return settingsSchema.parse({ ...stored, ...patch });
      },
    });
    const stores = createAppStores(api);
    const loading = stores.settings.getState().init();
    render(
      <StoresContext.Provider value={stores}>
        <SettingsDialog />
      </StoresContext.Provider>,
    );
    expect(screen.getByRole('status').textContent).toBe('Loading…');
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();

    await act(async () => {
      answer(stored);
      await loading;
    });
    expect(screen.getByLabelText<HTMLInputElement>('Your name').value).toBe('Li Na');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    });
    expect(updates).toEqual([
      { userName: 'Li Na', role: 'reporter', reviewHub: { kind: 'folder', path: '/mnt/newsroom/hub' }, notifyStoryWaiting: true, notifyStoryReturned: true, notifyPublished: true, headlineGuide: { zi: 30, characters: 70 } },
    ]);
  });

  it.each(['en', 'zh-CN'] as const)('turns one desktop notification off and keeps the others on (%s)', async (locale) => {
    useI18nStore.getState().setLocale(locale);
    const updates: unknown[] = [];
    const stored = settingsSchema.parse({ locale });
    const api = createFakeApi({
      'settings.get': () => stored,
      'app.info': () => INFO,
      'targets.list': () => [],
      'settings.update': (patch) => {
        updates.push(patch);
        return settingsSchema.parse({ ...stored, ...patch });
      },
    });
    const stores = createAppStores(api);
    await stores.settings.getState().init();
    render(
      <StoresContext.Provider value={stores}>
        <SettingsDialog />
      </StoresContext.Provider>,
    );
    const published = screen.getByRole('checkbox', { name: locale === 'en' ? 'A story was published' : '稿件已发布' });
    expect((published as HTMLInputElement).checked).toBe(true);
    expect(screen.getByRole('group', { name: locale === 'en' ? 'Desktop notifications' : '桌面通知' })).toBeTruthy();
    fireEvent.click(published);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: locale === 'en' ? 'Save' : '保存' }));
    });
    expect(updates).toEqual([expect.objectContaining({ notifyStoryWaiting: true, notifyStoryReturned: true, notifyPublished: false })]);
  });

  it('a role needs a name, and a WordPress hub needs a WordPress site: Save says why it cannot', async () => {
    const api = createFakeApi({ 'settings.get': () => settingsSchema.parse({}), 'app.info': () => INFO, 'targets.list': () => [] });
    const stores = createAppStores(api);
    await stores.settings.getState().init();
    render(
      <StoresContext.Provider value={stores}>
        <SettingsDialog />
      </StoresContext.Provider>,
    );
    const save = screen.getByRole('button', { name: 'Save' });
    fireEvent.change(screen.getByRole('combobox', { name: 'Role' }), { target: { value: 'editor' } });
    expect(screen.getByRole('status').textContent).toContain('Enter your name');
    fireEvent.click(save);
    expect(document.activeElement).toBe(screen.getByRole('status')); // Save says why, where the person looks
    fireEvent.change(screen.getByLabelText('Your name'), { target: { value: 'Sam Editor' } });
    expect(screen.queryByRole('status')).toBeNull();
    await screen.findByRole('combobox', { name: 'Articles travel through' });
    fireEvent.change(screen.getByRole('combobox', { name: 'Articles travel through' }), { target: { value: 'wordpress' } });
    expect((await screen.findByRole('status')).textContent).toContain('Add a WordPress site');
    fireEvent.click(save);
    expect(api.callsTo('settings.update')).toHaveLength(0);
  });

  it.each(['en', 'zh-CN'] as const)('adds a newsroom server hub: the address in settings, the token sent apart for the secret store (%s)', async (locale) => {
    useI18nStore.getState().setLocale(locale);
    const api = createFakeApi({
      'settings.get': () => settingsSchema.parse({ locale, userName: 'Ana Desk', role: 'editor' }),
      'app.info': () => INFO,
      'targets.list': () => [],
      'settings.update': (patch) => settingsSchema.parse({ locale, userName: 'Ana Desk', role: 'editor', reviewHub: patch.reviewHub }),
    });
    const stores = createAppStores(api);
    await stores.settings.getState().init();
    const reloadPage = vi.fn();
    render(
      <StoresContext.Provider value={stores}>
        <SettingsDialog reloadPage={reloadPage} />
      </StoresContext.Provider>,
    );
    const en = locale === 'en';
    fireEvent.change(screen.getByRole('combobox', { name: en ? 'Articles travel through' : '稿件传递方式' }), { target: { value: 'newsroom' } });
    expect(screen.getByRole('status').textContent).toContain(en ? 'newsroom server’s address' : '编辑部服务器的地址');
    fireEvent.change(screen.getByLabelText(en ? 'Server address' : '服务器地址'), { target: { value: 'https://newsroom.example.org:4455' } });
    fireEvent.change(screen.getByLabelText(en ? 'Account token' : '账户令牌'), { target: { value: 'dln_secret' } });
    expect(screen.getByLabelText<HTMLInputElement>(en ? 'Account token' : '账户令牌').type).toBe('password');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: en ? 'Save' : '保存' }));
    });
    expect(api.callsTo('settings.update')).toEqual([
      expect.objectContaining({ reviewHub: { kind: 'newsroom', serverUrl: 'https://newsroom.example.org:4455' }, newsroomToken: 'dln_secret' }),
    ]);
    // A page served without a newsroom server may not reach it: it loads again.
    expect(reloadPage).toHaveBeenCalledTimes(1);
  });
  it('loads the page again after saving another newsroom server, the open story flushed first; other saves just close', async () => {
    let stored = settingsSchema.parse({ locale: 'en', reviewHub: { kind: 'newsroom', serverUrl: 'https://one.example.org:4455' } });
    const api = createFakeApi({
      'settings.get': () => stored,
      'app.info': () => INFO,
      'targets.list': () => [],
      'settings.update': (patch) => (stored = settingsSchema.parse({ ...stored, ...patch })),
    });
    const stores = createAppStores(api);
    await stores.settings.getState().init();
    const steps: string[] = [];
    const flush = stores.article.getState().flush;
    stores.article.setState({ flush: () => (steps.push('flush'), flush()) });
    const reloadPage = vi.fn(() => steps.push('reload'));
    const openSettings = (): void => {
      stores.ui.getState().openDialog('settings');
      render(
        <StoresContext.Provider value={stores}>
          <SettingsDialog reloadPage={reloadPage} />
        </StoresContext.Provider>,
      );
    };
    const save = async (): Promise<void> => {
      await act(async () => {
        fireEvent.click(screen.getByRole('button', { name: 'Save' }));
      });
    };

    // The same server (another path on it, another name): the page's policy still fits.
    openSettings();
    fireEvent.change(screen.getByLabelText('Your name'), { target: { value: 'Li Na' } });
    fireEvent.change(screen.getByLabelText('Server address'), { target: { value: 'https://one.example.org:4455/' } });
    await save();
    expect(stores.ui.getState().dialog).toBeNull();
    expect(steps).toEqual([]);
    cleanup();

    // Another server: saved, the story flushed, then the page loads again (the dialog is left to go with it).
    openSettings();
    fireEvent.change(screen.getByLabelText('Server address'), { target: { value: 'https://two.example.org:4455' } });
    await save();
    expect(stored.reviewHub).toEqual({ kind: 'newsroom', serverUrl: 'https://two.example.org:4455' });
    expect(steps).toEqual(['flush', 'reload']);
    expect(stores.ui.getState().dialog).toBe('settings');
    cleanup();

    // No newsroom server any more: the page loads again, so its policy lets no socket out.
    steps.length = 0;
    openSettings();
    fireEvent.change(screen.getByRole('combobox', { name: 'Articles travel through' }), { target: { value: 'folder' } });
    await save();
    expect(steps).toEqual(['flush', 'reload']);
  });

  it.each(['en', 'zh-CN'] as const)('sets the desk’s headline guide in 字 and in characters (%s)', async (locale) => {
    useI18nStore.getState().setLocale(locale);
    const updates: unknown[] = [];
    const stored = settingsSchema.parse({ locale });
    const api = createFakeApi({
      'settings.get': () => stored,
      'app.info': () => INFO,
      'targets.list': () => [],
      'settings.update': (patch) => {
        updates.push(patch);
        return settingsSchema.parse({ ...stored, ...patch });
      },
    });
    const stores = createAppStores(api);
    await stores.settings.getState().init();
    render(
      <StoresContext.Provider value={stores}>
        <SettingsDialog />
      </StoresContext.Provider>,
    );
    const zi = screen.getByLabelText<HTMLInputElement>(locale === 'en' ? 'Chinese headlines (字)' : '中文标题（字）');
    expect(zi.value).toBe('30');
    fireEvent.change(zi, { target: { value: '24' } });
    fireEvent.change(screen.getByLabelText(locale === 'en' ? 'Other headlines (characters)' : '其他标题（字符）'), { target: { value: '0' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: locale === 'en' ? 'Save' : '保存' }));
    });
    expect(updates).toMatchObject([{ headlineGuide: { zi: 24, characters: 70 } }]);
  });
});
