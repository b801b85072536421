// Runs in: renderer. The article toolbar's primary action, named after what it does: an editor (or
// someone working alone) publishes; a reporter submits the story for review (the Review tab's form);
// their copy that does not go live is the secondary SendCopyButton.
import { useState } from 'react';
import { useStores } from '../../stores/stores-context';
import { useT } from '../../i18n/use-t';
import { PublishDialog } from './publish-dialog';

export function PublishButton() {
  const t = useT();
  const { settings, review, ui, article } = useStores();
  const role = settings((s) => s.settings.role);
  const id = article((s) => s.article?.id ?? null);
  const reviewState = review((s) => (s.state && s.state.articleId === id ? s.state : null));
  const sideTab = ui((s) => s.sideTab);
  const [open, setOpen] = useState(false);
  if (role !== 'reporter') {
    // While the Review tab offers "Approve and publish" (or "Publish") as its primary, that is the
    // screen's one primary action; this button stays, as a secondary one.
    const panelLeads = sideTab === 'review' && (reviewState?.allowedActions.some((action) => action === 'approve' || action === 'publish') ?? false);
    return (
      <>
        <button type="button" className={panelLeads ? undefined : 'primary'} onClick={() => setOpen(true)}>
          {t('publish.open')}
        </button>
        {open ? <PublishDialog onClose={() => setOpen(false)} /> : null}
      </>
    );
  }
  const canSubmit = reviewState?.allowedActions.includes('submit') ?? false;
  const submitLabel = reviewState?.status === 'changes_requested' ? t('review.action.resubmit') : t('review.action.submit');
  const handleSubmit = (): void => {
    ui.getState().setSideTab('review');
    review.getState().requestAction('submit');
  };
  return (
    <button type="button" className="primary" disabled={!canSubmit} title={canSubmit ? undefined : t('publish.submitNotNow')} onClick={handleSubmit}>
      {submitLabel}
    </button>
  );
}
