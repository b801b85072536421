// Runs in: renderer. The pending suggestions of a body and what accepting or rejecting them does:
// accepting an insertion or rejecting a deletion drops the mark and keeps the text; accepting a
// deletion or rejecting an insertion removes the text; accepting a format change keeps the new
// formatting, rejecting it puts the old back. Either is one ordinary, undoable edit.
// These walk the document, so they run on a command or when the list is shown, never per key.
import type { Node as PmNode } from '@tiptap/pm/model';
import { closeHistory } from '@tiptap/pm/history';
import type { EditorState, Transaction } from '@tiptap/pm/state';
import { FORMAT_MARK_NAMES, formatSnapshot } from '../../common/editor/format-snapshot';
import { SUGGESTION_DELETE, SUGGESTION_FORMAT, SUGGESTION_INSERT } from '../../common/editor/suggestion-marks';

export type SuggestionKind = 'insert' | 'delete' | 'format';

export interface SuggestionEntry {
  id: string;
  kind: SuggestionKind;
  authorId: string;
  authorName: string;
  at: string;
  /** The suggested (or struck) text, cut to a preview length. */
  text: string;
  /** Where its first piece starts and its last ends. */
  from: number;
  to: number;
}

export type SuggestionDecision = 'accept' | 'reject';

const PREVIEW_CHARS = 80;

function kindOf(markName: string): SuggestionKind | null {
  if (markName === SUGGESTION_INSERT) return 'insert';
  if (markName === SUGGESTION_DELETE) return 'delete';
  if (markName === SUGGESTION_FORMAT) return 'format';
  return null;
}

export interface SuggestionPiece {
  kind: SuggestionKind;
  id: string;
  authorId: string;
  authorName: string;
  at: string;
  from: number;
  to: number;
  text: string;
  /** A format suggestion's formatting before it. */
  before: unknown;
}

/** The suggestion pieces inside `node`, with positions counted from `start` (where its content begins). */
export function suggestionPiecesIn(node: PmNode, start: number): SuggestionPiece[] {
  const pieces: SuggestionPiece[] = [];
  node.descendants((child, pos) => {
    if (!child.isInline) return true;
    for (const mark of child.marks) {
      const kind = kindOf(mark.type.name);
      if (!kind) continue;
      pieces.push({
        kind,
        id: String(mark.attrs.id),
        authorId: String(mark.attrs.authorId),
        authorName: String(mark.attrs.authorName),
        at: String(mark.attrs.at),
        from: start + pos,
        to: start + pos + child.nodeSize,
        text: child.isText ? (child.text ?? '') : ' ',
        before: mark.attrs.before,
      });
    }
    return false;
  });
  return pieces;
}

/** The pieces in document order, one entry per kind and id. */
export function suggestionEntries(pieces: Iterable<SuggestionPiece>): SuggestionEntry[] {
  const byKey = new Map<string, SuggestionEntry>();
  for (const piece of pieces) {
    const key = `${piece.kind}:${piece.id}`;
    const entry = byKey.get(key);
    if (entry) {
      entry.to = piece.to;
      if (entry.text.length < PREVIEW_CHARS) entry.text = (entry.text + piece.text).slice(0, PREVIEW_CHARS);
    } else {
      const { before: _before, ...entryFields } = piece;
      byKey.set(key, { ...entryFields, text: piece.text.slice(0, PREVIEW_CHARS) });
    }
  }
  return [...byKey.values()];
}

/** Every pending suggestion in document order, one entry per kind and id (walks the whole body). */
export function listSuggestions(doc: PmNode): SuggestionEntry[] {
  return suggestionEntries(suggestionPiecesIn(doc, 0));
}

