// Runs in: renderer. Lists the pending suggestions again after edits without walking the whole body:
// ProseMirror nodes are immutable, so a top-level block an edit did not touch is the same object,
// and its pieces come from a cache. Only the blocks an edit replaced are walked.
import type { Node as PmNode } from '@tiptap/pm/model';
import { suggestionEntries, suggestionPiecesIn, type SuggestionEntry, type SuggestionPiece } from './suggestion-review';

export type SuggestionLister = (doc: PmNode) => SuggestionEntry[];

const NONE: readonly SuggestionPiece[] = [];

export function createSuggestionLister(): SuggestionLister {
  /** Each block's pieces, with positions counted from the block's own content start. */
  const perBlock = new WeakMap<PmNode, readonly SuggestionPiece[]>();
  const piecesOf = (block: PmNode): readonly SuggestionPiece[] => {
    let pieces = perBlock.get(block);
    if (!pieces) {
      const found = suggestionPiecesIn(block, 0);
      pieces = found.length === 0 ? NONE : found;
      perBlock.set(block, pieces);
    }
    return pieces;
  };
  return (doc) => {
    const all: SuggestionPiece[] = [];
    doc.forEach((block, offset) => {
      const start = offset + 1;
      for (const piece of piecesOf(block)) all.push({ ...piece, from: start + piece.from, to: start + piece.to });
    });
    return suggestionEntries(all);
  };
}
