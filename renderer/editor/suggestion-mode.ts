// Runs in: renderer. Suggestion mode (track changes): while it is on, every edit the user makes
// becomes a suggestion. Inserted text gets a suggestionInsert mark; deleted text is put back, struck
// through, with a suggestionDelete mark (the user's own pending insertion is simply removed); a
// replacement is both. The work per transaction is O(change): only the ranges the steps touched are
// looked at. During IME composition the composed text is left alone (marking it would disturb the
// IME) and marked once composition ends. A formatting change (bold, italic, strike, underline, a
// link) is applied and marked as a format suggestion that remembers the formatting before it.
import { Extension } from '@tiptap/core';
import type { Mark, Node as PmNode, Slice } from '@tiptap/pm/model';
import { Plugin, PluginKey, TextSelection, type EditorState, type Transaction } from '@tiptap/pm/state';
import { AddMarkStep, Mapping, RemoveMarkStep } from '@tiptap/pm/transform';
import type { EditorView } from '@tiptap/pm/view';
import { formatMarksOf, isFormatMarkName, sameFormat, type FormatMarkJSON } from '../../common/editor/format-snapshot';
import { SUGGESTION_DELETE, SUGGESTION_FORMAT, SUGGESTION_INSERT, type SuggestionAttrs } from '../../common/editor/suggestion-marks';

export interface SuggestionAuthor {
  id: string;
  name: string;
}

interface PluginState {
  enabled: boolean;
  author: SuggestionAuthor;
  /** Text inserted while an IME was composing, to be marked when it ends (mapped forward). */
  pending: readonly { from: number; to: number }[];
}

type Meta = { enabled?: boolean; author?: SuggestionAuthor; clearPending?: boolean };

export const suggestionModeKey = new PluginKey<PluginState>('suggestionMode');

/** Metas on a transaction that must not become a suggestion: undo/redo, remote edits, our own marking, accept/reject. */
const PASS_THROUGH_METAS = ['history$', 'y-sync$', 'suggestionReview'];

export function isSuggesting(state: EditorState): boolean {
  return suggestionModeKey.getState(state)?.enabled ?? false;
}

export function setSuggesting(view: EditorView, enabled: boolean, author?: SuggestionAuthor): void {
  const meta: Meta = author ? { enabled, author } : { enabled };
  view.dispatch(view.state.tr.setMeta(suggestionModeKey, meta).setMeta('addToHistory', false));
}

interface ChangedRange {
  /** Where the inserted content is, in the final document. */
  from: number;
  to: number;
  /** What the step removed, and where it stood. */
  deleted: Slice | null;
  /** Where the removed content goes back (before any inserted content). */
  at: number;
  /** The removed range in the document before the step (to place the cursor like Backspace or Delete would). */
  oldFrom: number;
  oldTo: number;
}

/**
 * What each step of `transactions` inserted and removed, in the final document. Text removed from
 * `composed` (uncommitted IME text, in the coordinates before the first step) is not a deletion.
 */
function changedRanges(transactions: readonly Transaction[], composed: readonly { from: number; to: number }[]): ChangedRange[] {
  const ranges: ChangedRange[] = [];
  const all = new Mapping();
  for (const tr of transactions) all.appendMapping(tr.mapping);
  let uncommitted = composed;
  let index = 0;
  for (const tr of transactions) {
    tr.steps.forEach((step, i) => {
      const before = tr.docs[i];
      const after = all.slice(index + 1);
      const map = step.getMap();
      map.forEach((oldStart, oldEnd, newStart, newEnd) => {
        const isComposed = uncommitted.some((r) => r.from <= oldStart && oldEnd <= r.to);
        const deleted = oldEnd > oldStart && before && !isComposed ? before.slice(oldStart, oldEnd) : null;
        ranges.push({
          from: after.map(newStart, -1),
          to: after.map(newEnd, 1),
          deleted: deleted && deleted.content.size > 0 ? deleted : null,
          at: after.map(newStart, -1),
          oldFrom: oldStart,
          oldTo: oldEnd,
        });
      });
      uncommitted = uncommitted.map((r) => ({ from: map.map(r.from, -1), to: map.map(r.to, 1) }));
      index++;
    });
  }
  return ranges;
}

interface FormatChange {
  /** Where the text whose formatting changed is, in the final document. */
  from: number;
  to: number;
  /** Its formatting before the change. */
  before: FormatMarkJSON[];
}

/** The text whose formatting the steps of `transactions` changed, piece by piece, with its formatting before. */
function formatChanges(transactions: readonly Transaction[]): FormatChange[] {
  const changes: FormatChange[] = [];
  const all = new Mapping();
  for (const tr of transactions) all.appendMapping(tr.mapping);
  let index = 0;
  for (const tr of transactions) {
    tr.steps.forEach((step, i) => {
      const before = tr.docs[i];
      if (before && (step instanceof AddMarkStep || step instanceof RemoveMarkStep) && isFormatMarkName(step.mark.type.name)) {
        const after = all.slice(index + 1);
        before.nodesBetween(step.from, step.to, (node: PmNode, pos: number) => {
          if (!node.isText) return true;
          const from = Math.max(pos, step.from);
          const to = Math.min(pos + node.nodeSize, step.to);
          if (to > from) changes.push({ from: after.map(from, 1), to: after.map(to, -1), before: formatMarksOf(node.marks) });
          return false;
        });
      }
      index++;
    });
  }
  return changes;
}

