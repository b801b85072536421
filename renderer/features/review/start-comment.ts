// Runs in: renderer. Comment first (Ctrl/Cmd+Alt+M, the toolbar's Comment button, the menu): the
// selected text becomes the comment's anchor and a composer opens beside it, in the margin on wide
// windows, in the side panel's review tab on narrow ones. Without a selection it says so.
import { t } from '../../i18n/i18n-store';
import type { AppStores } from '../../stores/app-stores';
import { commentMarginFits } from './comment-margin-fits';

const NOTICE_KEY = 'comment-first';

export function startComment({ article, review, ui }: Pick<AppStores, 'article' | 'review' | 'ui'>): void {
  const handle = article.getState().getEditorHandle();
  const state = review.getState().state;
  if (!handle || !article.getState().article) return;
  if (!state?.profile) {
    ui.getState().showInfo(t('review.noProfile'), undefined, { key: NOTICE_KEY });
    return;
  }
  if (state.hub && !state.hub.keepsComments) {
    ui.getState().showInfo(t('review.comments.notKept'), undefined, { key: NOTICE_KEY });
    return;
  }
  const anchor = handle.getSelectionAnchor?.() ?? null;
  if (!anchor) {
    ui.getState().showInfo(t('review.comment.needsSelection'), undefined, { key: NOTICE_KEY });
    return;
  }
  ui.getState().dismissKey(NOTICE_KEY);
  if (ui.getState().focusWriting) ui.getState().toggleFocusWriting();
  if (!commentMarginFits()) {
    if (!ui.getState().sidePanelOpen) ui.getState().toggleSidePanel();
    ui.getState().setSideTab('review');
  }
  review.getState().openComposer(anchor);
}
