// Runs in: renderer. Lists an article's saved revisions; view one read-only or restore it.
import { useEffect, useState } from 'react';
import type { Article } from '../../../common/article';
import type { RevisionInfo } from '../../../common/contract';
import { docText } from '../../../common/doc-text';
import { ConfirmDialog } from '../../kit/confirm-dialog';
import { ModalDialog } from '../../kit/modal-dialog';
import { useStores } from '../../stores/stores-context';
import { formatError } from '../../api/format-error';
import { useI18nStore } from '../../i18n/i18n-store';
import { useT } from '../../i18n/use-t';

export function RevisionsDialog() {
  const t = useT();
  const locale = useI18nStore((s) => s.locale);
  const { api, article, ui } = useStores();
  const articleId = article((s) => s.article?.id ?? null);
  const [revisions, setRevisions] = useState<RevisionInfo[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [preview, setPreview] = useState<{ info: RevisionInfo; article: Article } | null>(null);
  const [restoring, setRestoring] = useState<RevisionInfo | null>(null);
  const close = (): void => ui.getState().openDialog(null);

  useEffect(() => {
    if (!articleId) return;
    let live = true;
    api.call('revisions.list', { id: articleId }).then(
      (list) => live && setRevisions([...list.versions].sort((a, b) => b.at.localeCompare(a.at))),
      (err: unknown) => live && setError(err),
    );
    return () => {
      live = false;
    };
  }, [api, articleId]);

  const when = (info: RevisionInfo): string => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' }).format(new Date(info.at));

  const handleView = (info: RevisionInfo): void => {
    if (!articleId) return;
    api.call('revisions.get', { id: articleId, revisionId: info.id }).then(
      (snapshot) => setPreview({ info, article: snapshot }),
      (err: unknown) => setError(err),
    );
  };

  const handleRestore = (info: RevisionInfo): void => {
    setRestoring(null);
    article
      .getState()
      .restoreRevision(info.id)
      .then(
        () => {
          close();
          ui.getState().showInfo(t('revisions.restored', { when: when(info) }));
        },
        (err: unknown) => setError(err),
      );
  };

  const problem = error ? formatError(error) : null;
  return (
    <ModalDialog title={t('revisions.title')} onClose={close} className="revisions-dialog">
      {problem ? (
        <div className="notice notice-error" role="alert">
          <strong>{problem.message}</strong> <span className="notice-detail">{problem.detail}</span>
        </div>
      ) : null}
      {revisions === null && !problem ? <p>{t('app.loading')}</p> : null}
      {revisions?.length === 0 ? <p className="empty">{t('revisions.empty')}</p> : null}
      {revisions && revisions.length > 0 ? (
        <table className="revisions-table">
          <thead>
            <tr>
              <th scope="col">{t('revisions.when')}</th>
              <th scope="col">{t('revisions.reason')}</th>
              <th scope="col">{t('revisions.who')}</th>
              <th scope="col">{t('revisions.headline')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('revisions.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {revisions.map((info) => (
              <tr key={info.id} aria-current={preview?.info.id === info.id ? 'true' : undefined}>
                <td>
                  <time dateTime={info.at}>{when(info)}</time>
                </td>
                <td>{t(`revisions.reason.${info.reason}`)}</td>
                <td>{info.who || t('revisions.unknownWho')}</td>
                <td>{info.headline || t('library.untitled')}</td>
                <td className="row-actions">
                  <button type="button" aria-label={t('revisions.viewNamed', { when: when(info) })} onClick={() => handleView(info)}>
                    {t('revisions.view')}
                  </button>
                  <button type="button" aria-label={t('revisions.restoreNamed', { when: when(info) })} onClick={() => setRestoring(info)}>
                    {t('revisions.restore')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {preview ? (
        <section className="revision-preview" aria-label={t('revisions.previewLabel', { when: when(preview.info) })}>
          <h3>{preview.article.headline || t('library.untitled')}</h3>
          {preview.article.subheadline ? <p className="preview-subheadline">{preview.article.subheadline}</p> : null}
          {preview.article.summary ? <p className="preview-summary">{preview.article.summary}</p> : null}
          <div className="preview-body">
            {docText(preview.article.body)
              .split('\n')
              .map((line, index) => (
                <p key={index}>{line}</p>
              ))}
          </div>
        </section>
      ) : null}
      <div className="modal-actions">
        <button type="button" onClick={close}>
          {t('app.close')}
        </button>
      </div>
      {restoring ? (
        <ConfirmDialog
          title={t('revisions.confirmTitle')}
          message={t('revisions.confirmMessage', { when: when(restoring) })}
          confirmLabel={t('revisions.restore')}
          onConfirm={() => handleRestore(restoring)}
          onCancel={() => setRestoring(null)}
        />
      ) : null}
    </ModalDialog>
  );
}
