// Runs in: main, services, host and renderer. Where one top-level block of an old version goes
// back into the current body: the top-level blocks of both are lined up (Myers' difference of
// the blocks as they are), and a block that is gone or changed replaces the block that stands in
// its place now, or is put back where it stood when nothing stands there.
import type { DocNode } from '../article';
import { diffSequences } from '../workflow/diff-sequences';

/** Replace the current top-level block at `index`, or insert before it (`index` may be the end). */
export interface BlockRestorePlan {
  index: number;
  replace: boolean;
}

/** null when the block is already in the current body as it was, or `versionIndex` is out of range. */
export function planBlockRestore(current: DocNode, version: DocNode, versionIndex: number): BlockRestorePlan | null {
  const before = version.content ?? [];
  const now = current.content ?? [];
  if (!Number.isInteger(versionIndex) || versionIndex < 0 || versionIndex >= before.length) return null;
  const ids = new Map<string, number>();
  const idOf = (node: DocNode): number => {
    const key = JSON.stringify(node);
    let id = ids.get(key);
    if (id === undefined) {
      id = ids.size;
      ids.set(key, id);
    }
    return id;
  };
  const { runs } = diffSequences(before.map(idOf), now.map(idOf));
  let a = 0;
  let b = 0;
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i]!;
    if (run.op === 'equal') {
      if (versionIndex < a + run.count) return null;
      a += run.count;
      b += run.count;
    } else if (run.op === 'insert') {
      b += run.count;
    } else {
      if (versionIndex < a + run.count) {
        const offset = versionIndex - a;
        const next = runs[i + 1];
        const standing = next?.op === 'insert' ? next.count : 0;
        return offset < standing ? { index: b + offset, replace: true } : { index: b + standing, replace: false };
      }
      a += run.count;
    }
  }
  return null;
}
