// Runs in: renderer. Asks what to do with changes made on this computer when the review hub has a
// newer version: merge them into it (when this computer holds the version both started from), or
// replace them. Either way the version here is kept under Revisions.
import { useId } from 'react';
import { ModalDialog } from '../../kit/modal-dialog';
import { useStores } from '../../stores/stores-context';
import type { LocalChangesChoice } from '../../stores/review-store';
import { useT } from '../../i18n/use-t';

export function ReplaceLocalDialog({ onOpened }: { onOpened(): void }) {
  const t = useT();
  const { review } = useStores();
  const prompt = review((s) => s.replacePrompt);
  const messageId = useId();
  if (!prompt) return null;
  const choose = (choice: LocalChangesChoice): void => {
    void review
      .getState()
      .openFromHub(prompt.articleId, choice)
      .then((ok) => {
        if (ok) onOpened();
      });
  };
  const cancel = (): void => review.getState().dismissReplacePrompt();
  return (
    <ModalDialog title={t(prompt.mergeable ? 'review.replace.mergeTitle' : 'review.replace.title')} onClose={cancel} role="alertdialog" describedBy={messageId}>
      <div id={messageId}>
        <p>{prompt.message}</p>
        {prompt.mergeable && <p>{t('review.replace.mergeHint')}</p>}
      </div>
      <div className="modal-actions">
        <button type="button" onClick={cancel}>
          {t('app.cancel')}
        </button>
        <button type="button" className={prompt.mergeable ? undefined : 'primary'} onClick={() => choose('replace')}>
          {t('review.replace.confirm')}
        </button>
        {prompt.mergeable && (
          <button type="button" className="primary" onClick={() => choose('merge')}>
            {t('review.replace.merge')}
          </button>
        )}
      </div>
    </ModalDialog>
  );
}
