// Runs in: main, services, host and renderer. Flattens a ProseMirror JSON body into the blocks a
// diff aligns: every paragraph, heading, figure and rule in reading order, each knowing the
// quotes and lists around it, its text as runs of equally marked characters, and a key that is
// equal for two blocks exactly when they look the same.
import type { DocNode } from '../article';
import { visitNode, type BodyVisitor } from '../editor/body-visitor';
import { SUGGESTION_DELETE, SUGGESTION_FORMAT, SUGGESTION_INSERT } from '../editor/suggestion-marks';
import type { DiffBlockKind, DiffBlockShape, DiffContainer, PendingSuggestion } from './diff-model';

/** Consecutive characters carrying the same marks. */
export interface InlineRun {
  text: string;
  /** Sorted mark names. */
  marks: string[];
  href?: string;
  /** marks + href: equal for runs styled alike. */
  markKey: string;
  /** A pending suggestion the text is part of (not a style: text compares equal with or without it). */
  pending?: PendingSuggestion;
  /** markKey + pending: equal for runs that look alike. */
  styleKey?: string;
}

const PENDING_KINDS: Readonly<Record<string, PendingSuggestion['kind']>> = {
  [SUGGESTION_INSERT]: 'insert',
  [SUGGESTION_DELETE]: 'delete',
  [SUGGESTION_FORMAT]: 'format',
};

/** How a run looks: its marks and any pending suggestion. */
export function styleKeyOf(run: InlineRun): string {
  return run.styleKey ?? run.markKey;
}

export interface FigureAttrs {
  mediaId: string;
  alt: string;
  credit: string;
  lead: boolean;
}

export interface BodyBlock extends DiffBlockShape {
  runs: InlineRun[];
  text: string;
  figure?: FigureAttrs;
  /** Shape (without the list number, which follows from the items above) + content. */
  key: string;
}

interface PendingItem {
  ordinal: number;
  claimed: boolean;
}

/** The body's blocks in reading order. Empty paragraphs are left out unless they are a list item. */
export function diffBodyBlocks(doc: DocNode): BodyBlock[] {
  const blocks: BodyBlock[] = [];
  walk(doc.content ?? [], [], null, blocks);
  return blocks;
}

export function markKeyOf(marks: readonly string[], href: string | undefined): string {
  return href === undefined ? marks.join(',') : `${marks.join(',')}|${href}`;
}

/** The plain runs of an unformatted string (headline, alt text, credit). */
export function plainRuns(text: string): InlineRun[] {
  return text === '' ? [] : [{ text, marks: [], markKey: '' }];
}

export function shapeKey(shape: DiffBlockShape): string {
  return `${shape.kind}:${shape.level ?? ''}:${shape.containers.join('/')}:${shape.listItemStart ? 'item' : ''}`;
}

function walk(nodes: readonly DocNode[], containers: DiffContainer[], item: PendingItem | null, out: BodyBlock[]): void {
  for (const node of nodes) visitNode(node, DIFF_BLOCKS, containers, item, out);
}

type WalkArgs = [containers: DiffContainer[], item: PendingItem | null, out: BodyBlock[]];

function list(node: DocNode, containers: DiffContainer[], out: BodyBlock[], type: 'bulletList' | 'orderedList'): void {
  const inner = [...containers, type];
  const start = Number(node.attrs?.start ?? 1);
  let ordinal = Number.isFinite(start) ? start : 1;
  for (const child of node.content ?? []) {
    const nextItem: PendingItem = { ordinal, claimed: false };
    // Anything other than a list item directly in a list is treated as one.
    walk(child.type === 'listItem' ? (child.content ?? []) : [child], inner, nextItem, out);
    ordinal++;
  }
}

/** An unknown node holding text reads as a paragraph; otherwise its content is walked. */
function other(node: DocNode, ...[containers, item, out]: WalkArgs): void {
  if ((node.content ?? []).some((child) => child.type === 'text' || child.type === 'hardBreak')) emit(node, 'paragraph', containers, item, out);
  else if (node.content) walk(node.content, containers, item, out);
}

