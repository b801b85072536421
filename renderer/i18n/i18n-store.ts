// Runs in: renderer. The active UI locale and the message catalogues; English is the fallback.
import { create } from 'zustand';
import { catalogues, type MessageKey } from './messages/catalogues';

export type Locale = 'en' | 'zh-CN';

/** Maps an OS/browser locale tag to the closest UI locale. */
export function resolveLocale(tag: string | undefined | null): Locale {
  return tag && /^zh(-|_|$)/i.test(tag) ? 'zh-CN' : 'en';
}

interface I18nState {
  locale: Locale;
  setLocale: (locale: Locale) => void;
}

export const useI18nStore = create<I18nState>((set) => ({
  locale: resolveLocale(typeof navigator === 'undefined' ? 'en' : navigator.language),
  setLocale: (locale) => {
    if (typeof document !== 'undefined') document.documentElement.lang = locale;
    set({ locale });
  },
}));

export type TranslateVars = Record<string, string | number>;

export function translate(locale: Locale, key: MessageKey, vars?: TranslateVars): string {
  const template = catalogues[locale][key] ?? catalogues.en[key];
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in vars ? String(vars[name]) : match));
}

/** Non-React callers (menus, error formatting) translate with the current locale. */
export function t(key: MessageKey, vars?: TranslateVars): string {
  return translate(useI18nStore.getState().locale, key, vars);
}
