// Runs in: renderer. Asks before something that cannot be undone.
import { useId } from 'react';
import { useT } from '../i18n/use-t';
import { ModalDialog } from './modal-dialog';

export interface ConfirmDialogProps {
  title: string;
  message: string;
  confirmLabel: string;
  onConfirm(): void;
  onCancel(): void;
  danger?: boolean;
}

export function ConfirmDialog({ title, message, confirmLabel, onConfirm, onCancel, danger }: ConfirmDialogProps) {
  const t = useT();
  const messageId = useId();
  return (
    <ModalDialog title={title} onClose={onCancel} role="alertdialog" describedBy={messageId}>
      <p id={messageId}>{message}</p>
      <div className="modal-actions">
        <button type="button" onClick={onCancel}>
          {t('app.cancel')}
        </button>
        <button type="button" className={danger ? 'danger' : 'primary'} onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </ModalDialog>
  );
}
