// Runs in: renderer. The user's settings and the interface language they resolve to.
import { settingsSchema, type AppInfo, type DatelineApi, type Settings, type UiLocale } from '../../common/contract';
import { resolveLocale, useI18nStore, type Locale } from '../i18n/i18n-store';
import { createStore, type Store } from './create-store';

export interface SettingsState {
  settings: Settings;
  info: AppInfo | null;
  /** The stored settings have been read (or reading them failed): forms may start from `settings`. */
  loaded: boolean;
  init(): Promise<void>;
  setLocale(locale: UiLocale): Promise<void>;
  setUserName(name: string): Promise<void>;
  /** Saves several settings at once (the settings dialog). */
  update(patch: SettingsUpdate): Promise<void>;
}

export type SettingsUpdate = Partial<Pick<Settings, 'userName' | 'role' | 'reviewHub'>>;

export type SettingsStore = Store<SettingsState>;

/** 'system' follows the browser/OS language; anything Chinese becomes zh-CN. */
export function effectiveLocale(setting: UiLocale, navigatorLanguage: string | undefined, systemLocale: string | undefined): Locale {
  if (setting !== 'system') return setting;
  return resolveLocale(navigatorLanguage || systemLocale);
}

export function applyLocale(locale: Locale): void {
  useI18nStore.getState().setLocale(locale);
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
  if (typeof window !== 'undefined') window.dateline?.setMenuLocale(locale);
}

export function createSettingsStore(api: DatelineApi): SettingsStore {
  return createStore<SettingsState>((set, get) => {
    const apply = (): void => {
      const { settings, info } = get();
      const nav = typeof navigator === 'undefined' ? undefined : navigator.language;
      applyLocale(effectiveLocale(settings.locale, nav, info?.systemLocale));
    };
    // The first settings.get can come back after the person has already changed something (the
    // library is usable while it loads). A write's answer is the whole stored settings after it, so
    // a read that started before a write is stale by then and must not undo the newer choice; the same
    // holds for the answer of a write that a newer write has overtaken.
    let writes = 0;
    const show = (settings: Settings): void => {
      set({ settings });
      apply();
    };
    const write = async (optimistic: Partial<Settings>, patch: Parameters<typeof api.call<'settings.update'>>[1]): Promise<void> => {
      const mine = ++writes;
      if (Object.keys(optimistic).length > 0) show({ ...get().settings, ...optimistic });
      let stored: Settings;
      try {
        stored = await api.call('settings.update', patch);
      } catch (error) {
        // Not saved: show what is stored again rather than a choice that did not stick.
        if (mine === writes) await api.call('settings.get', {}).then(show, () => undefined);
        throw error;
      }
      if (mine === writes) show(stored); // a newer write's answer will show its own (later) state
    };
    return {
      settings: settingsSchema.parse({}),
      info: null,
      loaded: false,
      init: async () => {
        const writesBefore = writes;
        try {
          const [settings, info] = await Promise.all([api.call('settings.get', {}), api.call('app.info', {})]);
          set({ info });
          if (writes === writesBefore) show(settings);
          else apply();
        } finally {
          set({ loaded: true });
        }
      },
      setLocale: (locale) => write({ locale }, { locale }),
      update: (patch) => write({}, patch),
      setUserName: (userName) => write({ userName }, { userName }),
    };
  });
}