/**
 * Marks a formatting change as a suggestion. Text that already holds one keeps the formatting it
 * had first (and loses the suggestion once that formatting is back); the author's own proposed
 * insertion is simply formatted.
 */
function markFormatChange(tr: Transaction, change: FormatChange, author: SuggestionAuthor, id: string): void {
  const formatType = tr.doc.type.schema.marks[SUGGESTION_FORMAT];
  if (!formatType) return;
  const from = tr.mapping.map(change.from, 1);
  const to = tr.mapping.map(change.to, -1);
  if (to <= from) return;
  const work: { from: number; to: number; before: FormatMarkJSON[] | null }[] = [];
  tr.doc.nodesBetween(from, to, (node: PmNode, pos: number) => {
    if (!node.isText) return true;
    const a = Math.max(pos, from);
    const b = Math.min(pos + node.nodeSize, to);
    if (b <= a || node.marks.some((m: Mark) => m.type.name === SUGGESTION_INSERT && m.attrs.authorId === author.id)) return false;
    const existing = node.marks.find((m: Mark) => m.type === formatType);
    const before = existing ? (existing.attrs.before as FormatMarkJSON[]) : change.before;
    if (sameFormat(formatMarksOf(node.marks), before)) work.push({ from: a, to: b, before: null });
    else if (!existing) work.push({ from: a, to: b, before });
    return false;
  });
  for (const piece of work) {
    if (piece.before === null) tr.removeMark(piece.from, piece.to, formatType);
    else tr.addMark(piece.from, piece.to, formatType.create({ ...attrsFor(author, id), before: piece.before }));
  }
}

function newId(): string {
  return globalThis.crypto.randomUUID();
}

function attrsFor(author: SuggestionAuthor, id: string): SuggestionAttrs {
  return { id, authorId: author.id, authorName: author.name, at: new Date().toISOString() };
}

/** The same author's insertion that ends right before `pos`, so a word typed is one suggestion. */
function adjacentInsertion(doc: PmNode, pos: number, author: SuggestionAuthor): Mark | null {
  const before = doc.resolve(pos).nodeBefore;
  return before?.marks.find((m) => m.type.name === SUGGESTION_INSERT && m.attrs.authorId === author.id) ?? null;
}

function markInserted(tr: Transaction, from: number, to: number, author: SuggestionAuthor): void {
  if (to <= from) return;
  const schema = tr.doc.type.schema;
  const insertType = schema.marks[SUGGESTION_INSERT];
  const deleteType = schema.marks[SUGGESTION_DELETE];
  if (!insertType || !deleteType) return;
  const mark = adjacentInsertion(tr.doc, from, author) ?? insertType.create(attrsFor(author, newId()));
  tr.removeMark(from, to, deleteType);
  tr.removeMark(from, to, insertType);
  tr.addMark(from, to, mark);
}

/** Puts `slice` back at `at`, struck through; the author's own pending insertions in it stay removed. Returns its end. */
function restoreDeleted(tr: Transaction, at: number, slice: Slice, author: SuggestionAuthor): number {
  const deleteType = tr.doc.type.schema.marks[SUGGESTION_DELETE];
  if (!deleteType) return at;
  const sizeBefore = tr.doc.content.size;
  tr.replace(at, at, slice);
  let end = at + (tr.doc.content.size - sizeBefore);
  // The author's own pending insertion is just taken back.
  const own: { from: number; to: number }[] = [];
  tr.doc.nodesBetween(at, end, (node: PmNode, pos: number) => {
    if (node.isText && node.marks.some((m: Mark) => m.type.name === SUGGESTION_INSERT && m.attrs.authorId === author.id)) {
      own.push({ from: Math.max(pos, at), to: Math.min(pos + node.nodeSize, end) });
    }
    return true;
  });
  for (const range of own.reverse()) {
    tr.delete(range.from, range.to);
    end -= range.to - range.from;
  }
  if (end > at) {
    // Deleting text that is already struck through keeps its suggestion; new deletions get one.
    const mark = adjacentDeletion(tr.doc, at, end, author) ?? deleteType.create(attrsFor(author, newId()));
    tr.doc.nodesBetween(at, end, (node: PmNode, pos: number) => {
      if (!node.isText || node.marks.some((m: Mark) => m.type === deleteType)) return true;
      tr.addMark(Math.max(pos, at), Math.min(pos + node.nodeSize, end), mark);
      return true;
    });
  }
  return end;
}

