// Runs in: renderer. "Publishing targets": list, add, edit, remove, make default and test each backend.
import { useEffect, useRef, useState } from 'react';
import type { ConnectionReport, TargetView } from '../../../common/publish/publish-target-config';
import { readableUrl } from '../../../common/text/readable-url';
import { ConfirmDialog } from '../../kit/confirm-dialog';
import { ModalDialog } from '../../kit/modal-dialog';
import { useStores } from '../../stores/stores-context';
import { formatError } from '../../api/format-error';
import { useT } from '../../i18n/use-t';
import { ConnectionReportView } from './connection-report-view';
import { SecretsWarning } from './secrets-warning';
import { TargetForm } from './target-form';
import '../publish/publish.css';
import { targetDisplayName } from './target-display-name';

export interface TargetsDialogProps {
  onClose(): void;
}

type Editing = { mode: 'add' } | { mode: 'edit'; view: TargetView } | null;

interface TestResult {
  id: string;
  report: ConnectionReport | null;
  error: unknown;
}

export function TargetsDialog({ onClose }: TargetsDialogProps) {
  const t = useT();
  const { targets } = useStores();
  const list = targets((s) => s.targets);
  const secrets = targets((s) => s.secrets);
  const listError = targets((s) => s.error);
  const [editing, setEditing] = useState<Editing>(null);
  const [removing, setRemoving] = useState<TargetView | null>(null);
  // The first real site a person adds is where they mean to publish: ask to make it the default.
  const [offeringDefault, setOfferingDefault] = useState<TargetView | null>(null);
  const [testing, setTesting] = useState<string | null>(null);
  const [tested, setTested] = useState<TestResult | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);

  useEffect(() => {
    targets.getState().load().catch(() => undefined);
  }, [targets]);

  const act = (work: () => Promise<unknown>): void => {
    setActionError(null);
    work().catch((error: unknown) => setActionError(error));
  };
  /** Tests the connection and shows what it found under the target; true when the site works. */
  // Only the latest test's answer is shown: one started after a save can overtake a manual one.
  const latestTest = useRef(0);
  const handleTest = (view: TargetView): Promise<boolean> => {
    const run = ++latestTest.current;
    setTesting(view.config.id);
    setTested(null);
    return targets
      .getState()
      .test(view.config.id)
      .then(
        (report) => {
          if (run === latestTest.current) setTested({ id: view.config.id, report, error: null });
          return report.ok;
        },
        (error: unknown) => {
          if (run === latestTest.current) setTested({ id: view.config.id, report: null, error });
          return false;
        },
      )
      .finally(() => {
        if (run === latestTest.current) setTesting(null);
      });
  };
  const handleRemove = (view: TargetView): void => {
    setRemoving(null);
    if (tested?.id === view.config.id) setTested(null);
    act(() => targets.getState().remove(view.config.id));
  };

  const problem = actionError ? formatError(actionError) : listError ? formatError(listError) : null;

  return (
    <ModalDialog title={t('targets.title')} onClose={onClose} className="targets-dialog">
      <SecretsWarning secrets={secrets} />
      {problem ? (
        <div className="notice notice-error" role="alert">
          <strong>{problem.message}</strong> <span className="notice-detail">{problem.detail}</span>
        </div>
      ) : null}
      {list === null && !problem ? <p>{t('app.loading')}</p> : null}
      {list?.length === 0 ? <p className="empty">{t('targets.empty')}</p> : null}
      {list && list.length > 0 ? (
        <ul className="targets-list" aria-label={t('targets.listLabel')}>
          {list.map((view) => {
            const name = targetDisplayName(t, view.config.id, view.config.name);
            return (
              <li key={view.config.id} className="target-row">
                <div className="target-row-main">
                  <strong>{name}</strong>
                  {view.isDefault ? <span className="default-badge">{t('targets.default')}</span> : null}
                  <div className="row-meta">
                    {t(`targets.kind.${view.config.kind}`)}
                    {view.config.kind === 'wordpress' || view.config.kind === 'ghost' ? ` · ${readableUrl(view.config.siteUrl)}` : null}
                    {view.config.kind === 'webhook' ? ` · ${readableUrl(view.config.url)}` : null}
                    {view.config.kind === 'folder' ? ` · ${view.config.path || t('targets.field.folderDefault')}` : null}
                  </div>
                </div>
                <div className="row-actions">
                  <button type="button" aria-label={t('targets.testNamed', { name })} disabled={testing !== null} onClick={() => void handleTest(view)}>
                    {testing === view.config.id ? t('targets.testing') : t('targets.test')}
                  </button>
                  <button type="button" aria-label={t('targets.editNamed', { name })} onClick={() => setEditing({ mode: 'edit', view })}>
                    {t('targets.edit')}
                  </button>
                  {view.isDefault ? null : (
                    <button type="button" aria-label={t('targets.makeDefaultNamed', { name })} onClick={() => act(() => targets.getState().makeDefault(view.config.id))}>
                      {t('targets.makeDefault')}
                    </button>
                  )}
                  <button type="button" className="danger" aria-label={t('targets.removeNamed', { name })} onClick={() => setRemoving(view)}>
                    {t('targets.remove')}
                  </button>
                </div>
                {tested?.id === view.config.id ? <ConnectionReportView targetName={name} report={tested.report} error={tested.error} /> : null}
              </li>
            );
          })}
        </ul>
      ) : null}
      {editing ? (
        <TargetForm
          key={editing.mode === 'edit' ? editing.view.config.id : 'new'}
          editing={editing.mode === 'edit' ? editing.view : null}
          secrets={secrets}
          onDone={(saved) => {
            const adding = editing.mode === 'add';
            setEditing(null);
            // An earlier test's result (perhaps a failure) must not read as this save's.
            setTested(null);
            // The first real site is offered as the default only once a test shows it works;
            // otherwise the test's finding shows under it, and nothing is offered.
            if (adding && isFirstRealTarget(saved, list ?? [])) {
              void handleTest(saved).then((works) => {
                if (works) setOfferingDefault(saved);
              });
            }
          }}
          onCancel={() => setEditing(null)}
        />
      ) : (
        <div className="modal-actions">
          <button type="button" onClick={() => setEditing({ mode: 'add' })}>
            {t('targets.add')}
          </button>
          <button type="button" onClick={onClose}>
            {t('app.close')}
          </button>
        </div>
      )}
      {offeringDefault ? (
        <ConfirmDialog
          title={t('targets.makeDefaultTitle')}
          message={t('targets.makeDefaultMessage', { name: targetDisplayName(t, offeringDefault.config.id, offeringDefault.config.name) })}
          confirmLabel={t('targets.makeDefaultConfirm')}
          onConfirm={() => {
            const id = offeringDefault.config.id;
            setOfferingDefault(null);
            act(() => targets.getState().makeDefault(id));
          }}
          onCancel={() => setOfferingDefault(null)}
        />
      ) : null}
      {removing ? (
        <ConfirmDialog
          title={t('targets.removeTitle')}
          message={t('targets.removeMessage', { name: targetDisplayName(t, removing.config.id, removing.config.name) })}
          confirmLabel={t('targets.remove')}
          danger
          onConfirm={() => handleRemove(removing)}
          onCancel={() => setRemoving(null)}
        />
      ) : null}
    </ModalDialog>
  );
}

/** A site (not the local folder) that is not the default, added when no other site was set up. */
export function isFirstRealTarget(saved: TargetView, before: readonly TargetView[]): boolean {
  if (saved.config.kind === 'folder' || saved.isDefault) return false;
  return !before.some((view) => view.config.id !== saved.config.id && view.config.kind !== 'folder');
}
