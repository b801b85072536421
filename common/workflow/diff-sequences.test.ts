// Runs in: vitest (node). The Myers sequence diff finds a shortest edit script, keeps its runs
// in a readable order, and gives up cleanly (never wrongly) past its budget.
import { describe, expect, it } from 'vitest';
import { diffSequences, type DiffRun } from './diff-sequences';

/** Replays runs on `a` and checks they produce `b`; returns the number of edits. */
function replay(a: number[], b: number[], runs: DiffRun[]): number {
  const out: number[] = [];
  let ia = 0;
  let ib = 0;
  let edits = 0;
  for (const run of runs) {
    expect(run.count).toBeGreaterThan(0);
    if (run.op === 'equal') {
      expect(a.slice(ia, ia + run.count)).toEqual(b.slice(ib, ib + run.count));
      out.push(...a.slice(ia, ia + run.count));
      ia += run.count;
      ib += run.count;
    } else if (run.op === 'delete') {
      ia += run.count;
      edits += run.count;
    } else {
      out.push(...b.slice(ib, ib + run.count));
      ib += run.count;
      edits += run.count;
    }
  }
  expect(ia).toBe(a.length);
  expect(out).toEqual(b);
  return edits;
}

/** Edit distance (insertions + deletions) by the textbook LCS table. */
function lcsDistance(a: number[], b: number[]): number {
  const row = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = 0;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] ?? 0;
      row[j] = a[i - 1] === b[j - 1] ? diagonal + 1 : Math.max(above, row[j - 1] ?? 0);
      diagonal = above;
    }
  }
  return a.length + b.length - 2 * (row[b.length] ?? 0);
}

/** A small deterministic generator so a failure can be reproduced. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

describe('diffSequences', () => {
  it('reports equal sequences as one equal run', () => {
    expect(diffSequences([1, 2, 3], [1, 2, 3])).toEqual({ runs: [{ op: 'equal', count: 3 }], gaveUp: false });
    expect(diffSequences([], [])).toEqual({ runs: [], gaveUp: false });
  });

  it('finds a pure insertion and a pure deletion', () => {
    expect(diffSequences([1, 2, 4], [1, 2, 3, 4]).runs).toEqual([
      { op: 'equal', count: 2 },
      { op: 'insert', count: 1 },
      { op: 'equal', count: 1 },
    ]);
    expect(diffSequences([1, 2, 3, 4], [1, 4]).runs).toEqual([
      { op: 'equal', count: 1 },
      { op: 'delete', count: 2 },
      { op: 'equal', count: 1 },
    ]);
  });

  it('puts the deletion before the insertion in a replacement', () => {
    expect(diffSequences([1, 2, 3], [1, 9, 3]).runs).toEqual([
      { op: 'equal', count: 1 },
      { op: 'delete', count: 1 },
      { op: 'insert', count: 1 },
      { op: 'equal', count: 1 },
    ]);
  });

  it('finds a shortest edit script on random sequences', () => {
    const next = random(42);
    for (let trial = 0; trial < 300; trial++) {
      const a = Array.from({ length: Math.floor(next() * 30) }, () => Math.floor(next() * 5));
      const b = Array.from({ length: Math.floor(next() * 30) }, () => Math.floor(next() * 5));
      const { runs, gaveUp } = diffSequences(a, b);
      expect(gaveUp).toBe(false);
      expect(replay(a, b, runs)).toBe(lcsDistance(a, b));
      // Between two equal runs, deletes come first and each op appears once.
      for (let i = 1; i < runs.length; i++) {
        const previous = runs[i - 1]?.op;
        const current = runs[i]?.op;
        expect(previous).not.toBe(current);
        expect(previous === 'insert' && current === 'delete').toBe(false);
      }
    }
  });

  it('gives up past its edit budget with a correct, coarse script', () => {
    const a = Array.from({ length: 200 }, (_, i) => i);
    const b = Array.from({ length: 200 }, (_, i) => 1000 + i);
    b[0] = 0;
    b[199] = 199;
    const { runs, gaveUp } = diffSequences(a, b, { maxEdits: 10 });
    expect(gaveUp).toBe(true);
    expect(runs).toEqual([
      { op: 'equal', count: 1 },
      { op: 'delete', count: 198 },
      { op: 'insert', count: 198 },
      { op: 'equal', count: 1 },
    ]);
    replay(a, b, runs);
  });

  it('handles a long sequence with a few edits far from either end', () => {
    const a = Array.from({ length: 300_000 }, (_, i) => i % 1000);
    const b = [...a];
    b.splice(150_000, 1, -1, -2);
    b.splice(40_000, 3);
    b.splice(260_000, 0, -3);
    const { runs, gaveUp } = diffSequences(a, b);
    expect(gaveUp).toBe(false);
    expect(replay(a, b, runs)).toBe(7);
  });
});
