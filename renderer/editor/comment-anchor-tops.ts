// Runs in: renderer. Where commented text sits on screen, for the comment margin beside the body.
// Read only when the layout may have moved, at most once a frame; never by walking the document.
import type { Editor } from '@tiptap/core';
import type { EditorView } from '@tiptap/pm/view';
import { currentCommentRanges } from './comment-highlights';

/** The viewport top of body position `pos`, clamped to the body. */
export function topOf(view: EditorView, pos: number): number {
  const clamped = Math.max(0, Math.min(pos, view.state.doc.content.size));
  try {
    return view.coordsAtPos(clamped, 1).top;
  } catch {
    // A position the view cannot measure (not rendered yet): the top of the body.
    return view.dom.getBoundingClientRect().top;
  }
}

/**
 * The viewport top of each marked comment's text where it is now (mapped through the edits since it
 * was marked), and of `stored` positions for comments whose marked text is gone.
 */
export function commentTops(view: EditorView, stored: ReadonlyMap<string, number>): Map<string, number> {
  const ranges = currentCommentRanges(view.state);
  const tops = new Map<string, number>();
  for (const [id, from] of stored) tops.set(id, topOf(view, ranges.get(id)?.from ?? from));
  return tops;
}

/** Calls `listener` once in the frame after the body changed or its box was resized; returns the unsubscribe. */
export function onBodyLayoutChange(editor: Editor, listener: () => void): () => void {
  let frame = 0;
  const schedule = () => {
    if (frame === 0) frame = requestAnimationFrame(() => {
      frame = 0;
      if (!editor.isDestroyed) listener();
    });
  };
  const onUpdate = ({ transaction }: { transaction: { docChanged: boolean } }) => {
    if (transaction.docChanged) schedule();
  };
  editor.on('transaction', onUpdate);
  const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(schedule) : null;
  if (!editor.isDestroyed) observer?.observe(editor.view.dom);
  return () => {
    editor.off('transaction', onUpdate);
    observer?.disconnect();
    if (frame !== 0) cancelAnimationFrame(frame);
  };
}
