// Runs in: renderer. "Name this version": saves pending edits, then keeps the saved article as a
// named version (never thinned). The document and its undo history are not touched.
import { useId, useState, type FormEvent } from 'react';
import { MAX_VERSION_NAME_LENGTH } from '../../../common/contract';
import { formatError } from '../../api/format-error';
import { ModalDialog } from '../../kit/modal-dialog';
import { useT } from '../../i18n/use-t';
import { useStores } from '../../stores/stores-context';

export function NameVersionDialog() {
  const t = useT();
  const { api, article, ui } = useStores();
  const inputId = useId();
  const hintId = useId();
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const close = (): void => ui.getState().openDialog(null);

  const handleSubmit = (event: FormEvent): void => {
    event.preventDefault();
    const id = article.getState().article?.id;
    const trimmed = name.trim();
    if (!id) return;
    if (trimmed === '') {
      setProblem(t('versions.name.empty'));
      return;
    }
    setBusy(true);
    setProblem(null);
    article
      .getState()
      .flush()
      .then(() => api.call('revisions.name', { id, name: trimmed }))
      .then(
        (info) => {
          close();
          ui.getState().showInfo(t('versions.named', { name: info.name ?? trimmed }));
        },
        (error: unknown) => {
          setBusy(false);
          setProblem(formatError(error).message);
        },
      );
  };

  return (
    <ModalDialog title={t('versions.name.title')} onClose={close} className="name-version-dialog">
      <form onSubmit={handleSubmit}>
        <label htmlFor={inputId}>{t('versions.name.label')}</label>
        <input
          id={inputId}
          type="text"
          value={name}
          maxLength={MAX_VERSION_NAME_LENGTH}
          aria-describedby={hintId}
          aria-invalid={problem ? true : undefined}
          onChange={(event) => setName(event.target.value)}
        />
        <p id={hintId} className="hint">
          {t('versions.name.hint')}
        </p>
        {problem ? (
          <p className="notice notice-error" role="alert">
            {problem}
          </p>
        ) : null}
        <div className="modal-actions">
          <button type="submit" disabled={busy}>
            {t('versions.name.save')}
          </button>
          <button type="button" onClick={close}>
            {t('app.cancel')}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
