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

/** `newsroomToken` goes to the services' SecretStore, never into the settings. */
export type SettingsUpdate = Partial<Pick<Settings, 'userName' | 'role' | 'reviewHub' | 'headlineGuide'>> & { newsroomToken?: string };

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
    // once one is shown, an older read must not undo it; before that, the read is shown with the
    // choices still being saved on top. An overtaken write's answer is dropped the same way.
    let writes = 0;
    let answeredWrites = 0;
    /** Choices shown before their write answered. */
    let saving: Partial<Settings> = {};
    const show = (settings: Settings): void => {
      set({ settings });
      apply();
    };
    const write = async (optimistic: Partial<Settings>, patch: Parameters<typeof api.call<'settings.update'>>[1]): Promise<void> => {
      const mine = ++writes;
      saving = { ...saving, ...optimistic };
      if (Object.keys(optimistic).length > 0) show({ ...get().settings, ...optimistic });
      let stored: Settings;
      try {
        stored = await api.call('settings.update', patch);
      } catch (error) {
        // Not saved: show what is stored again rather than a choice that did not stick.
        if (mine === writes) {
          saving = {};
          const reread = await api.call('settings.get', {}).catch(() => null);
          if (reread && mine === writes) show(reread);
        }
        throw error;
      }
      // A newer write's answer will show its own (later) state.
      if (mine === writes) {
        answeredWrites++;
        saving = {};
        show(stored);
      }
    };
    return {
      settings: settingsSchema.parse({}),
      info: null,
      loaded: false,
      init: async () => {
        const answeredBefore = answeredWrites;
        // The OS locale only matters for "System"; without it the app still starts.
        void api.call('app.info', {}).then(
          (info) => {
            set({ info });
            apply();
          },
          () => undefined,
        );
        try {
          const stored = await api.call('settings.get', {});
          // Choices still being saved stay on top; a write answered meanwhile is newer than this read.
          if (answeredWrites === answeredBefore) show({ ...stored, ...saving });
        } finally {
          // From here the store holds a whole stored settings object (or reading failed and the
          // services' defaults are what there is), so forms may start from it.
          set({ loaded: true });
        }
      },
      setLocale: (locale) => write({ locale }, { locale }),
      update: (patch) => write({}, patch),
      setUserName: (userName) => write({ userName }, { userName }),
    };
  });
}
