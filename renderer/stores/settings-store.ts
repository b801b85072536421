// Runs in: renderer. The user's settings and the interface language they resolve to.
import { settingsSchema, type AppInfo, type DatelineApi, type Settings, type UiLocale } from '../../common/contract';
import { resolveLocale, useI18nStore, type Locale } from '../i18n/i18n-store';
import { createStore, type Store } from './create-store';

export interface SettingsState {
  settings: Settings;
  info: AppInfo | null;
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
    return {
      settings: settingsSchema.parse({}),
      info: null,
      init: async () => {
        const [settings, info] = await Promise.all([api.call('settings.get', {}), api.call('app.info', {})]);
        set({ settings, info });
        apply();
      },
      setLocale: async (locale) => {
        set((s) => ({ settings: { ...s.settings, locale } }));
        apply();
        set({ settings: await api.call('settings.update', { locale }) });
      },
      update: async (patch) => {
        set({ settings: await api.call('settings.update', patch) });
      },
      setUserName: async (userName) => {
        set((s) => ({ settings: { ...s.settings, userName } }));
        set({ settings: await api.call('settings.update', { userName }) });
      },
    };
  });
}
