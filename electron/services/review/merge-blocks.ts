// Runs in: services. A three-way merge of two sequences changed from one base (blocks of a body, by
// key): diff3 over two bounded Myers diffs (common/workflow/diff-sequences.ts, whose work grows
// with the number of changes, not with repeated blocks, and which gives up a too-different middle as
// one change). Unlike a line-based merge, two changes that only touch (one side edits paragraph 1,
// the other paragraph 2) stay apart: paragraphs are units of meaning. They conflict when they change
// the same base blocks, insert at one place, or could touch once a deletion slides over repeated
// blocks (a paragraph pasted twice, a quote and its blank line): which copy a diff says a side
// deleted is a guess, and two guesses must not delete both copies.
import { diffSequences } from '../../../common/workflow/diff-sequences';

export type BlockRegion =
  | { ok: string[] }
  | {
      conflict: {
        o: string[];
        a: string[];
        b: string[];
        /** Every change in the run replaced blocks one for one, so a[i] and b[i] are both versions of o[i]. */
        aligned: boolean;
      };
    };

interface Hunk {
  side: 'a' | 'b';
  /** The base blocks replaced: [start, end). An insertion has start === end. */
  start: number;
  end: number;
  content: string[];
  /** Where a deletion could as well have been: the base blocks it may stand for, [lo, hi). */
  lo: number;
  hi: number;
}

/** Merges `a` and `b`, each changed from `o`: the regions in order; a conflict holds both sides' versions of the same base blocks. */
export function mergeBlocks(o: readonly string[], a: readonly string[], b: readonly string[]): BlockRegion[] {
  const ids = new Map<string, number>();
  const idsOf = (keys: readonly string[]): Int32Array =>
    Int32Array.from(keys, (key) => {
      let id = ids.get(key);
      if (id === undefined) ids.set(key, (id = ids.size));
      return id;
    });
  const oIds = idsOf(o);
  const groups = groupsOf([...hunksOf(oIds, idsOf(a), a, 'a'), ...hunksOf(oIds, idsOf(b), b, 'b')], o);
  const regions: BlockRegion[] = [];
  const ok = (blocks: readonly string[]): void => {
    if (blocks.length === 0) return;
    const last = regions.at(-1);
    if (last && 'ok' in last) append(last.ok, blocks);
    else regions.push({ ok: blocks.slice() });
  };
  let cursor = 0;
  for (const group of groups) {
    const start = Math.min(...group.map((h) => h.start));
    const end = Math.max(...group.map((h) => h.end));
    ok(o.slice(cursor, start));
    cursor = end;
    const ofA = group.filter((h) => h.side === 'a');
    const ofB = group.filter((h) => h.side === 'b');
    if (ofA.length === 0 || ofB.length === 0) {
      ok(applied(o, group, start, end));
      continue;
    }
    const aBlocks = applied(o, ofA, start, end);
    const bBlocks = applied(o, ofB, start, end);
    const run = o.slice(start, end);
    const settled = agreed(run, aBlocks, bBlocks);
    if (settled) ok(settled);
    else regions.push({ conflict: { o: run, a: aBlocks, b: bBlocks, aligned: group.every((h) => h.end - h.start === h.content.length) } });
  }
  ok(o.slice(cursor));
  return regions;
}

/**
 * The changes to settle together, in base order, their ranges apart: those that overlap (linked
 * through others too), then any whose ranges still cross.
 */
