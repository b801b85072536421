// Runs in: renderer. `const t = useT(); t('library.new')`: re-renders only when the locale changes.
import { useCallback } from 'react';
import { translate, useI18nStore, type TranslateVars } from './i18n-store';
import type { MessageKey } from './messages/catalogues';

export function useT(): (key: MessageKey, vars?: TranslateVars) => string {
  const locale = useI18nStore((s) => s.locale);
  return useCallback((key, vars) => translate(locale, key, vars), [locale]);
}

/** The UI locale, for dates and numbers. */
export function useLocale(): string {
  return useI18nStore((s) => s.locale);
}
