// Runs in: renderer. Brings the body's selection on screen in the one box that scrolls it, below the
// toolbar and find bar that stick over the text. ProseMirror's own way measures every ancestor of
// the caret on every key, knows nothing of sticky bars (the caret could end under the toolbar), and
// does nothing while the focus is elsewhere (the find bar's Enter). Chromium's own caret moves
// (arrows, Page Up) know nothing of the bars either: caret-in-sight.ts follows them.
import { NodeSelection } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';

/** The attribute of a bar that sticks over the top of the body while it scrolls (toolbar, find bar). */
const STICKY_OVER_BODY = 'data-sticky-over-body';

/** Space kept between the selection and the edge it is brought to, in pixels. */
const MARGIN = 8;

const scrollers = new WeakMap<Element, HTMLElement>();

function isScroller(element: HTMLElement): boolean {
  if (element.scrollHeight <= element.clientHeight) return false;
  const overflow = getComputedStyle(element).overflowY;
  return overflow === 'auto' || overflow === 'scroll' || overflow === 'overlay';
}

/** The nearest ancestor of the body that scrolls it now (the page's own scroller when none does). */
function scrollerOf(dom: HTMLElement): HTMLElement | null {
  const known = scrollers.get(dom);
  if (known?.isConnected && known.contains(dom) && known.scrollHeight > known.clientHeight) return known;
  for (let parent = dom.parentElement; parent; parent = parent.parentElement) {
    if (parent === dom.ownerDocument.body || parent === dom.ownerDocument.documentElement) break;
    if (isScroller(parent)) {
      scrollers.set(dom, parent);
      return parent;
    }
  }
  const page = dom.ownerDocument.scrollingElement as HTMLElement | null;
  if (page) scrollers.set(dom, page);
  return page;
}

/**
 * How far below the scroller's top edge the body can be seen when the bars stick over it: the
 * scroller's padding (where a sticky bar sticks) and the tallest bar (bars that stack share one
 * marked container). The bars are children of the body's ancestors inside the scroller: a few
 * elements, never the whole text.
 */
function topInset(dom: HTMLElement, scroller: HTMLElement, page: boolean): number {
  let bars = 0;
  for (let parent = dom.parentElement; parent && parent !== scroller.parentElement; parent = parent.parentElement) {
    for (const child of parent.children) {
      if (child.hasAttribute(STICKY_OVER_BODY)) bars = Math.max(bars, child.getBoundingClientRect().height);
    }
  }
  return (page ? 0 : parseFloat(getComputedStyle(scroller).paddingTop) || 0) + bars;
}

function selectionRect(view: EditorView): { top: number; bottom: number } | null {
  const { selection } = view.state;
  if (selection instanceof NodeSelection) {
    const node = view.nodeDOM(selection.from);
    return node instanceof Element ? node.getBoundingClientRect() : null;
  }
  return posRect(view, selection.head);
}

function posRect(view: EditorView, pos: number): { top: number; bottom: number } | null {
  try {
    return view.coordsAtPos(pos, 1);
  } catch {
    return null;
  }
}

function scrollRectIntoView(view: EditorView, rect: { top: number; bottom: number } | null, center: boolean): boolean {
  const scroller = scrollerOf(view.dom);
  if (!rect || !scroller || (rect.top === 0 && rect.bottom === 0)) return false;
  const page = scroller === scroller.ownerDocument.scrollingElement;
  const box = page ? { top: 0, bottom: scroller.ownerDocument.documentElement.clientHeight } : scroller.getBoundingClientRect();
  const visible = { top: box.top + topInset(view.dom, scroller, page), bottom: box.bottom };
  const height = visible.bottom - visible.top;
  const above = rect.top < visible.top + MARGIN;
  const below = rect.bottom > visible.bottom - MARGIN;
  if (!above && !below) return true;
  let move: number;
  if (rect.bottom - rect.top > height - 2 * MARGIN) move = rect.top - visible.top - MARGIN; // taller than the box (a big photo): its top at the top
  else if (center) move = (rect.top + rect.bottom) / 2 - (visible.top + visible.bottom) / 2;
  else if (above) move = rect.top - visible.top - MARGIN;
  else move = rect.bottom - visible.bottom + MARGIN;
  scroller.scrollTop += move;
  return true;
}

/**
 * Scrolls the body's scroller by the least that puts the selection's head (or a selected figure) on
 * screen, clear of the sticky bars; nothing moves when it is on screen already. Returns false when
 * there is nothing to measure, so ProseMirror may try its own way.
 */
export function scrollSelectionIntoView(view: EditorView): boolean {
  return scrollRectIntoView(view, selectionRect(view), false);
}

/** The same for a body position the selection need not be at (a find match); `center` puts it in the middle. */
export function scrollPosIntoView(view: EditorView, pos: number, options: { center?: boolean } = {}): boolean {
  return scrollRectIntoView(view, posRect(view, pos), options.center ?? false);
}
