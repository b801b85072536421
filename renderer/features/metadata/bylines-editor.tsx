// Runs in: renderer. One or more bylines, each a name and a role ("Staff reporter").
import { useId } from 'react';
import type { Byline } from '../../../common/article';
import { useT } from '../../i18n/use-t';

export const MAX_BYLINES = 20;

export interface BylinesEditorProps {
  bylines: readonly Byline[];
  onChange(bylines: Byline[]): void;
}

export function BylinesEditor({ bylines, onChange }: BylinesEditorProps) {
  const t = useT();
  const baseId = useId();
  const rows = bylines.length > 0 ? bylines : [{ name: '', role: '' }];
  const update = (index: number, patch: Partial<Byline>): void =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));

  return (
    <fieldset className="bylines">
      <legend>{t('metadata.bylines')}</legend>
      {rows.map((byline, index) => {
        const n = index + 1;
        return (
          <div className="byline-row" key={index}>
            <label htmlFor={`${baseId}-name-${n}`} className="visually-hidden">
              {t('metadata.bylineName', { n })}
            </label>
            <input
              id={`${baseId}-name-${n}`}
              value={byline.name}
              maxLength={200}
              placeholder={t('metadata.bylineNamePlaceholder')}
              onChange={(e) => update(index, { name: e.target.value })}
            />
            <label htmlFor={`${baseId}-role-${n}`} className="visually-hidden">
              {t('metadata.bylineRole', { n })}
            </label>
            <input
              id={`${baseId}-role-${n}`}
              value={byline.role}
              maxLength={200}
              placeholder={t('metadata.bylineRolePlaceholder')}
              onChange={(e) => update(index, { role: e.target.value })}
            />
            <button
              type="button"
              className="ghost"
              aria-label={t('metadata.removeByline', { n })}
              disabled={rows.length === 1 && !byline.name && !byline.role}
              onClick={() => onChange(rows.filter((_, i) => i !== index))}
            >
              ×
            </button>
          </div>
        );
      })}
      <button type="button" disabled={rows.length >= MAX_BYLINES} onClick={() => onChange([...rows, { name: '', role: '' }])}>
        {t('metadata.addByline')}
      </button>
    </fieldset>
  );
}