function groupsOf(hunks: Hunk[], o: readonly string[]): Hunk[][] {
  // Where a change reaches, its slides included: only changes whose reaches meet can overlap.
  const reachLo = (h: Hunk): number => Math.min(h.start, h.lo);
  const reachHi = (h: Hunk): number => Math.max(h.end, h.hi);
  const parent = hunks.map((_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  let active: number[] = [];
  for (const i of hunks.map((_, i) => i).sort((x, y) => reachLo(hunks[x]!) - reachLo(hunks[y]!))) {
    const hunk = hunks[i]!;
    active = active.filter((j) => reachHi(hunks[j]!) >= reachLo(hunk));
    for (const j of active) if (overlaps(hunks[j]!, hunk, o)) parent[root(i)] = root(j);
    active.push(i);
  }
  const byRoot = new Map<number, Hunk[]>();
  hunks.forEach((hunk, i) => {
    const group = byRoot.get(root(i));
    if (group) group.push(hunk);
    else byRoot.set(root(i), [hunk]);
  });
  const ranged = [...byRoot.values()]
    .map((group) => ({ group, start: Math.min(...group.map((h) => h.start)), end: Math.max(...group.map((h) => h.end)) }))
    .sort((x, y) => x.start - y.start || x.end - y.end);
  const groups: Hunk[][] = [];
  let lastEnd = -1;
  for (const { group, start, end } of ranged) {
    if (groups.length > 0 && start < lastEnd) append(groups.at(-1)!, group);
    else groups.push(group);
    lastEnd = Math.max(lastEnd, end);
  }
  return groups;
}

/**
 * Two versions of one base run that need no person: the same, or alike at their start and end with
 * only one side holding more between. That side's blocks between are its additions, less base
 * blocks the other side removed. (So merging a merge again with the same hub version gives it back.)
 */
function agreed(run: readonly string[], a: readonly string[], b: readonly string[]): string[] | null {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  if (head === a.length && head === b.length) return a.slice();
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const aBetween = a.slice(head, a.length - tail);
  const bBetween = b.slice(head, b.length - tail);
  if (head + tail === 0 || (aBetween.length > 0 && bBetween.length > 0)) return null;
  const base = new Set(run);
  // The side with nothing more must not have deleted outright a base block the other side changed:
  // what the other has more could be its rewrite of that block (a rewrite against a deletion is for
  // a person to settle). Base blocks gone from both sides are matched by the shorter side's new ones.
  const [shorter, longer] = aBetween.length > 0 ? [b, a] : [a, b];
  const inShorter = new Set(shorter);
  const inLonger = new Set(longer);
  const goneFromBoth = run.filter((key) => !inShorter.has(key) && !inLonger.has(key)).length;
  const added = shorter.filter((key) => !base.has(key)).length;
  if (goneFromBoth > added) return null;
  return [...a.slice(0, head), ...(aBetween.length > 0 ? aBetween : bBetween).filter((key) => !base.has(key)), ...a.slice(a.length - tail)];
}

/** One side's changes from the base, as runs of base blocks replaced by that side's blocks. */
function hunksOf(oIds: Int32Array, xIds: Int32Array, x: readonly string[], side: 'a' | 'b'): Hunk[] {
  const hunks: Hunk[] = [];
  let open: Hunk | null = null;
  let i = 0;
  let j = 0;
  for (const run of diffSequences(oIds, xIds).runs) {
    if (run.op === 'equal') {
      if (open) hunks.push(open);
      open = null;
      i += run.count;
      j += run.count;
      continue;
    }
    open ??= { side, start: i, end: i, content: [], lo: i, hi: i };
    if (run.op === 'delete') {
      i += run.count;
      open.end = i;
    } else {
      append(open.content, x.slice(j, j + run.count));
      j += run.count;
    }
  }
  if (open) hunks.push(open);
  for (const hunk of hunks) slide(hunk, oIds);
  return hunks;
}

/** A pure deletion of [s, e) deletes the same blocks at [s-1, e-1) when o[s-1] equals o[e-1], and at [s+1, e+1) when o[s] equals o[e]. */
function slide(hunk: Hunk, o: Int32Array): void {
  hunk.lo = hunk.start;
  hunk.hi = hunk.end;
  if (hunk.content.length > 0 || hunk.start === hunk.end) return;
  let s = hunk.start;
  let e = hunk.end;
  while (s > 0 && o[s - 1] === o[e - 1]) {
    s--;
    e--;
  }
  hunk.lo = s;
  s = hunk.start;
  e = hunk.end;
  while (e < o.length && o[s] === o[e]) {
    s++;
    e++;
  }
  hunk.hi = e;
}

/** Whether two changes from different sides must be settled together. */
function overlaps(x: Hunk, y: Hunk, o: readonly string[]): boolean {
  // One side's changes never touch one another.
  if (x.side === y.side) return false;
  const xInserts = x.start === x.end;
  const yInserts = y.start === y.end;
  if (xInserts && yInserts) return x.start === y.start;
  // An insertion inside a replaced run; one just before or after it has a place of its own.
  if (xInserts) return (y.start < x.start && x.start < y.end) || (y.lo < x.start && x.start < y.hi);
  if (yInserts) return (x.start < y.start && y.start < x.end) || (x.lo < y.start && y.start < x.hi);
  if (x.start < y.end && y.start < x.end) return true;
  // A deletion that could stand for other copies meets the other side where it could be.
  if (x.lo < y.hi && y.lo < x.hi) return true;
  // Apart, but only by copies of one block (a paragraph pasted twice, blank paragraphs): each side
  // may have meant the same copy.
  const [first, second] = x.end <= y.start ? [x, y] : [y, x];
  const key = o[first.end - 1];
  for (let i = first.end; i <= second.start; i++) if (o[i] !== key) return false;
  return true;
}

/** The base blocks [start, end) with one side's changes in them. */
function applied(o: readonly string[], sideHunks: readonly Hunk[], start: number, end: number): string[] {
  const out: string[] = [];
  let at = start;
  for (const hunk of [...sideHunks].sort((x, y) => x.start - y.start)) {
    append(out, o.slice(at, hunk.start));
    append(out, hunk.content);
    at = hunk.end;
  }
  append(out, o.slice(at, end));
  return out;
}

/** Appends without spreading: a body may have more blocks than a call may take arguments. */
function append<T>(to: T[], items: readonly T[]): void {
  for (const item of items) to.push(item);
}
