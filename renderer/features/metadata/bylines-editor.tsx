// Runs in: renderer. One or more bylines, each a name and a role ("Staff reporter"). A removed
// byline can be brought back with the Undo button that takes the removed one's place in the list.
import { useEffect, useId, useRef, useState } from 'react';
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
  // The last byline removed, until the bylines change otherwise: its Undo button brings it back.
  const [removed, setRemoved] = useState<{ byline: Byline; index: number } | null>(null);
  const undoButton = useRef<HTMLButtonElement>(null);
  const update = (index: number, patch: Partial<Byline>): void => {
    setRemoved(null);
    onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  };
  const remove = (index: number): void => {
    const byline = rows[index];
    if (!byline) return;
    const next = rows.filter((_, i) => i !== index);
    onChange(next);
    // An empty row removed needs no undo; a filled one does, and the keyboard goes to its Undo.
    if (byline.name.trim() || byline.role.trim()) setRemoved({ byline, index });
  };
  useEffect(() => {
    if (removed) undoButton.current?.focus();
  }, [removed]);
  // The row brought back takes the keyboard (its Undo button is gone).
  const focusRow = useRef<number | null>(null);
  const undo = (): void => {
    if (!removed) return;
    const next = bylines.length > 0 ? [...bylines] : [];
    const at = Math.min(removed.index, next.length);
    next.splice(at, 0, removed.byline);
    setRemoved(null);
    focusRow.current = at;
    onChange(next.slice(0, MAX_BYLINES));
  };
  useEffect(() => {
    if (focusRow.current === null) return;
    document.getElementById(`${baseId}-name-${focusRow.current + 1}`)?.focus();
    focusRow.current = null;
  });

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
              onClick={() => remove(index)}
            >
              ×
            </button>
          </div>
        );
      })}
      <p className="hint" aria-live="polite">
        {removed ? (
          <>
            {t('metadata.bylineRemoved', { name: removed.byline.name.trim() || removed.byline.role.trim() })}{' '}
            <button
              type="button"
              ref={undoButton}
              className="link-button"
              aria-label={t('metadata.bylineUndoNamed', { name: removed.byline.name.trim() || removed.byline.role.trim() })}
              onClick={undo}
            >
              {t('metadata.bylineUndo')}
            </button>
          </>
        ) : null}
      </p>
      <button
        type="button"
        disabled={rows.length >= MAX_BYLINES}
        onClick={() => {
          setRemoved(null);
          onChange([...rows, { name: '', role: '' }]);
        }}
      >
        {t('metadata.addByline')}
      </button>
    </fieldset>
  );
}
