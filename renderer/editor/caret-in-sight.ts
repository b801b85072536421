// Runs in: renderer. Keeps the caret in sight after Chromium moves it (arrows, Page Up, Home):
// Chromium brings it to the scroller's edge, under the toolbar that sticks there, and ProseMirror
// scrolls again only when it reads the move within 50 ms of the key, which a busy machine misses.
// Clicks and drags are left alone: what the pointer chose is already where the reporter looks.
import { Extension } from '@tiptap/core';
import { scrollSelectionIntoView } from './scroll-selection-into-view';

export const CaretInSight = Extension.create({
  name: 'datelineCaretInSight',

  onTransaction({ transaction }) {
    if (!transaction.selectionSet || transaction.docChanged || transaction.scrolledIntoView || transaction.getMeta('pointer')) return;
    const { view } = this.editor;
    if (view.hasFocus()) scrollSelectionIntoView(view);
  },
});
