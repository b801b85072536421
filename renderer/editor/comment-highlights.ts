// Runs in: renderer. Marks the text review comments are anchored to. The decorations live in plugin
// state and are mapped through each transaction (O(change)), so typing never rebuilds them; they are
// replaced only when the comment list changes.
import { Extension } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

export interface CommentHighlight {
  id: string;
  from: number;
  to: number;
  resolved: boolean;
}

export const commentHighlightsKey = new PluginKey<DecorationSet>('dateline-comment-highlights');
/** The one comment whose card is active: its text is marked apart (an overlay on its highlight). */
export const activeCommentKey = new PluginKey<DecorationSet>('dateline-active-comment');

/** The transaction that shows `highlights` (resolved ones are not marked). */
export function setCommentHighlights(state: EditorState, highlights: readonly CommentHighlight[]): Transaction {
  return state.tr.setMeta(commentHighlightsKey, build(state.doc, highlights)).setMeta('addToHistory', false);
}

/** Where each highlighted comment's range is now, after the edits made since it was set. */
export function currentCommentRanges(state: EditorState): Map<string, { from: number; to: number }> {
  const ranges = new Map<string, { from: number; to: number }>();
  const set = commentHighlightsKey.getState(state);
  for (const d of set?.find() ?? []) {
    const id = (d.spec as { commentId?: string }).commentId;
    if (!id) continue;
    const known = ranges.get(id);
    ranges.set(id, known ? { from: Math.min(known.from, d.from), to: Math.max(known.to, d.to) } : { from: d.from, to: d.to });
  }
  return ranges;
}

/** The transaction that marks comment `id`'s text as the active one (null: none). */
export function setActiveComment(state: EditorState, id: string | null): Transaction {
  const range = id === null ? undefined : currentCommentRanges(state).get(id);
  const set = range
    ? DecorationSet.create(state.doc, [Decoration.inline(range.from, range.to, { class: 'dl-comment-anchor--active' }, { activeCommentId: id, inclusiveStart: false, inclusiveEnd: false })])
    : DecorationSet.empty;
  return state.tr.setMeta(activeCommentKey, set).setMeta('addToHistory', false);
}

/** The id of the comment whose text is marked active, if any. */
export function activeCommentId(state: EditorState): string | null {
  const found = activeCommentKey.getState(state)?.find()[0];
  return (found?.spec as { activeCommentId?: string } | undefined)?.activeCommentId ?? null;
}

function build(doc: PmNode, highlights: readonly CommentHighlight[]): DecorationSet {
  const size = doc.content.size;
  const decorations: Decoration[] = [];
  for (const h of highlights) {
    if (h.resolved) continue;
    const from = Math.max(0, Math.min(h.from, size));
    const to = Math.max(from, Math.min(h.to, size));
    if (to <= from) continue;
    decorations.push(Decoration.inline(from, to, { class: 'dl-comment-anchor', 'data-comment-id': h.id }, { commentId: h.id, inclusiveStart: false, inclusiveEnd: false }));
  }
  return DecorationSet.create(doc, decorations);
}

export const CommentHighlights = Extension.create({
  name: 'commentHighlights',
  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key: commentHighlightsKey,
        state: {
          init: () => DecorationSet.empty,
          apply: (tr, set) => {
            const replaced = tr.getMeta(commentHighlightsKey) as DecorationSet | undefined;
            if (replaced) return replaced;
            return tr.docChanged ? set.map(tr.mapping, tr.doc) : set;
          },
        },
        props: {
          decorations: (state) => commentHighlightsKey.getState(state),
        },
      }),
      new Plugin<DecorationSet>({
        key: activeCommentKey,
        state: {
          init: () => DecorationSet.empty,
          apply: (tr, set) => {
            const replaced = tr.getMeta(activeCommentKey) as DecorationSet | undefined;
            if (replaced) return replaced;
            return tr.docChanged ? set.map(tr.mapping, tr.doc) : set;
          },
        },
        props: {
          decorations: (state) => activeCommentKey.getState(state),
        },
      }),
    ];
  },
});
