// Runs in: renderer. Settings: the desk's headline length guide, in 字 and in characters.
import { useId } from 'react';
import type { HeadlineGuide } from '../../../common/text/headline-length';
import { useT } from '../../i18n/use-t';

export interface HeadlineGuideSectionProps {
  value: HeadlineGuide;
  onChange(next: HeadlineGuide): void;
}

/** Bounds the settings schema accepts. */
const LIMITS: Record<keyof HeadlineGuide, number> = { zi: 500, characters: 1000 };

export function HeadlineGuideSection({ value, onChange }: HeadlineGuideSectionProps) {
  const t = useT();
  const ziId = useId();
  const charactersId = useId();
  const hintId = useId();
  const field = (key: keyof HeadlineGuide) => (raw: string) => {
    const number = Math.round(Number(raw));
    // An empty or odd entry keeps the last good value rather than saving nonsense.
    if (Number.isFinite(number) && number >= 1 && number <= LIMITS[key]) onChange({ ...value, [key]: number });
  };
  return (
    <section className="settings-section" aria-label={t('settings.headlineGuide')}>
      <h3>{t('settings.headlineGuide')}</h3>
      <div className="form-grid">
        <label htmlFor={ziId}>{t('settings.headlineGuide.zi')}</label>
        <input id={ziId} type="number" min={1} max={LIMITS.zi} value={value.zi} aria-describedby={hintId} onChange={(e) => field('zi')(e.target.value)} />
        <label htmlFor={charactersId}>{t('settings.headlineGuide.characters')}</label>
        <input
          id={charactersId}
          type="number"
          min={1}
          max={LIMITS.characters}
          value={value.characters}
          aria-describedby={hintId}
          onChange={(e) => field('characters')(e.target.value)}
        />
        <p className="hint" id={hintId}>
          {t('settings.headlineGuide.hint')}
        </p>
      </div>
    </section>
  );
}
