// Runs in: renderer. Explains a failed save and offers the way out; the unsaved text stays in memory.
import { useStores } from '../../stores/stores-context';
import { formatError } from '../../api/format-error';
import { useT } from '../../i18n/use-t';

export function SaveProblem() {
  const t = useT();
  const { article, ui } = useStores();
  const saveState = article((s) => s.saveState);
  const saveError = article((s) => s.saveError);
  if (saveState !== 'error' && saveState !== 'conflict') return null;
  const { message, detail } = formatError(saveError);
  const guard = (work: () => Promise<void>): void => {
    work().catch((error: unknown) => ui.getState().showError(error));
  };
  return (
    <div className="notice notice-error save-problem" role="alert">
      <div className="notice-text">
        <strong>{saveState === 'conflict' ? t('article.conflict') : t('article.saveFailed', { reason: message })}</strong>
        <span className="notice-detail">{saveState === 'conflict' ? t('article.conflictHelp') : detail}</span>
      </div>
      {saveState === 'conflict' ? (
        <button type="button" onClick={() => guard(() => article.getState().reload())}>
          {t('article.reloadSaved')}
        </button>
      ) : (
        <button type="button" onClick={() => guard(() => article.getState().save(false))}>
          {t('article.retrySave')}
        </button>
      )}
    </div>
  );
}
