// Runs in: main, services, host and renderer. In a stretch of the body where some blocks were
// deleted and others inserted, decides which inserted block is an edit of which deleted one
// (shown as one changed block with word-level marks) and which are truly new or gone.
import type { BodyBlock } from './diff-body-blocks';
import { diffTokens } from './diff-tokens';

export interface BlockPair {
  /** Index into the deleted blocks. */
  deleted: number;
  /** Index into the inserted blocks. */
  inserted: number;
}

/**
 * Blocks less alike than this are a rewrite, not an edit. Likeness is the share of words in
 * common (Dice coefficient), or half the share of the shorter block found in the longer one.
 */
export const MIN_SIMILARITY = 0.3;
/** Stretches up to this many candidate pairs are aligned optimally; longer ones in order. */
const MAX_ALIGNED_PAIRS = 4096;

/**
 * Order-preserving pairs of compatible, similar blocks. `candidate` says which blocks may be
 * paired at all (a block moved elsewhere stays a delete or insert).
 */
export function pairBlocks(
  deleted: readonly BodyBlock[],
  inserted: readonly BodyBlock[],
  candidate: (block: BodyBlock) => boolean,
): BlockPair[] {
  const a = deleted.length;
  const b = inserted.length;
  if (a === 0 || b === 0) return [];
  const score = (i: number, j: number): number => {
    const x = deleted[i] as BodyBlock;
    const y = inserted[j] as BodyBlock;
    if (!candidate(x) || !candidate(y)) return 0;
    const s = similarity(x, y);
    return s >= MIN_SIMILARITY ? s : 0;
  };

  if (a * b > MAX_ALIGNED_PAIRS) {
    const pairs: BlockPair[] = [];
    for (let i = 0; i < Math.min(a, b); i++) if (score(i, i) > 0) pairs.push({ deleted: i, inserted: i });
    return pairs;
  }

  // Weighted LCS: best[i][j] is the best total similarity pairing deleted[i..] with inserted[j..].
  const width = b + 1;
  const best = new Float64Array((a + 1) * width);
  const scores = new Float64Array(a * b);
  for (let i = a - 1; i >= 0; i--) {
    for (let j = b - 1; j >= 0; j--) {
      const s = score(i, j);
      scores[i * b + j] = s;
      const skip = Math.max(best[(i + 1) * width + j] ?? 0, best[i * width + j + 1] ?? 0);
      const take = s > 0 ? s + (best[(i + 1) * width + j + 1] ?? 0) : 0;
      best[i * width + j] = Math.max(skip, take);
    }
  }
  const pairs: BlockPair[] = [];
  let i = 0;
  let j = 0;
  while (i < a && j < b) {
    const s = scores[i * b + j] ?? 0;
    const here = best[i * width + j] ?? 0;
    if (s > 0 && here === s + (best[(i + 1) * width + j + 1] ?? 0)) {
      pairs.push({ deleted: i, inserted: j });
      i++;
      j++;
    } else if (here === (best[(i + 1) * width + j] ?? 0)) {
      i++;
    } else {
      j++;
    }
  }
  return pairs;
}

/** 0..1: how alike two blocks are, or 0 when one cannot be an edit of the other. */
export function similarity(x: BodyBlock, y: BodyBlock): number {
  if (x.kind === 'figure' || y.kind === 'figure') {
    // A figure edit keeps its photo; a different photo is a replacement.
    return x.kind === 'figure' && y.kind === 'figure' && x.figure?.mediaId === y.figure?.mediaId ? 1 : 0;
  }
  if (x.kind === 'horizontalRule' || y.kind === 'horizontalRule') return x.kind === y.kind ? 1 : 0;
  const bagX = tokenBag(x);
  const bagY = tokenBag(y);
  if (bagX.size === 0 && bagY.size === 0) return 1;
  let common = 0;
  let sizeX = 0;
  let sizeY = 0;
  for (const [token, count] of bagX) {
    sizeX += count;
    common += Math.min(count, bagY.get(token) ?? 0);
  }
  for (const count of bagY.values()) sizeY += count;
  if (sizeX === 0 || sizeY === 0) return 0;
  const dice = (2 * common) / (sizeX + sizeY);
  // A short paragraph that grew into a long one (or the reverse) is still the same paragraph.
  const containment = common / Math.min(sizeX, sizeY);
  return Math.max(dice, containment / 2);
}

const bags = new WeakMap<BodyBlock, Map<string, number>>();

/** The block's tokens, spaces trimmed, with how often each occurs. */
function tokenBag(block: BodyBlock): Map<string, number> {
  let bag = bags.get(block);
  if (!bag) {
    bag = new Map();
    for (const token of diffTokens(block.text)) {
      const word = token.trim() || token;
      bag.set(word, (bag.get(word) ?? 0) + 1);
    }
    bags.set(block, bag);
  }
  return bag;
}
