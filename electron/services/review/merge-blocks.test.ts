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
    expect(mergeBlocks(O, ['p1', 'p3*', 'p4'], ['p1', 'p2', 'p3*'])).toEqual([{ ok: ['p1'] }, { conflict: { o: ['p2', 'p3', 'p4'], a: ['p3*', 'p4'], b: ['p2', 'p3*'], aligned: false } }]);
  });

  it('makes a conflict of changes to the same block, with each side\'s version of the base run', () => {
    expect(mergeBlocks(O, ['p1', 'p2a', 'p3', 'p4'], ['p1', 'p2b', 'p3b', 'p4'])).toEqual([
      { ok: ['p1'] },
      { conflict: { o: ['p2', 'p3'], a: ['p2a', 'p3'], b: ['p2b', 'p3b'], aligned: true } },
      { ok: ['p4'] },
    ]);
  });

  it('makes a conflict of two insertions at one place, and of an insertion inside a run the other side replaced', () => {
    expect(mergeBlocks(O, ['p1', 'x', 'p2', 'p3', 'p4'], ['p1', 'y', 'p2', 'p3', 'p4'])).toEqual([{ ok: ['p1'] }, { conflict: { o: [], a: ['x'], b: ['y'], aligned: false } }, { ok: ['p2', 'p3', 'p4'] }]);
    expect(mergeBlocks(O, ['p1', 'p2', 'x', 'p3', 'p4'], ['p1', 'q', 'p4'])).toEqual([{ ok: ['p1'] }, { conflict: { o: ['p2', 'p3'], a: ['p2', 'x', 'p3'], b: ['q'], aligned: false } }, { ok: ['p4'] }]);
  });

  it('merges from an empty base and into an emptied one', () => {
    expect(mergeBlocks([], ['a'], [])).toEqual([{ ok: ['a'] }]);
    expect(mergeBlocks(O, [], O)).toEqual([]);
  });

  it('never deletes both copies of a repeated block when each side removed one', () => {
    // A paragraph pasted twice: both remove the copy, and one also fixes the lead.
    const regions = mergeBlocks(['lead', 'q', 'q', 'end'], ["lead'", 'q', 'end'], ['lead', 'q', 'end']);
    const kept = regions.flatMap((r) => ('ok' in r ? r.ok : [...r.conflict.b, ...r.conflict.a]));
    expect(kept).toContain('q');
    // Blank paragraphs: one side removes one, the other types into one.
    const blanks = mergeBlocks(['a', '', '', 'b'], ['a', '', 'b'], ['a', 'typed', '', 'b']);
    expect(blanks.flatMap((r) => ('ok' in r ? r.ok : [...r.conflict.b, ...r.conflict.a]))).toContain('typed');
    // A repeated quote with its blank line: both remove the repeat, one also fixes the lead.
    const quote = mergeBlocks(['lead', 'quote', '', 'quote', '', 'end'], ["lead'", 'quote', '', 'end'], ['lead', 'quote', '', 'end']);
    expect(quote.flatMap((r) => ('ok' in r ? r.ok : [...r.conflict.b, ...r.conflict.a]))).toEqual(expect.arrayContaining(["lead'", 'quote', 'end']));
    const twice = mergeBlocks(['lead', '', 'q', '', 'q', 'end'], ['lead', '', '', 'q', 'end'], ['lead', '', 'q', 'end']);
    expect(twice.flatMap((r) => ('ok' in r ? r.ok : [...r.conflict.b, ...r.conflict.a]))).toContain('q');
    // Copies further apart: each side removed a different one of three.
    const three = mergeBlocks(['q', 'q', 'q', 'end'], ['q', 'q', 'end'], ['q', 'q', 'end']);
    expect(three).toEqual([{ ok: ['q', 'q', 'end'] }]);
  });

  it('says when a run is not replaced one for one, so its blocks must not be paired by position', () => {
    // Here P1 was deleted and N added; at the desk every paragraph was rewritten.
    expect(mergeBlocks(['p1', 'p2', 'p3'], ['p2', 'n', 'p3'], ['q1', 'q2', 'q3'])).toEqual([{ conflict: { o: ['p1', 'p2', 'p3'], a: ['p2', 'n', 'p3'], b: ['q1', 'q2', 'q3'], aligned: false } }]);
  });

  it('merges long bodies with many equal blocks, changed at both ends and in the middle', () => {
    const long = Array.from({ length: 40_000 }, (_, i) => (i % 2 === 0 ? '' : `p${i}`));
    const a = ['lead', ...long.slice(1), 'last'];
    const b = long.map((k, i) => (i === 20_001 ? 'middle' : k));
    expect(mergeBlocks(long, a, b)).toEqual([{ ok: ['lead', ...long.slice(1).map((k, i) => (i + 1 === 20_001 ? 'middle' : k)), 'last'] }]);
  });

  it('never writes a base block out more often than either side has it, nor undoes a deletion by the way', () => {
    const all = (regions: ReturnType<typeof mergeBlocks>) => regions.flatMap((r) => ('ok' in r ? r.ok : [...r.conflict.b, ...r.conflict.a]));
    const count = (keys: string[], key: string) => keys.filter((k) => k === key).length;
    const out = all(mergeBlocks(['q', 'q', 'q'], ['q', 'N', 'q', 'q'], ['q', 'q']));
    expect(out).toContain('N');
    expect(count(out, 'q')).toBeLessThanOrEqual(3);
    // A repeated quote the desk removed, and a paragraph the writer put between the two copies.
    const quotes = mergeBlocks(['L', '', 'Q', '', 'Q', '', 'E'], ['L', '', 'Q', '', 'N', '', 'Q', '', 'E'], ['L', '', 'Q', '', 'E']);
    const merged = all(quotes);
    expect(merged).toContain('N');
    expect(quotes.some((r) => 'conflict' in r) || count(merged, 'Q') === 1).toBe(true);
  });

  it("leaves a rewrite against a deletion to a person, even beside a change both made", () => {
    expect(mergeBlocks(['B', 'C'], ['B fixed', 'C rewritten'], ['B fixed'])).toEqual([{ conflict: { o: ['B', 'C'], a: ['B fixed', 'C rewritten'], b: ['B fixed'], aligned: false } }]);
    expect(mergeBlocks(['B', 'C'], ['B fixed'], ['B fixed', 'C rewritten'])).toEqual([{ conflict: { o: ['B', 'C'], a: ['B fixed'], b: ['B fixed', 'C rewritten'], aligned: false } }]);
  });
});

