// Runs in: renderer. Why Comment could not start, in a dialog that takes the keyboard: the person
// has usually started typing their comment, and those words must not replace the selected text in
// the story. The dialog itself holds the focus, so a space or Enter in those words presses none of
// its buttons; Escape or a button closes it and gives the body its focus and selection back. Without
// a name and role it offers Settings.
import { ModalDialog } from '../../kit/modal-dialog';
import { useT } from '../../i18n/use-t';
import type { MessageKey } from '../../i18n/messages/catalogues';
import { useStores } from '../../stores/stores-context';
import type { CommentRefusal } from '../../stores/review-store';

const MESSAGES: Record<CommentRefusal, MessageKey> = {
  'no-profile': 'review.noProfile',
  'not-kept': 'review.comments.notKept',
  'needs-selection': 'review.comment.needsSelection',
};

export function CommentRefusalDialog() {
  const t = useT();
  const { review, ui, article } = useStores();
  const articleId = article((s) => s.article?.id ?? null);
  // About the story it was asked in: another story open now (left by the menu) does not show it.
  const refusal = review((s) => (s.commentRefusal && s.commentRefusal.articleId === articleId ? s.commentRefusal.reason : null));
  if (!refusal) return null;
  const close = (): void => review.getState().refuseComment(null);
  return (
    <ModalDialog title={t('review.comment.refusedTitle')} onClose={close} role="alertdialog" focusDialog>
      <p>{t(MESSAGES[refusal])}</p>
      <div className="modal-actions">
        {refusal === 'no-profile' ? (
          <>
            <button type="button" onClick={close}>
              {t('app.close')}
            </button>
            <button
              type="button"
              className="primary"
              onClick={() => {
                close();
                ui.getState().openDialog('settings');
              }}
            >
              {t('review.comment.openSettings')}
            </button>
          </>
        ) : (
          <button type="button" className="primary" onClick={close}>
            {t('review.comment.understood')}
          </button>
        )}
      </div>
    </ModalDialog>
  );
}
