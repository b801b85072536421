// Runs in: vitest (node). The block-level three-way merge: changes that only touch stay apart, and
// only changes to the same base blocks, or insertions at one place, conflict.
import { describe, expect, it } from 'vitest';
import { MAX_DIFF_BLOCKS, mergeBlocks } from './merge-blocks';

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

  it('diffs only what lies between the common head and tail, and takes a run longer than it compares as one change', () => {
    const long = Array.from({ length: 50_000 }, (_, i) => `p${i}`);
    const a = long.map((k, i) => (i === 10 ? `${k}*` : k));
    const b = long.map((k, i) => (i === 40_000 ? `${k}*` : k));
    expect(mergeBlocks(long, a, b)).toEqual([{ ok: long.map((k, i) => (i === 10 || i === 40_000 ? `${k}*` : k)) }]);
    // Every block rewritten, many of them equal (empty paragraphs make the diff's work grow with their square):
    // one change of the whole run, which the other side did not touch...
    const o = long.slice(0, MAX_DIFF_BLOCKS + 1);
    const rewritten = o.map(() => 'empty');
    expect(mergeBlocks(o, rewritten, o)).toEqual([{ ok: rewritten }]);
    // ...or did, which makes one conflict of it, even where the two changed different blocks: the
    // first and last blocks changed here put every block between in the run (merge-article.ts then
    // settles a run of equal length block by block).
    const ends = o.map((k, i) => (i === 0 || i === MAX_DIFF_BLOCKS ? `${k}*` : k));
    const touched = o.map((k, i) => (i === 5 ? `${k}*` : k));
    expect(mergeBlocks(o, ends, touched)).toEqual([{ conflict: { o, a: ends, b: touched } }]);
  });
});
