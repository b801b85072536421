// Runs in: renderer. The settings dialog: the name recorded on revisions, and where the library lives.
import { useId, useState } from 'react';
import { ModalDialog } from '../../app/modal-dialog';
import { useStores } from '../../app/stores-context';
import { useT } from '../../i18n/use-t';
import { TargetsDialog } from '../targets/targets-dialog';

export function SettingsDialog() {
  const t = useT();
  const nameId = useId();
  const { settings, ui } = useStores();
  const saved = settings((s) => s.settings.userName);
  const info = settings((s) => s.info);
  const [name, setName] = useState(saved);
  const [managingTargets, setManagingTargets] = useState(false);
  const close = (): void => ui.getState().openDialog(null);
  const handleSave = (): void => {
    settings
      .getState()
      .setUserName(name.trim())
      .then(close, (error: unknown) => ui.getState().showError(error));
  };
  return (
    <ModalDialog title={t('settings.title')} onClose={close}>
      <div className="form-grid">
        <label htmlFor={nameId}>{t('settings.userName')}</label>
        <input id={nameId} value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />
        <p className="hint">{t('settings.userNameHint')}</p>
      </div>
      <section className="settings-section" aria-label={t('targets.settingsSection')}>
        <h3>{t('targets.settingsSection')}</h3>
        <p className="hint">{t('targets.settingsHint')}</p>
        <button type="button" onClick={() => setManagingTargets(true)}>
          {t('targets.open')}
        </button>
      </section>
      {info ? (
        <dl className="app-info">
          <dt>{t('settings.version')}</dt>
          <dd>{info.version}</dd>
          <dt>{t('settings.libraryPath')}</dt>
          <dd>
            <code className="selectable-path">{info.libraryPath}</code>
          </dd>
        </dl>
      ) : null}
      <div className="modal-actions">
        <button type="button" onClick={close}>
          {t('app.cancel')}
        </button>
        <button type="button" className="primary" onClick={handleSave}>
          {t('app.save')}
        </button>
      </div>
      {managingTargets ? <TargetsDialog onClose={() => setManagingTargets(false)} /> : null}
    </ModalDialog>
  );
}
