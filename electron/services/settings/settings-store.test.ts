// Runs in: tests (node). The user's preferences persist and a damaged file never blocks the app.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SettingsStore } from './settings-store';

const OTHER_DEFAULTS = { notifyStoryWaiting: true, notifyStoryReturned: true, notifyPublished: true, headlineGuide: { zi: 30, characters: 70 } };

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dateline-settings-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('SettingsStore', () => {
  it('starts from the defaults without writing a file', async () => {
    const store = new SettingsStore(dir);
    expect(await store.get()).toEqual({ locale: 'system', userName: '', exportFolder: '', role: null, reviewHub: { kind: 'folder', path: '' }, ...OTHER_DEFAULTS });
    expect(await readdir(dir)).toEqual([]);
  });

  it('editor switches to Chinese and sets her name; both survive a restart', async () => {
    const store = new SettingsStore(dir);
    await store.update({ locale: 'zh-CN' });
    expect(await store.update({ userName: '王芳' })).toEqual({ locale: 'zh-CN', userName: '王芳', exportFolder: '', role: null, reviewHub: { kind: 'folder', path: '' }, ...OTHER_DEFAULTS });
    expect(await new SettingsStore(dir).get()).toEqual({ locale: 'zh-CN', userName: '王芳', exportFolder: '', role: null, reviewHub: { kind: 'folder', path: '' }, ...OTHER_DEFAULTS });
    expect(await readdir(dir)).toEqual(['settings.json']);
  });

  it('refuses an invalid value and keeps the saved settings', async () => {
    const store = new SettingsStore(dir);
    await store.update({ userName: 'Jane' });
    await expect(store.update({ locale: 'fr' as 'en' })).rejects.toMatchObject({ code: 'invalid-input' });
    expect(JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8'))).toMatchObject({ userName: 'Jane', locale: 'system' });
  });

  it('keeps a damaged settings file aside and falls back to the defaults', async () => {
    await writeFile(join(dir, 'settings.json'), '{"locale": "zh-CN", "userName": ');
    const store = new SettingsStore(dir);
    expect(await store.get()).toEqual({ locale: 'system', userName: '', exportFolder: '', role: null, reviewHub: { kind: 'folder', path: '' }, ...OTHER_DEFAULTS });
    const files = await readdir(dir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^settings\.json\.corrupt-\d{8}T\d{9}Z$/);
    expect(await readFile(join(dir, files[0]!), 'utf8')).toBe('{"locale": "zh-CN", "userName": ');
    await store.update({ userName: 'Jane' });
    expect((await readdir(dir)).sort()).toEqual(['settings.json', files[0]]);
  });

  it('treats valid JSON with a wrong value as damaged too', async () => {
    await writeFile(join(dir, 'settings.json'), JSON.stringify({ locale: 'klingon' }));
    expect((await new SettingsStore(dir).get()).locale).toBe('system');
  });

  it('a first read that finishes after an update does not put the old settings back', async () => {
    await writeFile(join(dir, 'settings.json'), JSON.stringify({ userName: 'Old name' }));
    const store = new SettingsStore(dir);
    // The launch-time read of settings.json is slow (a busy disk); everything else is not.
    const proto = SettingsStore.prototype as unknown as { load(this: SettingsStore): Promise<unknown> };
    const realLoad = proto.load;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const spy = vi.spyOn(proto, 'load').mockImplementationOnce(async function (this: SettingsStore) {
      const value = await realLoad.call(this);
      await gate;
      return value;
    });
    const gets = vi.spyOn(store, 'get');
    try {
      const first = store.get();
      const update = store.update({ userName: 'New name' });
      // The update is waiting on the same slow read once it asked for the settings itself.
      await vi.waitFor(() => expect(gets).toHaveBeenCalledTimes(2));
      release();
      await Promise.all([first, update]);
      expect((await store.get()).userName).toBe('New name');
      expect((await new SettingsStore(dir).get()).userName).toBe('New name');
    } finally {
      spy.mockRestore();
    }
  });

  it('applies concurrent updates one after the other without losing either', async () => {
    const store = new SettingsStore(dir);
    await Promise.all([store.update({ userName: 'Jane' }), store.update({ exportFolder: '/exports' })]);
    expect(await new SettingsStore(dir).get()).toEqual({ locale: 'system', userName: 'Jane', exportFolder: '/exports', role: null, reviewHub: { kind: 'folder', path: '' }, ...OTHER_DEFAULTS });
  });

  it('keeps the newsroom role and review hub; an unknown role or a hub without a site is refused', async () => {
    const store = new SettingsStore(dir);
    await store.update({ userName: '李娜', role: 'reporter', reviewHub: { kind: 'folder', path: '/mnt/newsroom/hub' } });
    expect(await new SettingsStore(dir).get()).toMatchObject({ role: 'reporter', reviewHub: { kind: 'folder', path: '/mnt/newsroom/hub' } });
    await expect(store.update({ role: 'publisher' as never })).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(store.update({ reviewHub: { kind: 'wordpress', targetId: '' } })).rejects.toMatchObject({ code: 'invalid-input' });
    await store.update({ role: null });
    expect(await new SettingsStore(dir).get()).toMatchObject({ role: null, reviewHub: { kind: 'folder', path: '/mnt/newsroom/hub' } });
  });

  it('keeps each desktop notification on until it is turned off, and remembers it off', async () => {
    const store = new SettingsStore(dir);
    expect(await store.get()).toMatchObject(OTHER_DEFAULTS);
    await store.update({ notifyPublished: false });
    expect(await new SettingsStore(dir).get()).toMatchObject({ notifyStoryWaiting: true, notifyStoryReturned: true, notifyPublished: false });
  });
});
