// Runs in: renderer. Comment first (Ctrl/Cmd+Alt+M, the toolbar's Comment button, the menu): the
// selected text becomes the comment's anchor and a composer opens beside it, in the margin on wide
// windows, in the side panel's review tab on narrow ones. When it cannot (no name and role, a hub
// that keeps no comments, no selection) a dialog says why and holds the keyboard: the comment's
// words typed next must not land in the story over the selected text.
import type { AppStores } from '../../stores/app-stores';
import { commentMarginFits } from './comment-margin-fits';

export function startComment({ article, review, ui }: Pick<AppStores, 'article' | 'review' | 'ui'>): void {
  const handle = article.getState().getEditorHandle();
  const state = review.getState().state;
  if (!handle || !article.getState().article) return;
  const refuse = review.getState().refuseComment;
  if (!state?.profile) return refuse('no-profile');
  if (state.hub && !state.hub.keepsComments) return refuse('not-kept');
  const anchor = handle.getSelectionAnchor?.() ?? null;
  if (!anchor) return refuse('needs-selection');
  refuse(null);
  if (ui.getState().focusWriting) ui.getState().toggleFocusWriting();
  if (!commentMarginFits()) {
    if (!ui.getState().sidePanelOpen) ui.getState().toggleSidePanel();
    ui.getState().setSideTab('review');
  }
  review.getState().openComposer(anchor);
}
