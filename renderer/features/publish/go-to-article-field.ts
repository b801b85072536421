// Runs in: renderer. Takes the person from a checklist item to the article field (or photo) it is about.
import type { ChecklistItem } from '../../../common/publish/publish-checklist';
import type { MessageKey } from '../../i18n/messages/catalogues';
import type { EditorHandleLike } from '../../stores/editor-handle';
import { fieldLabelKey, firstPhotoNumber } from './checklist-text';
import { focusFieldByLabel } from './focus-field';
import { SUGGESTIONS_ITEM_ID } from '../../../common/publish/publish-checklist';

export function goToArticleField(item: ChecklistItem, t: (key: MessageKey) => string, editor: EditorHandleLike | null, root: ParentNode): boolean {
  if (item.field === 'photos') {
    const index = (firstPhotoNumber(item) ?? 1) - 1;
    const key = String(item.message.key);
    const label = key.includes('-alt-') ? t('editor.figure.alt') : key.includes('-credit-') ? t('editor.figure.credit') : null;
    if (label && focusFieldByLabel(root, label, index)) return true;
    root.querySelectorAll<HTMLElement>('figure')[index]?.scrollIntoView?.({ block: 'center' });
    editor?.focus();
    return editor !== null;
  }
  // Unresolved suggestions: "Go to the first one" selects it in the body.
  if (item.id === SUGGESTIONS_ITEM_ID && editor?.goToSuggestion) return editor.goToSuggestion('first');
  if (item.field === 'body') {
    editor?.focus();
    return editor !== null;
  }
  const key = fieldLabelKey(item.field);
  return key ? focusFieldByLabel(root, t(key)) : false;
}
