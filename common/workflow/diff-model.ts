// Runs in: main, services, host and renderer. The shape of an article diff: what changed in the
// headline, summary and details, and the body as a list of blocks each marked same, inserted,
// deleted or changed, with changed text split into equal / inserted / deleted / restyled runs.

/** The article fields a diff reports, in the order the diff lists them. */
export const DIFF_FIELDS = [
  'headline',
  'subheadline',
  'summary',
  'section',
  'tags',
  'bylines',
  'source',
  'publisher',
  'dateline',
  'slug',
  'plannedAt',
  'language',
  'editorsNote',
] as const;
export type DiffField = (typeof DIFF_FIELDS)[number];

export interface FieldChange {
  field: DiffField;
  /** The whole value before and after, as text ('' when empty; plannedAt as ISO 8601). */
  before: string;
  after: string;
  /** Tags and bylines: the entries only in `after` / only in `before`. */
  added?: string[];
  removed?: string[];
  /** Headline, subheadline, summary and editor's note: the word-level difference. */
  segments?: DiffSegment[];
}

/**
 * `equal`, `insert` and `delete` are text; `format` is text present in both versions whose
 * marks changed (bold added, link target changed): `marks` as it is now, `marksBefore` as it was.
 */
export type DiffSegmentOp = 'equal' | 'insert' | 'delete' | 'format';

/** A suggestion still waiting in the text (suggestion mode): its kind and its author's name. */
export interface PendingSuggestion {
  kind: 'insert' | 'delete' | 'format';
  by: string;
}

/** Mark names as in the editor schema: bold, italic, underline, strike, link (suggestion marks are `pending`). */
export interface DiffSegment {
  op: DiffSegmentOp;
  /** Hard line breaks are '\n'. */
  text: string;
  marks?: string[];
  /** Target of the link mark, when `marks` has 'link'. */
  href?: string;
  /** `format` only: the marks the text had before. */
  marksBefore?: string[];
  hrefBefore?: string;
  /** The text is a pending suggestion in the version it is shown from. */
  pending?: PendingSuggestion;
}

export type DiffBlockOp = 'same' | 'insert' | 'delete' | 'change';
export type DiffBlockKind = 'paragraph' | 'heading' | 'figure' | 'horizontalRule';
/** A block's enclosing quotes and lists, outermost first. */
export type DiffContainer = 'blockquote' | 'bulletList' | 'orderedList';

/** Where a block sits and what it is, apart from its text. */
export interface DiffBlockShape {
  kind: DiffBlockKind;
  /** Headings: 2 or 3. */
  level?: number;
  containers: DiffContainer[];
  /** The first block of a list item: the one that carries the bullet or number. */
  listItemStart?: boolean;
  /** With listItemStart: the item's 1-based position in its list. */
  ordinal?: number;
}

export interface DiffFigure {
  mediaId: string;
  lead: boolean;
  /** On a changed figure whose lead flag changed: the flag before. */
  leadBefore?: boolean;
  alt: DiffSegment[];
  credit: DiffSegment[];
}

export interface DiffBlock extends DiffBlockShape {
  op: DiffBlockOp;
  /** The text (a figure's caption), split by op and by marks. */
  segments: DiffSegment[];
  figure?: DiffFigure;
  /** `change` only, when the block was another kind, heading level or list/quote before. */
  shapeBefore?: DiffBlockShape;
  /** `insert` / `delete` of a block whose identical copy was deleted / inserted elsewhere. */
  moved?: boolean;
}

export interface DiffStats {
  /** Unicode characters (code points) inserted and deleted in the body (captions, alt text and credits included). */
  insertedChars: number;
  deletedChars: number;
  /** Body blocks whose op is not `same`. */
  changedBlocks: number;
  /** No field and no block changed. */
  unchanged: boolean;
  /** True when a very large rewrite was shown as whole blocks deleted and inserted. */
  coarse: boolean;
}

export interface ArticleDiff {
  fields: FieldChange[];
  /** The body in reading order: deleted blocks stand where they were, before what replaced them. */
  blocks: DiffBlock[];
  stats: DiffStats;
}