/** The same author's deletion touching `from`–`to`, so repeated Backspace grows one suggestion. */
function adjacentDeletion(doc: PmNode, from: number, to: number, author: SuggestionAuthor): Mark | null {
  for (const node of [doc.resolve(from).nodeBefore, doc.resolve(to).nodeAfter]) {
    const mark = node?.marks.find((m) => m.type.name === SUGGESTION_DELETE && m.attrs.authorId === author.id);
    if (mark) return mark;
  }
  return null;
}

function suggestionTransaction(transactions: readonly Transaction[], oldState: EditorState, newState: EditorState, composing: boolean): Transaction | null {
  const plugin = suggestionModeKey.getState(newState);
  if (!plugin?.enabled) return null;
  const edits = transactions.filter((tr) => tr.docChanged);
  if (edits.some((tr) => PASS_THROUGH_METAS.some((meta) => tr.getMeta(meta) !== undefined) || tr.getMeta(suggestionModeKey) !== undefined)) return null;
  const oldPending = suggestionModeKey.getState(oldState)?.pending ?? [];
  const ranges = changedRanges(edits, oldPending);
  const out = newState.tr;

  if (composing) {
    // Leave the IME's text alone; remember where it is and mark it when composition ends.
    const inserted = ranges.filter((r) => r.to > r.from).map((r) => ({ from: r.from, to: r.to }));
    return inserted.length > 0 ? out.setMeta('suggestionPending', inserted).setMeta('addToHistory', false) : null;
  }
  if (edits.length === 0 && plugin.pending.length === 0) return null;

  const author = plugin.author;
  const oldSelection = oldState.selection;
  let cursor: number | null = null;
  for (const range of plugin.pending) markInserted(out, range.from, range.to, author);
  for (const range of ranges) {
    const from = out.mapping.map(range.from, -1);
    const to = out.mapping.map(range.to, 1);
    markInserted(out, from, to, author);
    if (range.deleted) {
      const at = out.mapping.map(range.at, -1);
      const end = restoreDeleted(out, at, range.deleted, author);
      // Backspace leaves the cursor before the struck text, Delete and a replaced selection after it.
      if (to <= from) {
        const backspace = oldSelection.empty && oldSelection.head === range.oldTo;
        cursor = backspace ? at : end;
      }
    }
  }
  const formatId = newId();
  for (const change of formatChanges(edits)) markFormatChange(out, change, author, formatId);
  const meta: Meta = { clearPending: true };
  out.setMeta(suggestionModeKey, meta);
  if (cursor !== null) out.setSelection(TextSelection.create(out.doc, Math.min(cursor, out.doc.content.size)));
  if (edits.length === 0) out.setMeta('addToHistory', false);
  return out;
}

export interface SuggestionModeOptions {
  author: SuggestionAuthor;
  enabled: boolean;
}

export const SuggestionMode = Extension.create<SuggestionModeOptions>({
  name: 'suggestionMode',

  addOptions() {
    return { author: { id: '', name: '' }, enabled: false };
  },

  addProseMirrorPlugins() {
    const options = this.options;
    let view: EditorView | null = null;
    const flushComposition = (): void => {
      if (!view || view.isDestroyed || view.composing) return;
      const state = suggestionModeKey.getState(view.state);
      if (!state?.enabled || state.pending.length === 0) return;
      view.dispatch(view.state.tr.setMeta('suggestionFlush', true));
    };
    return [
      new Plugin<PluginState>({
        key: suggestionModeKey,
        state: {
          init: () => ({ enabled: options.enabled, author: options.author, pending: [] }),
          apply(tr, value) {
            const meta = tr.getMeta(suggestionModeKey) as Meta | undefined;
            const added = tr.getMeta('suggestionPending') as { from: number; to: number }[] | undefined;
            let pending = meta?.clearPending ? [] : value.pending.map((r) => ({ from: tr.mapping.map(r.from, -1), to: tr.mapping.map(r.to, 1) }));
            if (added) pending = [...pending, ...added];
            if (!meta && !added && !tr.docChanged) return value;
            return {
              enabled: meta?.enabled ?? value.enabled,
              author: meta?.author ?? value.author,
              pending: pending.filter((r) => r.to > r.from),
            };
          },
        },
        view(editorView) {
          view = editorView;
          return {
            destroy: () => {
              view = null;
            },
          };
        },
        appendTransaction: (transactions, oldState, newState) => suggestionTransaction(transactions, oldState, newState, view?.composing ?? false),
        props: {
          handleDOMEvents: {
            // A selection the IME is about to replace becomes a deletion first, so the IME composes after it.
            compositionstart: (editorView) => {
              if (isSuggesting(editorView.state) && !editorView.state.selection.empty) editorView.dispatch(editorView.state.tr.deleteSelection());
              return false;
            },
            // ProseMirror reads the last composed text in a microtask after compositionend; mark after that.
            compositionend: () => {
              setTimeout(flushComposition, 0);
              return false;
            },
          },
        },
      }),
    ];
  },
});
