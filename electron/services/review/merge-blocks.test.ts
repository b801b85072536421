// Runs in: vitest (node). The block-level three-way merge: changes that only touch stay apart, and
// only changes to the same base blocks, or insertions at one place, conflict.
import { describe, expect, it } from 'vitest';
import { mergeBlocks } from './merge-blocks';

const O = ['p1', 'p2', 'p3', 'p4'];

describe('mergeBlocks', () => {
  it('keeps edits of neighbouring blocks apart (a line-based diff3 calls them a conflict)', () => {
    expect(mergeBlocks(O, ['p1', 'p2*', 'p3', 'p4'], ['p1*', 'p2', 'p3', 'p4'])).toEqual([{ ok: ['p1*', 'p2*', 'p3', 'p4'] }]);
  });

  it('places an insertion just before or after a block the other side edited', () => {
    expect(mergeBlocks(O, ['p1', 'new', 'p2', 'p3', 'p4'], ['p1', 'p2*', 'p3', 'p4'])).toEqual([{ ok: ['p1', 'new', 'p2*', 'p3', 'p4'] }]);
    expect(mergeBlocks(O, ['p1', 'p2', 'new', 'p3', 'p4'], ['p1', 'p2*', 'p3', 'p4'])).toEqual([{ ok: ['p1', 'p2*', 'new', 'p3', 'p4'] }]);
  });

  it('takes deletions and the same change made on both sides', () => {
    expect(mergeBlocks(O, ['p1', 'p3', 'p4'], ['p1', 'p2', 'p3'])).toEqual([{ ok: ['p1', 'p3'] }]);
    expect(mergeBlocks(O, ['p1', 'p2', 'p3*', 'p4'], ['p1', 'p2', 'p3*', 'p4'])).toEqual([{ ok: ['p1', 'p2', 'p3*', 'p4'] }]);
    // A deletion next to a change is one change of two blocks: it meets the other side's change of the second.
    expect(mergeBlocks(O, ['p1', 'p3*', 'p4'], ['p1', 'p2', 'p3*'])).toEqual([{ ok: ['p1'] }, { conflict: { o: ['p2', 'p3', 'p4'], a: ['p3*', 'p4'], b: ['p2', 'p3*'] } }]);
  });

  it('makes a conflict of changes to the same block, with each side\'s version of the base run', () => {
    expect(mergeBlocks(O, ['p1', 'p2a', 'p3', 'p4'], ['p1', 'p2b', 'p3b', 'p4'])).toEqual([
      { ok: ['p1'] },
      { conflict: { o: ['p2', 'p3'], a: ['p2a', 'p3'], b: ['p2b', 'p3b'] } },
      { ok: ['p4'] },
    ]);
  });

  it('makes a conflict of two insertions at one place, and of an insertion inside a run the other side replaced', () => {
    expect(mergeBlocks(O, ['p1', 'x', 'p2', 'p3', 'p4'], ['p1', 'y', 'p2', 'p3', 'p4'])).toEqual([{ ok: ['p1'] }, { conflict: { o: [], a: ['x'], b: ['y'] } }, { ok: ['p2', 'p3', 'p4'] }]);
    expect(mergeBlocks(O, ['p1', 'p2', 'x', 'p3', 'p4'], ['p1', 'q', 'p4'])).toEqual([{ ok: ['p1'] }, { conflict: { o: ['p2', 'p3'], a: ['p2', 'x', 'p3'], b: ['q'] } }, { ok: ['p4'] }]);
  });

  it('merges from an empty base and into an emptied one', () => {
    expect(mergeBlocks([], ['a'], [])).toEqual([{ ok: ['a'] }]);
    expect(mergeBlocks(O, [], O)).toEqual([]);
  });
});
