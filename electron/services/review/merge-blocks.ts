// Runs in: services. A three-way merge of two sequences changed from one base (blocks of a body, by
// key): diff3, with one difference from line-based merges. Two changes that only touch (one side
// edits paragraph 1, the other paragraph 2) are separate, not a conflict: paragraphs are units of
// meaning, unlike lines of code. Only changes to the same base blocks, or two insertions at one
// place, conflict.
import { diffIndices } from 'node-diff3';

export type BlockRegion = { ok: string[] } | { conflict: { o: string[]; a: string[]; b: string[] } };

interface Hunk {
  side: 'a' | 'b';
  /** The base blocks replaced: [start, end). An insertion has start === end. */
  start: number;
  end: number;
  content: string[];
}

/** Merges `a` and `b`, each changed from `o`: the regions in order; a conflict holds both sides' versions of the same base blocks. */
export function mergeBlocks(o: readonly string[], a: readonly string[], b: readonly string[]): BlockRegion[] {
  const base = [...o];
  const hunks = [...hunksOf(base, [...a], 'a'), ...hunksOf(base, [...b], 'b')].sort((x, y) => x.start - y.start || x.end - y.end);
  const groups: Hunk[][] = [];
  for (const hunk of hunks) {
    const last = groups.at(-1);
    if (last && last.some((other) => overlaps(other, hunk))) last.push(hunk);
    else groups.push([hunk]);
  }
  const regions: BlockRegion[] = [];
  const ok = (blocks: readonly string[]): void => {
    if (blocks.length === 0) return;
    const last = regions.at(-1);
    if (last && 'ok' in last) last.ok.push(...blocks);
    else regions.push({ ok: [...blocks] });
  };
  let cursor = 0;
  for (const group of groups) {
    const start = Math.min(...group.map((h) => h.start));
    const end = Math.max(...group.map((h) => h.end));
    ok(base.slice(cursor, start));
    cursor = end;
    const ofA = group.filter((h) => h.side === 'a');
    const ofB = group.filter((h) => h.side === 'b');
    if (ofA.length === 0 || ofB.length === 0) {
      ok(applied(base, group, start, end));
      continue;
    }
    const aBlocks = applied(base, ofA, start, end);
    const bBlocks = applied(base, ofB, start, end);
    // The same change made on both sides is no conflict.
    if (aBlocks.length === bBlocks.length && aBlocks.every((key, i) => key === bBlocks[i])) ok(aBlocks);
    else regions.push({ conflict: { o: base.slice(start, end), a: aBlocks, b: bBlocks } });
  }
  ok(base.slice(cursor));
  return regions;
}

/**
 * The most blocks the two-way diff compares on each side once the common head and tail are set
 * aside. Its work grows with the square of many equal blocks (empty paragraphs), and a hub's version
 * is not trusted: beyond this, what lies between is taken as one change of all of it.
 */
export const MAX_DIFF_BLOCKS = 10_000;

function hunksOf(o: string[], x: string[], side: 'a' | 'b'): Hunk[] {
  // The common head and tail are no change: only what lies between is diffed.
  let head = 0;
  while (head < o.length && head < x.length && o[head] === x[head]) head++;
  let tail = 0;
  while (tail < o.length - head && tail < x.length - head && o[o.length - 1 - tail] === x[x.length - 1 - tail]) tail++;
  const oMiddle = o.slice(head, o.length - tail);
  const xMiddle = x.slice(head, x.length - tail);
  if (oMiddle.length === 0 && xMiddle.length === 0) return [];
  if (oMiddle.length > MAX_DIFF_BLOCKS || xMiddle.length > MAX_DIFF_BLOCKS) return [{ side, start: head, end: head + oMiddle.length, content: xMiddle }];
  return diffIndices(oMiddle, xMiddle).map((h) => ({ side, start: head + h.buffer1[0], end: head + h.buffer1[0] + h.buffer1[1], content: h.buffer2Content }));
}

/** Whether two changes touch the same base blocks, or insert at the same place. */
function overlaps(x: Hunk, y: Hunk): boolean {
  const xInserts = x.start === x.end;
  const yInserts = y.start === y.end;
  if (xInserts && yInserts) return x.start === y.start;
  // An insertion inside a replaced run; one just before or after it has a place of its own.
  if (xInserts) return y.start < x.start && x.start < y.end;
  if (yInserts) return x.start < y.start && y.start < x.end;
  return x.start < y.end && y.start < x.end;
}

/** The base blocks [start, end) with one side's changes in them. */
function applied(o: readonly string[], sideHunks: readonly Hunk[], start: number, end: number): string[] {
  const out: string[] = [];
  let at = start;
  for (const hunk of [...sideHunks].sort((x, y) => x.start - y.start)) {
    out.push(...o.slice(at, hunk.start), ...hunk.content);
    at = hunk.end;
  }
  out.push(...o.slice(at, end));
  return out;
}
