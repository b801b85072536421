// Runs in: renderer. Which pending suggestion "Go to the first one", "Next" and "Previous" take the
// selection to. It walks the document, so it runs on a click, never per key.
import type { Editor } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';
import { listSuggestions } from './suggestion-review';

export type SuggestionDirection = 'first' | 'next' | 'previous';

export interface SuggestionRange {
  from: number;
  to: number;
}

/**
 * The range of the suggestion to select: the first in the document; the first that starts after
 * the selection's start (next); the last that starts before it (previous). Next and previous wrap
 * around at the ends. Null when the body holds none.
 */
export function suggestionToVisit(doc: PmNode, selection: SuggestionRange, direction: SuggestionDirection): SuggestionRange | null {
  const entries = listSuggestions(doc).sort((a, b) => a.from - b.from || a.to - b.to);
  // A replacement (a deletion and an insertion side by side) is one stop, both selected.
  const places: (SuggestionRange & { kind: string })[] = [];
  for (const entry of entries) {
    const previous = places[places.length - 1];
    const pair = `${previous?.kind ?? ''}+${entry.kind}`;
    if (previous && entry.from <= previous.to && (pair === 'delete+insert' || pair === 'insert+delete')) {
      previous.to = Math.max(previous.to, entry.to);
      previous.kind = 'replacement';
    } else places.push({ from: entry.from, to: entry.to, kind: entry.kind });
  }
  const first = places[0];
  const last = places[places.length - 1];
  if (!first || !last) return null;
  const visit = (place: SuggestionRange & { kind: string }): SuggestionRange => ({ from: place.from, to: place.to });
  if (direction === 'first') return visit(first);
  if (direction === 'next') return visit(places.find((range) => range.from > selection.from) ?? first);
  return visit([...places].reverse().find((range) => range.from < selection.from) ?? last);
}

/** Selects the suggestion `direction` picks and scrolls it into view; false when there is none. */
export function visitSuggestion(editor: Editor, direction: SuggestionDirection): boolean {
  if (editor.isDestroyed) return false;
  const range = suggestionToVisit(editor.state.doc, editor.state.selection, direction);
  if (!range) return false;
  return editor.chain().focus().setTextSelection(range).scrollIntoView().run();
}
