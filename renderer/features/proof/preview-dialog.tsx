// Runs in: renderer. Preview as published: the story as the folder target's standalone page, in a
// sandboxed frame (no scripts, no same origin) under the page's own strict CSP.
import { useEffect, useState } from 'react';
import { ModalDialog } from '../../kit/modal-dialog';
import { useStores } from '../../stores/stores-context';
import { useT } from '../../i18n/use-t';
import { formatError } from '../../api/format-error';

/** A page larger than this (photos are inlined) is not put in a frame. */
export const MAX_PREVIEW_CHARS = 64 * 1024 * 1024;

type PreviewState = { kind: 'loading' } | { kind: 'ready'; html: string } | { kind: 'failed'; message: string };

export function PreviewDialog() {
  const t = useT();
  const { api, article, ui } = useStores();
  const id = article((s) => s.article?.id ?? null);
  const [state, setState] = useState<PreviewState>({ kind: 'loading' });
  useEffect(() => {
    if (!id) return;
    let live = true;
    api.call('articles.exportPage', { id }).then(
      (page) => {
        if (!live) return;
        setState(page.html.length > MAX_PREVIEW_CHARS ? { kind: 'failed', message: t('proof.previewTooLarge') } : { kind: 'ready', html: page.html });
      },
      (error: unknown) => {
        if (live) setState({ kind: 'failed', message: formatError(error).message });
      },
    );
    return () => {
      live = false;
    };
  }, [api, id, t]);
  return (
    <ModalDialog title={t('proof.previewTitle')} className="preview-dialog" onClose={() => ui.getState().openDialog(null)}>
      <p className="hint">{t('proof.previewHint')}</p>
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