const DIFF_BLOCKS: BodyVisitor<void, WalkArgs> = {
  paragraph: (node, ...args) => emit(node, 'paragraph', ...args),
  heading: (node, ...args) => emit(node, 'heading', ...args),
  figure: (node, ...args) => emit(node, 'figure', ...args),
  horizontalRule: (node, ...args) => emit(node, 'horizontalRule', ...args),
  blockquote: (node, containers, item, out) => walk(node.content ?? [], [...containers, 'blockquote'], item, out),
  bulletList: (node, containers, _item, out) => list(node, containers, out, 'bulletList'),
  orderedList: (node, containers, _item, out) => list(node, containers, out, 'orderedList'),
  // A list item outside a list: shown as a bulleted item.
  listItem: (node, containers, _item, out) => walk(node.content ?? [], [...containers, 'bulletList'], { ordinal: 1, claimed: false }, out),
  doc: other,
  text: other,
  hardBreak: other,
  unknown: other,
};

function emit(node: DocNode, kind: DiffBlockKind, containers: DiffContainer[], item: PendingItem | null, out: BodyBlock[]): void {
  const runs = kind === 'horizontalRule' ? [] : inlineRuns(node.content ?? []);
  const text = runs.map((run) => run.text).join('');
  const startsItem = item !== null && !item.claimed;
  if (kind === 'paragraph' && text === '' && !startsItem) return;
  if (item) item.claimed = true;

  const block: BodyBlock = { kind, containers, runs, text, key: '' };
  if (kind === 'heading') {
    const level = Number(node.attrs?.level ?? 2);
    block.level = Number.isFinite(level) ? level : 2;
  }
  if (startsItem) {
    block.listItemStart = true;
    block.ordinal = item.ordinal;
  }
  if (kind === 'figure') {
    const attrs = node.attrs ?? {};
    block.figure = {
      mediaId: stringAttr(attrs.mediaId),
      alt: stringAttr(attrs.alt),
      credit: stringAttr(attrs.credit),
      lead: attrs.lead === true,
    };
  }
  block.key = JSON.stringify([shapeKey(block), runs.map((run) => [run.text, styleKeyOf(run)]), block.figure ?? null]);
  out.push(block);
}

function pendingRank(type: string): number {
  return type === SUGGESTION_FORMAT ? 1 : type in PENDING_KINDS ? 0 : 2;
}

function stringAttr(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** Text and hard breaks as runs, neighbours with the same marks merged. */
function inlineRuns(nodes: readonly DocNode[]): InlineRun[] {
  const runs: InlineRun[] = [];
  for (const node of nodes) {
    let run: InlineRun;
    if (node.type === 'text' && typeof node.text === 'string' && node.text !== '') {
      const marks = [...new Set((node.marks ?? []).map((mark) => mark.type).filter((type) => !(type in PENDING_KINDS)))].sort();
      const link = (node.marks ?? []).find((mark) => mark.type === 'link');
      const href = link ? stringAttr(link.attrs?.href) : undefined;
      run = { text: node.text, marks, markKey: markKeyOf(marks, href) };
      if (href !== undefined) run.href = href;
      // Insertion or deletion first: a struck-through word whose format was also changed reads as a deletion.
      const suggestion = [...(node.marks ?? [])].sort((a, b) => pendingRank(a.type) - pendingRank(b.type)).find((mark) => mark.type in PENDING_KINDS);
      const kind = suggestion ? PENDING_KINDS[suggestion.type] : undefined;
      if (suggestion && kind) {
        run.pending = { kind, by: stringAttr(suggestion.attrs?.authorName) };
        run.styleKey = `${run.markKey}~${kind}:${run.pending.by}`;
      }
    } else if (node.type === 'hardBreak') {
      run = { text: '\n', marks: [], markKey: '' };
    } else {
      continue;
    }
    const last = runs[runs.length - 1];
    if (last && styleKeyOf(last) === styleKeyOf(run)) last.text += run.text;
    else runs.push(run);
  }
  return runs;
}
