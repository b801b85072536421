// Runs in: services (headless) and renderer. The two marks of suggestion mode (track changes): text
// someone proposes to insert, and text someone proposes to delete (still shown, struck through). Each
// carries the suggestion's id, its author's id and name, and when it was made. They live in the body
// JSON like any mark, so they survive save, reload and review hubs; no serializer ever emits them.
import { Mark } from '@tiptap/core';
import { authorColourIndex } from './author-colour';
import { formatSnapshot, type FormatMarkJSON } from './format-snapshot';

export const SUGGESTION_INSERT = 'suggestionInsert';
export const SUGGESTION_DELETE = 'suggestionDelete';
export const SUGGESTION_FORMAT = 'suggestionFormat';
export const SUGGESTION_MARK_NAMES: readonly string[] = [SUGGESTION_INSERT, SUGGESTION_DELETE, SUGGESTION_FORMAT];

/** A format suggestion also holds the formatting its text had before (format-snapshot.ts). */
export interface FormatSuggestionAttrs extends SuggestionAttrs {
  before: FormatMarkJSON[];
}

export interface SuggestionAttrs {
  id: string;
  authorId: string;
  authorName: string;
  /** ISO date-time. */
  at: string;
}

const SUGGESTION_ATTRIBUTES = {
  id: { default: '', parseHTML: (el: HTMLElement) => el.getAttribute('data-suggestion') ?? '', renderHTML: (a: Record<string, unknown>) => ({ 'data-suggestion': a.id }) },
  authorId: { default: '', parseHTML: (el: HTMLElement) => el.getAttribute('data-author') ?? '', renderHTML: (a: Record<string, unknown>) => ({ 'data-author': a.authorId }) },
  authorName: { default: '', parseHTML: () => '', renderHTML: (a: Record<string, unknown>) => ({ title: a.authorName }) },
  at: { default: '', parseHTML: (el: HTMLElement) => el.getAttribute('data-at') ?? '', renderHTML: (a: Record<string, unknown>) => ({ 'data-at': a.at }) },
};

// A copied snapshot longer than this is not one the editor wrote.
const MAX_SNAPSHOT_CHARS = 20_000;

function snapshotFromHtml(el: HTMLElement): FormatMarkJSON[] {
  const raw = el.getAttribute('data-before') ?? '';
  if (raw.length > MAX_SNAPSHOT_CHARS) return [];
  try {
    return formatSnapshot(JSON.parse(raw)) ?? [];
  } catch {
    return [];
  }
}

function suggestionMark(name: string, tag: 'ins' | 'del') {
  return Mark.create({
    name,
    // Typing at either edge of someone's suggestion must not silently join it.
    inclusive: false,
    addAttributes() {
      return SUGGESTION_ATTRIBUTES;
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

/**
 * A formatting change someone proposes (bold, italic, strike, underline, a link set or removed): the
 * text shows the new formatting, and `before` holds the old, which rejecting puts back.
 */
export const SuggestionFormat = Mark.create({
  name: SUGGESTION_FORMAT,
  inclusive: false,
  addAttributes() {
    return {
      ...SUGGESTION_ATTRIBUTES,
      before: {
        default: [],
        // A body from a hub or the disk is checked against the schema: a snapshot must be a well-formed one.
        validate: (value: unknown) => {
          if (formatSnapshot(value) === null) throw new RangeError('a format suggestion holds an unknown or malformed formatting snapshot');
        },
        parseHTML: snapshotFromHtml,
        renderHTML: (a: Record<string, unknown>) => ({ 'data-before': JSON.stringify(a.before) }),
      },
    };
  },
  parseHTML() {
    return [{ tag: 'span[data-suggestion][data-before]' }];
  },
  renderHTML({ mark, HTMLAttributes }) {
    const colour = authorColourIndex(String(mark.attrs.authorId ?? ''));
    return ['span', { ...HTMLAttributes, class: `dl-suggestion dl-suggestion--format dl-suggestion--c${colour}` }, 0];
  },
});
