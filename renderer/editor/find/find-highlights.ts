// Runs in: renderer. The body's side of find and replace: the matches as decorations (the current
// one distinct), kept in plugin state. While the panel is closed the plugin does nothing. While it
// is open, an edit only maps the decorations; the search itself runs again one frame later, so no
// keystroke walks the whole document.
import { Extension } from '@tiptap/core';
import { closeHistory } from '@tiptap/pm/history';
import { Plugin, PluginKey, TextSelection, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import { expandReplacement, findBudget, type CompiledFind } from '../../../common/find/compile-find';
import { MAX_FIND_MATCHES } from '../../../common/find/find-options';
import { findInDoc, type DocMatch } from './find-in-doc';

/** How long one body search may take before it stops and says the count is partial. */
const SEARCH_BUDGET_MS = 250;

export interface FindState {
  find: CompiledFind | null;
  matches: readonly DocMatch[];
  /** Index into `matches` of the current match, or -1 (none, or the current match is in a field). */
  current: number;
  /** The search stopped early (match cap or time budget): the count is a lower bound. */
  partial: boolean;
  /** The doc changed since the last search: positions in `matches` are old until the next frame. */
  stale: boolean;
  decorations: DecorationSet;
}

type FindMeta = { type: 'search'; find: CompiledFind | null; near?: number } | { type: 'current'; index: number } | { type: 'refresh' };

export const findHighlightsKey = new PluginKey<FindState>('dateline-find');

const CLOSED: FindState = { find: null, matches: [], current: -1, partial: false, stale: false, decorations: DecorationSet.empty };

function decorate(state: EditorState, matches: readonly DocMatch[], current: number): DecorationSet {
  const decorations = matches.map((m, i) =>
    Decoration.inline(m.from, m.to, { class: i === current ? 'dl-find-match dl-find-match--current' : 'dl-find-match' }, { inclusiveStart: false, inclusiveEnd: false }),
  );
  return DecorationSet.create(state.doc, decorations);
}

function search(state: EditorState, find: CompiledFind | null, near: number | undefined): FindState {
  if (!find) return CLOSED;
  const budget = findBudget(MAX_FIND_MATCHES, SEARCH_BUDGET_MS);
  const matches = findInDoc(state.doc, find, budget);
  let current = -1;
  if (near !== undefined && matches.length > 0) {
    const after = matches.findIndex((m) => m.from >= near);
    current = after === -1 ? 0 : after;
  }
  return { find, matches, current, partial: budget.exhausted, stale: false, decorations: decorate(state, matches, current) };
}

function apply(tr: Transaction, value: FindState, state: EditorState): FindState {
  const meta = tr.getMeta(findHighlightsKey) as FindMeta | undefined;
  if (meta?.type === 'search') return search(state, meta.find, meta.near);
  if (!value.find) return value;
  if (meta?.type === 'refresh') {
    const near = value.matches[value.current]?.from;
    const next = search(state, value.find, near === undefined ? undefined : tr.mapping.map(near));
    return value.current === -1 ? { ...next, current: -1, decorations: decorate(state, next.matches, -1) } : next;
  }
  if (meta?.type === 'current') {
    return { ...value, current: meta.index, decorations: decorate(state, value.matches, meta.index) };
  }
  if (tr.docChanged) return { ...value, stale: true, decorations: value.decorations.map(tr.mapping, tr.doc) };
  return value;
}

/** The transaction that searches the body for `find` (null: close), current match the first at or after `near`. */
export function setFind(state: EditorState, find: CompiledFind | null, near?: number): Transaction {
  return state.tr.setMeta(findHighlightsKey, { type: 'search', find, near } satisfies FindMeta).setMeta('addToHistory', false);
}

/** Makes match `index` current (-1: none) and, when `select`, selects it and scrolls it into view. */
export function setCurrentMatch(state: EditorState, index: number, select: boolean): Transaction {
  const tr = state.tr.setMeta(findHighlightsKey, { type: 'current', index } satisfies FindMeta).setMeta('addToHistory', false);
  const match = findHighlightsKey.getState(state)?.matches[index];
  if (select && match) tr.setSelection(TextSelection.create(state.doc, match.from, match.to)).scrollIntoView();
  return tr;
}

/** Runs the search again now if an edit made it stale (before stepping or replacing). */
export function refreshFind(view: EditorView): FindState {
  const value = findHighlightsKey.getState(view.state) ?? CLOSED;
  if (value.find && value.stale) view.dispatch(view.state.tr.setMeta(findHighlightsKey, { type: 'refresh' } satisfies FindMeta).setMeta('addToHistory', false));
  return findHighlightsKey.getState(view.state) ?? CLOSED;
}

function replacementOf(state: EditorState, match: DocMatch, replacement: string, find: CompiledFind): string {
  return expandReplacement(replacement, state.doc.textBetween(match.from, match.to), { from: match.from, to: match.to, groups: match.groups }, find.options.regex);
}

function writeReplacement(tr: Transaction, from: number, to: number, text: string): void {
  if (text === '') tr.delete(from, to);
  else tr.insertText(text, from, to);
}

/** Replaces match `index`; the search runs again and the next match becomes current. */
export function replaceMatch(view: EditorView, index: number, replacement: string): boolean {
  const value = refreshFind(view);
  const match = value.matches[index];
  if (!value.find || !match) return false;
  const tr = closeHistory(view.state.tr);
  writeReplacement(tr, match.from, match.to, replacementOf(view.state, match, replacement, value.find));
  const after = tr.mapping.map(match.to);
  view.dispatch(tr);
  view.dispatch(setFind(view.state, value.find, after));
  return true;
}

/** Replaces every match in one transaction: one undo step. Returns how many were replaced. */
export function replaceAllMatches(view: EditorView, replacement: string): number {
  const value = refreshFind(view);
  if (!value.find || value.matches.length === 0) return 0;
  const tr = closeHistory(view.state.tr);
  // From the end, so earlier positions stay valid.
  for (let i = value.matches.length - 1; i >= 0; i -= 1) {
    const match = value.matches[i];
    if (match) writeReplacement(tr, match.from, match.to, replacementOf(view.state, match, replacement, value.find));
  }
  view.dispatch(tr);
  // Typing right after must not join the replacement's undo step.
  view.dispatch(closeHistory(view.state.tr));
  view.dispatch(setFind(view.state, value.find));
  return value.matches.length;
}

export const FindHighlights = Extension.create({
  name: 'findHighlights',
  addProseMirrorPlugins() {
    return [
      new Plugin<FindState>({
        key: findHighlightsKey,
        state: { init: () => CLOSED, apply: (tr, value, _old, state) => apply(tr, value, state) },
        props: { decorations: (state) => findHighlightsKey.getState(state)?.decorations },
        view: () => {
          let frame: number | null = null;
          return {
            update: (view) => {
              const value = findHighlightsKey.getState(view.state);
              if (!value?.find || !value.stale || frame !== null) return;
              // After the edits of this frame: one search, not one per keystroke.
              frame = requestAnimationFrame(() => {
                frame = null;
                if (!view.isDestroyed) refreshFind(view);
              });
            },
            destroy: () => {
              if (frame !== null) cancelAnimationFrame(frame);
            },
          };
        },
      }),
    ];
  },
});
