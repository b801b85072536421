// Runs in: services (headless) and renderer. The two marks of suggestion mode (track changes): text
// someone proposes to insert, and text someone proposes to delete (still shown, struck through). Each
// carries the suggestion's id, its author's id and name, and when it was made. They live in the body
// JSON like any mark, so they survive save, reload and review hubs; no serializer ever emits them.
import { Mark } from '@tiptap/core';
import { authorColourIndex } from './author-colour';

export const SUGGESTION_INSERT = 'suggestionInsert';
export const SUGGESTION_DELETE = 'suggestionDelete';
export const SUGGESTION_MARK_NAMES: readonly string[] = [SUGGESTION_INSERT, SUGGESTION_DELETE];

export interface SuggestionAttrs {
  id: string;
  authorId: string;
  authorName: string;
  /** ISO date-time. */
  at: string;
}

function suggestionMark(name: string, tag: 'ins' | 'del') {
  return Mark.create({
    name,
    // Typing at either edge of someone's suggestion must not silently join it.
    inclusive: false,
    addAttributes() {
      return {
        id: { default: '', parseHTML: (el) => el.getAttribute('data-suggestion') ?? '', renderHTML: (a) => ({ 'data-suggestion': a.id }) },
        authorId: { default: '', parseHTML: (el) => el.getAttribute('data-author') ?? '', renderHTML: (a) => ({ 'data-author': a.authorId }) },
        authorName: { default: '', parseHTML: () => '', renderHTML: (a) => ({ title: a.authorName }) },
        at: { default: '', parseHTML: (el) => el.getAttribute('data-at') ?? '', renderHTML: (a) => ({ 'data-at': a.at }) },
      };
    },
    // Only the editor's own copy/paste brings these back; pasted foreign <ins>/<del> stay plain text.
    parseHTML() {
      return [{ tag: `${tag}[data-suggestion]` }];
    },
    renderHTML({ mark, HTMLAttributes }) {
      const colour = authorColourIndex(String(mark.attrs.authorId ?? ''));
      return [tag, { ...HTMLAttributes, class: `dl-suggestion dl-suggestion--${tag} dl-suggestion--c${colour}` }, 0];
    },
  });
}

export const SuggestionInsert = suggestionMark(SUGGESTION_INSERT, 'ins');
export const SuggestionDelete = suggestionMark(SUGGESTION_DELETE, 'del');
