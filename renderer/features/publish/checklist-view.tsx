// Runs in: renderer. The pre-publish checklist: blockers to fix (with "Go to field"), warnings to accept one by one.
import { useId } from 'react';
import { SUGGESTIONS_ITEM_ID, type ChecklistItem } from '../../../common/publish/publish-checklist';
import type { PublishOutcome } from '../../../common/publish/publish-outcome';
import { useI18nStore } from '../../i18n/i18n-store';
import { useT } from '../../i18n/use-t';
import { checklistItemText, fieldLabelKey, outcomeText } from './checklist-text';

export interface ChecklistViewProps {
  items: readonly ChecklistItem[];
  overridden: ReadonlySet<string>;
  onOverride(id: string, accepted: boolean): void;
  onGoToField(item: ChecklistItem): void;
  /** What the publish button will do; said as the checklist's last line. */
  outcome?: PublishOutcome;
}

export function ChecklistView({ items, overridden, onOverride, onGoToField, outcome }: ChecklistViewProps) {
  const t = useT();
  const locale = useI18nStore((s) => s.locale);
  const blockersId = useId();
  const warningsId = useId();
  const blockers = items.filter((item) => item.level === 'blocker');
  const warnings = items.filter((item) => item.level === 'warning');
  const fieldName = (item: ChecklistItem): string => {
    const key = fieldLabelKey(item.field);
    return key ? t(key) : item.field;
  };

  const willHappen = outcome ? outcomeText(outcome, locale) : null;

  return (
    <section className="publish-checklist" aria-label={t('publish.checklist.title')}>
      <h3>{t('publish.checklist.title')}</h3>
      {items.length === 0 ? <p className="check-ok">{t('publish.checklist.allClear')}</p> : null}
      {blockers.length > 0 ? (
        <>
          <h4 id={blockersId} className="check-heading-blocker">
            {t('publish.checklist.blockers')}
          </h4>
          <ul role="list" aria-labelledby={blockersId} className="check-list">
            {blockers.map((item) => (
              <li key={item.id} className="check-item check-blocker">
                <span className="check-text">
                  <strong>{fieldName(item)}</strong>: {checklistItemText(item, locale)}
                </span>
                {item.id === SUGGESTIONS_ITEM_ID ? (
                  <button type="button" className="ghost" onClick={() => onGoToField(item)}>
                    {t('publish.goToFirstSuggestion')}
                  </button>
                ) : (
                  <button type="button" className="ghost" aria-label={t('publish.goToFieldNamed', { field: fieldName(item) })} onClick={() => onGoToField(item)}>
                    {t('publish.goToField')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {warnings.length > 0 ? (
        <>
          <h4 id={warningsId} className="check-heading-warning">
            {t('publish.checklist.warnings')}
          </h4>
          <ul role="list" aria-labelledby={warningsId} className="check-list">
            {warnings.map((item) => {
              const text = checklistItemText(item, locale);
              return (
                <li key={item.id} className="check-item check-warning">
                  <span className="check-text">
                    <strong>{fieldName(item)}</strong>: {text}
                  </span>
                  <label className="check-override">
                    <input
                      type="checkbox"
                      aria-label={t('publish.override', { text })}
                      checked={overridden.has(item.id)}
                      onChange={(e) => onOverride(item.id, e.target.checked)}
                    />
                    {t('publish.publishAnyway')}
                  </label>
                  <button type="button" className="ghost" aria-label={t('publish.goToFieldNamed', { field: fieldName(item) })} onClick={() => onGoToField(item)}>
                    {t('publish.goToField')}
                  </button>
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
      {willHappen ? <p className="check-outcome">{willHappen}</p> : null}
    </section>
  );
}
