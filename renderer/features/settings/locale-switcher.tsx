// Runs in: renderer. The "Interface language" select: System / English / 简体中文.
import { useId } from 'react';
import { uiLocaleSchema, type UiLocale } from '../../../common/contract';
import { useStores } from '../../stores/stores-context';
import { useT } from '../../i18n/use-t';

export function LocaleSwitcher() {
  const t = useT();
  const id = useId();
  const { settings, ui } = useStores();
  const locale = settings((s) => s.settings.locale);
  const handleChange = (event: React.ChangeEvent<HTMLSelectElement>): void => {
    const parsed = uiLocaleSchema.safeParse(event.target.value);
    if (parsed.success) settings.getState().setLocale(parsed.data satisfies UiLocale).catch((error: unknown) => ui.getState().showError(error));
  };
  return (
    <div className="inline-field locale-switcher">
      <label htmlFor={id}>{t('settings.interfaceLanguage')}</label>
      <select id={id} value={locale} onChange={handleChange}>
        <option value="system">{t('settings.locale.system')}</option>
        <option value="en">English</option>
        <option value="zh-CN">简体中文</option>
      </select>
    </div>
  );
}
