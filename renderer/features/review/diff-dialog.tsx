// Runs in: renderer. The "what changed" dialog around the diff view.
import { ModalDialog } from '../../kit/modal-dialog';
import { useStores } from '../../stores/stores-context';
import { useLocale, useT } from '../../i18n/use-t';
import { DiffView } from './diff-view';
import { formatMoment } from '../../i18n/format-moment';

export function DiffDialog() {
  const t = useT();
  const locale = useLocale();
  const { review } = useStores();
  const result = review((s) => s.diff);
  if (!result) return null;
  const at = formatMoment(result.baseInfo.at, locale);
  const baseLabel =
    result.base === 'last-seen'
      ? t('review.diff.base.last-seen', { at })
      : t(result.base === 'submitted' ? 'review.diff.base.submitted' : 'review.diff.base.previous-submission', { at });
  const close = (): void => review.getState().closeDiff();
  return (
    <ModalDialog title={t('review.diff.title')} onClose={close} className="diff-dialog">
      <DiffView diff={result.diff} baseLabel={baseLabel} />
      <div className="modal-actions">
        <button type="button" onClick={close}>
          {t('review.diff.close')}
        </button>
      </div>
    </ModalDialog>
  );
}
