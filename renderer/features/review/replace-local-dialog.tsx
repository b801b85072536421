// Runs in: renderer. Asks before the review hub's version replaces changes made on this computer
// (they are kept under Revisions either way).
import { ConfirmDialog } from '../../kit/confirm-dialog';
import { useStores } from '../../stores/stores-context';
import { useT } from '../../i18n/use-t';

export function ReplaceLocalDialog({ onOpened }: { onOpened(): void }) {
  const t = useT();
  const { review } = useStores();
  const prompt = review((s) => s.replacePrompt);
  if (!prompt) return null;
  return (
    <ConfirmDialog
      title={t('review.replace.title')}
      message={prompt.message}
      confirmLabel={t('review.replace.confirm')}
      onCancel={() => review.getState().dismissReplacePrompt()}
      onConfirm={() => {
        void review
          .getState()
          .openFromHub(prompt.articleId, true)
          .then((ok) => {
            if (ok) onOpened();
          });
      }}
    />
  );
}
