// Runs in: services. A three-way merge of an article: the version this machine and the review hub
// last agreed on (base), what was written here since (local), and the hub's newer version (hub).
// - A field only one side changed takes that side's value; tags merge as sets.
// - The body merges block by block (merge-blocks.ts, over the blocks' canonical JSON): a block only
//   one side changed, added or removed takes that side's change.
// - Where both changed the same blocks differently, the hub's blocks stay, and this machine's
//   paragraphs follow them as the writer's suggested insertions, for the desk and the writer to
//   settle like any other suggestion; no text is spliced into text. A photo or a block without text
//   cannot be a suggestion: there the hub's is kept, and this machine's stays under Revisions.
import type { Article, ArticleMeta, DocNode } from '../../../common/article';
import { SUGGESTION_DELETE, SUGGESTION_FORMAT, SUGGESTION_INSERT, type SuggestionAttrs } from '../../../common/editor/suggestion-marks';
import type { MergeSummary } from '../../../common/workflow/review-contract';
import { canonicalJson } from './canonical-json';
import { mergeBlocks } from './merge-blocks';

export interface ArticleMerge {
  /** The hub's article (identity, status, revision) with the merged content. */
  article: Article;
  /** What could not be joined, as the writer is told it. */
  summary: MergeSummary;
}

/** Who the suggested insertions are from (the writer merging), and the id and time they get. */
export type MergeSuggestion = SuggestionAttrs;

type TopField = 'headline' | 'subheadline' | 'summary';
const TOP_FIELDS: readonly TopField[] = ['headline', 'subheadline', 'summary'];
/** Meta fields that change together: the slug with whether a person set it, a time with its zone. */
const META_GROUPS: readonly (readonly (keyof ArticleMeta)[])[] = [['slug', 'slugEdited'], ['plannedAt', 'plannedTimeZone']];
const MAX_TAGS = 100;
/** The photo block's node name (common/editor/figure.ts). */
const FIGURE = 'figure';

export function mergeArticle(base: Article, local: Article, hub: Article, suggestion: MergeSuggestion): ArticleMerge {
  const fieldsFromHub: string[] = [];
  const merged: Article = { ...hub, meta: { ...hub.meta } };
  for (const field of TOP_FIELDS) {
    const pick = pickSide(base[field], local[field], hub[field]);
    merged[field] = pick.value;
    if (pick.conflict) fieldsFromHub.push(field);
  }
  const grouped = new Set<string>(META_GROUPS.flat());
  const groups: (keyof ArticleMeta)[][] = [
    ...META_GROUPS.map((g) => [...g]),
    ...(Object.keys(hub.meta) as (keyof ArticleMeta)[]).filter((k) => !grouped.has(k) && k !== 'tags').map((k) => [k]),
  ];
  for (const group of groups) {
    const slice = (meta: ArticleMeta) => group.map((key) => meta[key]);
    const pick = pickSide(slice(base.meta), slice(local.meta), slice(hub.meta));
    group.forEach((key, i) => Object.assign(merged.meta, { [key]: pick.value[i] }));
    // A slug neither side set by hand follows the headline: no change of its own to name.
    const follows = group[0] === 'slug' && !local.meta.slugEdited && !hub.meta.slugEdited;
    if (pick.conflict && !follows) fieldsFromHub.push(`meta.${group[0]}`);
  }
  const tags = mergeTags(base.meta.tags, local.meta.tags, hub.meta.tags);
  merged.meta.tags = tags.slice(0, MAX_TAGS);
  if (tags.length > MAX_TAGS) fieldsFromHub.push('meta.tags');
  const body = mergeBody(base.body, local.body, hub.body, suggestion);
  merged.body = body.doc;
  return { article: merged, summary: { fieldsFromHub, blocksBothChanged: body.suggested, blocksKeptFromHub: body.keptFromHub } };
}

/** A field's value by pickKey over its canonical JSON; where both changed it, the hub's value and a conflict. */
function pickSide<T>(base: T, local: T, hub: T): { value: T; conflict: boolean } {
  const h = canonicalJson(hub);
  const pick = pickKey(canonicalJson(base), canonicalJson(local), h);
  return { value: pick === null || pick === h ? hub : local, conflict: pick === null };
}

/** The hub's tags, less those removed here, plus those added here, in the hub's order then ours. */
function mergeTags(base: readonly string[], local: readonly string[], hub: readonly string[]): string[] {
  const removedHere = new Set(base.filter((t) => !local.includes(t)));
  const addedHere = local.filter((t) => !base.includes(t) && !hub.includes(t));
  return [...hub.filter((t) => !removedHere.has(t)), ...addedHere];
}

/** Blocks whose children are merged one by one when both sides changed them: a list item by item, a quote paragraph by paragraph. */
const MERGED_INSIDE = new Set(['bulletList', 'orderedList', 'blockquote']);

interface BodyMerge {
  suggested: number;
  keptFromHub: number;
}

