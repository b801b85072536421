// Runs in: renderer. Preview as published for the chosen target: the folder target's standalone
// page, or a WordPress post's blocks with the site's own stylesheets (fetched by the services; when
// they cannot be, the preview says so). Either way the page is shown in a sandboxed frame (no
// scripts, no same origin) under the page's own strict CSP.
import { useEffect, useId, useState } from 'react';
import type { TargetView } from '../../../common/publish/publish-target-config';
import type { WordpressPreview } from '../../../common/publish/wordpress-preview';
import { ModalDialog } from '../../kit/modal-dialog';
import { useStores } from '../../stores/stores-context';
import { useT } from '../../i18n/use-t';
import { formatError } from '../../api/format-error';

/** A page larger than this (photos are inlined) is not put in a frame. */
export const MAX_PREVIEW_CHARS = 64 * 1024 * 1024;

/** The folder page, shown when no WordPress target is chosen. */
const FOLDER = '';

type PreviewState =
  | { kind: 'loading' }
  | { kind: 'ready'; html: string; siteStyles: WordpressPreview['siteStyles'] | null }
  | { kind: 'failed'; message: string };

export function PreviewDialog() {
  const t = useT();
  const { api, article, ui } = useStores();
  const id = article((s) => s.article?.id ?? null);
  const fieldId = useId();
  const [sites, setSites] = useState<TargetView[] | null>(null);
  const [chosen, setChosen] = useState(FOLDER);
  const [state, setState] = useState<PreviewState>({ kind: 'loading' });

  // The WordPress targets, the default one chosen; without any (or when they cannot be read) the folder page.
  useEffect(() => {
    let live = true;
    api.call('targets.list', {}).then(
      (views) => {
        if (!live) return;
        const wordpress = views.filter((v) => v.config.kind === 'wordpress');
        setSites(wordpress);
        setChosen(wordpress.find((v) => v.isDefault)?.config.id ?? FOLDER);
      },
      () => {
        if (live) setSites([]);
      },
    );
    return () => {
      live = false;
    };
  }, [api]);

  useEffect(() => {
    if (!id || sites === null) return;
    let live = true;
    const page: Promise<{ html: string; siteStyles: WordpressPreview['siteStyles'] | null }> =
      chosen === FOLDER
        ? api.call('articles.exportPage', { id }).then((p) => ({ html: p.html, siteStyles: null }))
        : api.call('articles.previewWordpress', { id, targetId: chosen });
    page.then(
      (ready) => {
        if (!live) return;
        setState(ready.html.length > MAX_PREVIEW_CHARS ? { kind: 'failed', message: t('proof.previewTooLarge') } : { kind: 'ready', ...ready });
      },
      (error: unknown) => {
        if (live) setState({ kind: 'failed', message: formatError(error).message });
      },
    );
    return () => {
      live = false;
    };
  }, [api, id, t, sites, chosen]);

  const site = sites?.find((v) => v.config.id === chosen);
  return (
    <ModalDialog title={t('proof.previewTitle')} className="preview-dialog" onClose={() => ui.getState().openDialog(null)}>
      {sites && sites.length > 0 ? (
        <p>
          <label htmlFor={fieldId}>{t('proof.previewTarget')}</label>{' '}
          <select id={fieldId} value={chosen} onChange={(event) => {
              setState({ kind: 'loading' });
              setChosen(event.target.value);
            }}>
            <option value={FOLDER}>{t('proof.previewFolderPage')}</option>
            {sites.map((v) => (
              <option key={v.config.id} value={v.config.id}>
                {v.config.name}
              </option>
            ))}
          </select>
        </p>
      ) : null}
      <p className="hint">{site ? t('proof.previewWordpressHint', { site: site.config.name }) : t('proof.previewHint')}</p>
      {state.kind === 'ready' && state.siteStyles === 'unavailable' ? <p role="status">{t('proof.previewStylesUnavailable')}</p> : null}
      {state.kind === 'ready' && state.siteStyles === 'none' ? <p role="status">{t('proof.previewStylesNone')}</p> : null}
      {state.kind === 'loading' ? <p role="status">{t('app.loading')}</p> : null}
      {state.kind === 'failed' ? <p role="alert">{state.message}</p> : null}
      {/* sandbox="" : no scripts, no forms, no same-origin access; the page carries its own CSP too. */}
      {state.kind === 'ready' ? <iframe className="preview-frame" title={t('proof.previewFrame')} sandbox="" srcDoc={state.html} /> : null}
      <div className="modal-actions">
        <button type="button" onClick={() => ui.getState().openDialog(null)}>
          {t('app.close')}
        </button>
      </div>
    </ModalDialog>
  );
}
