// Runs in: renderer. Whether the window is wide enough for the comment margin beside the body.
// From 1200 px the text (about 560 px at the least, with the side panel open) and a 240 px margin
// fit side by side; below that the comments sit in the side panel, and from 800 px nothing scrolls
// sideways either way.
import { useSyncExternalStore } from 'react';

export const COMMENT_MARGIN_MEDIA = '(min-width: 1200px)';

function query(): MediaQueryList | null {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia(COMMENT_MARGIN_MEDIA) : null;
}

/** True when comments on text go in the margin now; false in the side panel. */
export function commentMarginFits(): boolean {
  return query()?.matches ?? false;
}

function subscribe(onChange: () => void): () => void {
  const list = query();
  list?.addEventListener('change', onChange);
  return () => list?.removeEventListener('change', onChange);
}

/** `commentMarginFits`, re-rendering when the window crosses the breakpoint. */
export function useCommentMarginFits(): boolean {
  return useSyncExternalStore(subscribe, commentMarginFits, () => false);
}
