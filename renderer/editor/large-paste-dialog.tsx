// Runs in: renderer. Asks before a paste far longer than a story lands in the body (large-paste.ts);
// Paste puts it where the caret was, as the paste would have; Cancel or Escape leaves the body as it was.
import type { Editor } from '@tiptap/core';
import { ConfirmDialog } from '../kit/confirm-dialog';
import { numberFormat } from '../i18n/number-format';
import type { Locale } from '../i18n/i18n-store';
import { useLocale, useT } from '../i18n/use-t';
import type { PendingPaste } from './large-paste';

export interface LargePasteDialogProps {
  editor: Editor;
  paste: PendingPaste;
  onClose(): void;
}

export function LargePasteDialog({ editor, paste, onClose }: LargePasteDialogProps) {
  const t = useT();
  const locale = useLocale();
  return (
    <ConfirmDialog
      title={t('editor.largePaste.title')}
      message={t('editor.largePaste.message', { chars: numberFormat(locale as Locale).format(paste.chars) })}
      confirmLabel={t('editor.largePaste.confirm')}
      onCancel={onClose}
      onConfirm={() => {
        onClose();
        if (editor.isDestroyed || !editor.isEditable) return;
        editor.view.focus();
        if (paste.html !== null) editor.view.pasteHTML(paste.html);
        else editor.view.pasteText(paste.text);
      }}
    />
  );
}
