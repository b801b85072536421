// Runs in: renderer. An article's versions: view one read-only (rendered through the editor
// schema), compare any two (or one with the current text) in the review diff view, restore a whole
// version, or put one paragraph of it back into the open article as an ordinary undoable edit.
import { useEffect, useMemo, useState } from 'react';
import type { Article } from '../../../common/article';
import type { RevisionInfo, RevisionList } from '../../../common/contract';
import { planBlockRestore } from '../../../common/versions/plan-block-restore';
import type { ArticleDiff } from '../../../common/workflow/article-diff';
import { ConfirmDialog } from '../../kit/confirm-dialog';
import { ModalDialog } from '../../kit/modal-dialog';
import { useStores } from '../../stores/stores-context';
import { formatError } from '../../api/format-error';
import { useI18nStore } from '../../i18n/i18n-store';
import { useT } from '../../i18n/use-t';
import { DiffView } from '../review/diff-view';
import { VersionBodyView } from './version-body-view';

interface Comparison {
  diff: ArticleDiff;
  label: string;
}

export function RevisionsDialog() {
  const t = useT();
  const locale = useI18nStore((s) => s.locale);
  const { api, article, ui } = useStores();
  const articleId = article((s) => s.article?.id ?? null);
  const [list, setList] = useState<RevisionList | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [preview, setPreview] = useState<{ info: RevisionInfo; article: Article } | null>(null);
  const [restoring, setRestoring] = useState<RevisionInfo | null>(null);
  const [selected, setSelected] = useState<readonly string[]>([]);
  const [comparison, setComparison] = useState<Comparison | null>(null);
  const close = (): void => ui.getState().openDialog(null);

  useEffect(() => {
    if (!articleId) return;
    let live = true;
    api.call('revisions.list', { id: articleId }).then(
      (found) => live && setList({ ...found, versions: [...found.versions].sort((a, b) => b.at.localeCompare(a.at)) }),
      (err: unknown) => live && setError(err),
    );
    return () => {
      live = false;
    };
  }, [api, articleId]);

  const revisions = list?.versions ?? null;
  const when = (info: RevisionInfo): string => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' }).format(new Date(info.at));

  const handleView = (info: RevisionInfo): void => {
    if (!articleId) return;
    setComparison(null);
    api.call('revisions.get', { id: articleId, revisionId: info.id }).then(
      (snapshot) => setPreview({ info, article: snapshot }),
      (err: unknown) => setError(err),
    );
  };

  const toggle = (id: string): void =>
    setSelected((now) => (now.includes(id) ? now.filter((x) => x !== id) : [...now.slice(-1), id]));

  const handleCompare = (): void => {
    if (!articleId || !revisions || selected.length === 0) return;
    // Older first: the diff reads as what changed since the older one.
    const chosen = revisions.filter((r) => selected.includes(r.id)).sort((a, b) => a.at.localeCompare(b.at));
    const from = chosen[0];
    const to = chosen[1];
    if (!from) return;
    const label = t('versions.compareBase', {
      from: t('versions.versionFrom', { when: when(from) }),
      to: to ? t('versions.versionFrom', { when: when(to) }) : t('versions.current'),
    });
    setPreview(null);
    article
      .getState()
      .flush()
      .then(() => api.call('revisions.compare', { id: articleId, from: from.id, to: to?.id ?? 'current' }))
      .then(
        (diff) => setComparison({ diff, label }),
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

  // Which blocks of the previewed version differ from the open article's body.
  const restorable = useMemo(() => {
    if (!preview) return [];
    const current = article.getState().getEditorHandle()?.getBody();
    const blocks = preview.article.body.content ?? [];
    if (!current) return blocks.map(() => false);
    return blocks.map((_, index) => planBlockRestore(current, preview.article.body, index) !== null);
  }, [article, preview]);

  const handleRestoreBlock = async (index: number): Promise<void> => {
    const handle = article.getState().getEditorHandle();
    const block = preview?.article.body.content?.[index];
    if (!preview || !handle?.restoreBlock || !block || !articleId) return;
    try {
      // The article as it is now is kept first, so the restore can also be undone from Versions.
      await article.getState().flush();
      await api.call('revisions.keepBeforeRestore', { id: articleId });
    } catch (err) {
      setError(err);
      return;
    }
    const plan = planBlockRestore(handle.getBody(), preview.article.body, index);
    if (!plan || !handle.restoreBlock(plan.index, plan.replace, block)) return;
    close();
    handle.focus();
    ui.getState().showInfo(t('versions.blockRestored', { when: when(preview.info) }));
  };

  const problem = error ? formatError(error) : null;
  return (
    <ModalDialog title={t('revisions.title')} onClose={close} className="revisions-dialog">
      {problem ? (
        <div className="notice notice-error" role="alert">
          <strong>{problem.message}</strong> <span className="notice-detail">{problem.detail}</span>
        </div>
      ) : null}
      {list && list.unreadable.length > 0 ? (
        <p className="notice notice-warning" role="status">
          {t('versions.unreadable', { list: list.unreadable.map((u) => u.id).join(', ') })}
        </p>
      ) : null}
      {revisions === null && !problem ? <p>{t('app.loading')}</p> : null}
      {revisions?.length === 0 ? <p className="empty">{t('revisions.empty')}</p> : null}
      {revisions && revisions.length > 0 ? (
        <>
          <p className="hint">{t('versions.compareHint')}</p>
          <table className="revisions-table">
            <thead>
              <tr>
                <th scope="col">
                  <span className="visually-hidden">{t('versions.compare')}</span>
                </th>
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
                    <input
                      type="checkbox"
                      checked={selected.includes(info.id)}
                      aria-label={t('versions.selectNamed', { when: when(info) })}
                      onChange={() => toggle(info.id)}
                    />
                  </td>
                  <td>
                    <time dateTime={info.at}>{when(info)}</time>
                  </td>
                  <td>{info.reason === 'named' && info.name ? t('versions.namedAs', { name: info.name }) : t(`revisions.reason.${info.reason}`)}</td>
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
          <div className="modal-actions">
            <button type="button" disabled={selected.length === 0} onClick={handleCompare}>
              {t('versions.compare')}
            </button>
          </div>
        </>
      ) : null}
      {comparison ? <DiffView diff={comparison.diff} baseLabel={comparison.label} /> : null}
      {preview ? (
        <section className="revision-preview" aria-label={t('revisions.previewLabel', { when: when(preview.info) })}>
          <h3>{preview.article.headline || t('library.untitled')}</h3>
          {preview.article.subheadline ? <p className="preview-subheadline">{preview.article.subheadline}</p> : null}
          {preview.article.summary ? <p className="preview-summary">{preview.article.summary}</p> : null}
          <VersionBodyView api={api} body={preview.article.body} restorable={restorable} onRestoreBlock={(index) => void handleRestoreBlock(index)} />
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