function mergeBody(base: DocNode, local: DocNode, hub: DocNode, suggestion: MergeSuggestion): { doc: DocNode; suggested: number; keptFromHub: number } {
  const counts: BodyMerge = { suggested: 0, keptFromHub: 0 };
  const content = mergeChildren(base, local, hub, suggestion, counts);
  return { doc: { ...hub, content: content.length > 0 ? content : [{ type: 'paragraph' }] }, ...counts };
}

function mergeChildren(base: DocNode, local: DocNode, hub: DocNode, suggestion: MergeSuggestion, counts: BodyMerge): DocNode[] {
  const nodes = new Map<string, DocNode>();
  const keysOf = (doc: DocNode): string[] =>
    (doc.content ?? []).map((node) => {
      const key = canonicalJson(node);
      nodes.set(key, node);
      return key;
    });
  const content: DocNode[] = [];
  const bothChanged = (fromHub: readonly string[], fromHere: readonly string[], unchanged: ReadonlySet<string>): void => {
    const kept = new Set(fromHub);
    for (const key of fromHub) content.push(nodes.get(key)!);
    // What this side wrote: not what the hub has too, nor base blocks it merely kept.
    const written = fromHere.filter((key) => !kept.has(key) && !unchanged.has(key)).map((key) => nodes.get(key)!);
    const insertable = written.filter(canBeSuggested);
    // Each passage its own suggestion, to be accepted or rejected on its own.
    const passage = { ...suggestion, id: `${suggestion.id}-${counts.suggested + 1}` };
    for (const node of insertable) content.push(asSuggestedInsertion(node, passage));
    if (insertable.length > 0) counts.suggested++;
    if (insertable.length < written.length || written.length === 0) counts.keptFromHub++;
  };
  for (const region of mergeBlocks(keysOf(base), keysOf(local), keysOf(hub))) {
    if ('ok' in region) {
      for (const key of region.ok) content.push(nodes.get(key)!);
      continue;
    }
    const { o, a, b, aligned } = region.conflict;
    if (aligned) {
      // Blocks replaced one for one on both sides: settled one by one, a list or quote inside.
      o.forEach((key, i) => {
        const pick = pickKey(key, a[i]!, b[i]!);
        const [was, here, there] = [nodes.get(key)!, nodes.get(a[i]!)!, nodes.get(b[i]!)!];
        if (pick !== null) content.push(nodes.get(pick)!);
        else if (MERGED_INSIDE.has(there.type) && was.type === there.type && here.type === there.type && sameAttrs(was, here, there)) {
          const inside = mergeChildren(was, here, there, suggestion, counts);
          content.push(inside.length > 0 ? { ...there, content: inside } : there);
        } else bothChanged([b[i]!], [a[i]!], new Set(o));
      });
    } else {
      bothChanged(b, a, new Set(o));
    }
  }
  return content;
}

/** A list whose numbering or kind one side changed is not merged item by item. */
function sameAttrs(...blocks: DocNode[]): boolean {
  const attrs = blocks.map((block) => canonicalJson(block.attrs ?? {}));
  return attrs.every((a) => a === attrs[0]);
}

/** The side that changed the block, or null when both changed it differently. */
function pickKey(base: string, local: string, hub: string): string | null {
  if (local === base || local === hub) return hub;
  if (hub === base) return local;
  return null;
}

/** A block whose text can carry the suggestion: text, and no photo (a suggestion cannot hold one, so rejecting it would leave the photo). */
function canBeSuggested(node: DocNode): boolean {
  let text = false;
  const walk = (n: DocNode): boolean => {
    if (n.type === FIGURE) return false;
    if (n.type === 'text' && (n.text ?? '') !== '') text = true;
    return (n.content ?? []).every(walk);
  };
  return walk(node) && text;
}

/**
 * The block with each run of its text marked as inserted by the writer. Text already someone's
 * insertion keeps that (a run holds one insertion); text under someone's deletion is marked too, so
 * rejecting the merged paragraph takes all of it, and accepting it leaves that deletion to settle.
 */
function asSuggestedInsertion(node: DocNode, suggestion: MergeSuggestion): DocNode {
  if (node.type === 'text') {
    const marks = node.marks ?? [];
    if (marks.some((m) => m.type === SUGGESTION_INSERT)) return node;
    // In the schema's order (as the editor saves it): before a deletion or format suggestion, after the rest.
    const at = marks.findIndex((m) => m.type === SUGGESTION_DELETE || m.type === SUGGESTION_FORMAT);
    const inserted = { type: SUGGESTION_INSERT, attrs: { ...suggestion } };
    return { ...node, marks: at < 0 ? [...marks, inserted] : [...marks.slice(0, at), inserted, ...marks.slice(at)] };
  }
  return node.content ? { ...node, content: node.content.map((child) => asSuggestedInsertion(child, suggestion)) } : node;
}
