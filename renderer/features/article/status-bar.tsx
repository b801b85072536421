// Runs in: renderer. Save state (announced politely) and the live word / character counts.
import { useStores } from '../../stores/stores-context';
import { formatError } from '../../api/format-error';
import { useI18nStore } from '../../i18n/i18n-store';
import { useT } from '../../i18n/use-t';
import type { SaveState } from '../../stores/autosave-controller';
import { countLabels } from './word-count';
import type { MessageKey } from '../../i18n/messages/catalogues';

const STATE_KEYS: Record<SaveState, MessageKey> = {
  saved: 'article.saveState.saved',
  saving: 'article.saveState.saving',
  dirty: 'article.saveState.dirty',
  error: 'article.saveState.error',
  conflict: 'article.saveState.conflict',
};

export function StatusBar() {
  const t = useT();
  const locale = useI18nStore((s) => s.locale);
  const { article } = useStores();
  const saveState = article((s) => s.saveState);
  const saveError = article((s) => s.saveError);
  const keptVersion = article((s) => s.keptVersion);
  const stats = article((s) => s.stats);
  const storyLanguage = article((s) => s.article?.meta.language ?? 'en');
  const errorText = saveState === 'error' && saveError ? `: ${formatError(saveError).message}` : '';
  return (
    <footer className="status-bar">
      <span className={`save-state save-state-${saveState}`} role="status" aria-live="polite">
        {saveState === 'saved' && keptVersion
          ? t('article.saveState.versionKept', { time: new Intl.DateTimeFormat(locale, { timeStyle: 'short' }).format(new Date(keptVersion.at)) })
          : t(STATE_KEYS[saveState])}
        {errorText}
      </span>
      <span className="counts" aria-label={t('article.countsLabel')}>
        {countLabels(stats, locale, storyLanguage).map((label) => (
          <span key={label} className="count">
            {label}
          </span>
        ))}
      </span>
    </footer>
  );
}
