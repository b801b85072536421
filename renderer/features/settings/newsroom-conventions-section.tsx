// Runs in: renderer. Settings → the newsroom's conventions: the time zone planned times are shown
// and typed in, and whether Chinese headlines get Chinese or pinyin slugs. Each choice is saved
// as soon as it is made.
import { useId, useMemo } from 'react';
import type { SlugStyle } from '../../../common/contract';
import { systemTimeZone } from '../../../common/time/zoned-time';
import { useStores } from '../../stores/stores-context';
import { useT } from '../../i18n/use-t';

export function NewsroomConventionsSection() {
  const t = useT();
  const zoneId = useId();
  const slugId = useId();
  const { settings, ui } = useStores();
  const timeZone = settings((s) => s.settings.timeZone);
  const slugStyle = settings((s) => s.settings.slugStyle);
  const system = systemTimeZone();
  const zones = useMemo(() => Intl.supportedValuesOf('timeZone'), []);
  const save = (patch: { timeZone?: string | null; slugStyle?: SlugStyle }): void => {
    settings.getState().update(patch).catch((error: unknown) => ui.getState().showError(error));
  };
  return (
    <section className="settings-section" aria-label={t('settings.conventions')}>
      <h3>{t('settings.conventions')}</h3>
      <div className="form-grid">
        <label htmlFor={zoneId}>{t('settings.timeZone')}</label>
        <select id={zoneId} value={timeZone ?? ''} onChange={(e) => save({ timeZone: e.target.value === '' ? null : e.target.value })}>
          <option value="">{t('settings.timeZone.system', { zone: system })}</option>
          {zones.map((zone) => (
            <option key={zone} value={zone}>
              {zone}
            </option>
          ))}
        </select>
        <p className="hint">{t('settings.timeZoneHint')}</p>
        <label htmlFor={slugId}>{t('settings.slugStyle')}</label>
        <select id={slugId} value={slugStyle} onChange={(e) => save({ slugStyle: e.target.value as SlugStyle })}>
          <option value="chinese">{t('settings.slugStyle.chinese')}</option>
          <option value="pinyin">{t('settings.slugStyle.pinyin')}</option>
        </select>
        <p className="hint">{t('settings.slugStyleHint')}</p>
      </div>
    </section>
  );
}