/** Accepts or rejects the suggestions `which` picks; null when it picks none. */
export function decideSuggestions(state: EditorState, decision: SuggestionDecision, which: (entry: Pick<SuggestionEntry, 'id' | 'kind' | 'authorId'>) => boolean): Transaction | null {
  const pieces = suggestionPiecesIn(state.doc, 0).filter((p) => which(p));
  if (pieces.length === 0) return null;
  const tr = state.tr;
  const removals: { from: number; to: number }[] = [];
  for (const piece of pieces) {
    if (piece.kind === 'format') {
      decideFormat(tr, piece, decision);
      continue;
    }
    const keepText = (piece.kind === 'insert') === (decision === 'accept');
    const type = state.schema.marks[piece.kind === 'insert' ? SUGGESTION_INSERT : SUGGESTION_DELETE];
    if (keepText && type) tr.removeMark(piece.from, piece.to, type);
    else removals.push({ from: piece.from, to: piece.to });
  }
  // Mapped, so a piece both inserted and struck through is removed once.
  for (const range of removals) {
    const from = tr.mapping.map(range.from, 1);
    const to = tr.mapping.map(range.to, -1);
    if (to > from) tr.delete(from, to);
  }
  removeEmptiedBlocks(state.doc, tr, removals);
  // Its own undo step, never merged with the typing before it.
  return closeHistory(tr).setMeta('suggestionReview', decision);
}

/**
 * A paragraph or heading that held text and holds none once the decision removed it goes too, and
 * so does the list item or quote it leaves empty: a rejected suggested paragraph (a merge's, or one
 * typed after Enter) or an accepted deletion of a whole one leaves no blank line or empty bullet
 * behind. Only where the parent stays valid without it (the body keeps a block, a list an item).
 * Paragraph breaks are not tracked, so a blank line that was there before someone suggested text
 * into it goes as well.
 */
function removeEmptiedBlocks(before: PmNode, tr: Transaction, removals: readonly { from: number; to: number }[]): void {
  const starts = new Set<number>();
  for (const range of removals) {
    const $from = before.resolve(range.from);
    if ($from.parent.isTextblock && $from.parent.content.size > 0 && $from.depth > 0) starts.add($from.before());
  }
  for (const start of [...starts].sort((a, b) => b - a)) {
    const mapped = tr.mapping.mapResult(start, 1);
    // Gone with a block removed after it (a list that held it too): never another block in its place.
    if (mapped.deleted) continue;
    const at = mapped.pos;
    const node = tr.doc.nodeAt(at);
    if (!node?.isTextblock || node.content.size > 0) continue;
    // The outermost empty block around it that its parent can do without.
    const $inside = tr.doc.resolve(at + 1);
    let remove = 0;
    for (let depth = $inside.depth; depth >= 1; depth--) {
      if (!isEmptyBlock($inside.node(depth))) break;
      const parent = $inside.node(depth - 1);
      const index = $inside.index(depth - 1);
      if (parent.childCount > 1 && parent.canReplace(index, index + 1)) remove = depth;
    }
    if (remove > 0) tr.delete($inside.before(remove), $inside.after(remove));
  }
}

/** Blocks that hold nothing when they hold only empty ones of these; anything else (a photo, a rule) is content. */
const EMPTYABLE = new Set(['paragraph', 'heading', 'listItem', 'bulletList', 'orderedList', 'blockquote']);

/** Nothing but empty paragraphs, headings, items, lists and quotes inside. */
function isEmptyBlock(node: PmNode): boolean {
  if (!EMPTYABLE.has(node.type.name)) return false;
  let empty = true;
  node.descendants((child) => {
    if (child.isText || !EMPTYABLE.has(child.type.name)) empty = false;
    return empty;
  });
  return empty;
}

/** Accepting keeps the new formatting; rejecting puts back the formatting the text had before. */
function decideFormat(tr: Transaction, piece: SuggestionPiece, decision: SuggestionDecision): void {
  const schema = tr.doc.type.schema;
  const formatType = schema.marks[SUGGESTION_FORMAT];
  if (!formatType) return;
  const before = decision === 'reject' ? formatSnapshot(piece.before) : null;
  if (before) {
    for (const name of FORMAT_MARK_NAMES) {
      const type = schema.marks[name];
      if (type) tr.removeMark(piece.from, piece.to, type);
    }
    for (const mark of before) tr.addMark(piece.from, piece.to, schema.markFromJSON(mark));
  }
  tr.removeMark(piece.from, piece.to, formatType);
}
