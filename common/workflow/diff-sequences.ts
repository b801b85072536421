// Runs in: main, services, host and renderer. Myers' O((N+M)·D) difference of two sequences of
// integers (token or block ids): the common prefix and suffix are stripped first, and when the
// edit distance grows past a budget the middle is reported as one delete + insert instead of
// spending unbounded time and memory on it.

export type DiffRunOp = 'equal' | 'delete' | 'insert';

/** `count` consecutive items: equal in both, only in `a` (delete) or only in `b` (insert). */
export interface DiffRun {
  op: DiffRunOp;
  count: number;
}

export interface SequenceDiff {
  /** In order; between two equal runs every delete comes before every insert. */
  runs: DiffRun[];
  /** True when the budget ran out and the differing middle was given up as delete + insert. */
  gaveUp: boolean;
}

export interface SequenceDiffOptions {
  /**
   * The most edits (D) searched for. By default D is bounded so that the work, about
   * (N+M)·D, stays near 40 million steps and the backtracking trace (about D² integers) stays
   * near 16 MB.
   */
  maxEdits?: number;
}

const WORK_BUDGET = 40_000_000;
const MAX_EDITS_CEILING = 2_000;
const MAX_EDITS_FLOOR = 200;

export function diffSequences(a: ArrayLike<number>, b: ArrayLike<number>, options: SequenceDiffOptions = {}): SequenceDiff {
  const n = a.length;
  const m = b.length;
  let prefix = 0;
  while (prefix < n && prefix < m && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < n - prefix && suffix < m - prefix && a[n - 1 - suffix] === b[m - 1 - suffix]) suffix++;

  const midA = n - prefix - suffix;
  const midB = m - prefix - suffix;
  const runs: DiffRun[] = [];
  push(runs, 'equal', prefix);
  let gaveUp = false;
  if (midA === 0 || midB === 0) {
    push(runs, 'delete', midA);
    push(runs, 'insert', midB);
  } else {
    const total = midA + midB;
    const maxEdits = Math.min(total, options.maxEdits ?? defaultMaxEdits(total));
    const middle = myers(a, prefix, midA, b, prefix, midB, maxEdits);
    if (middle) {
      for (const run of middle) push(runs, run.op, run.count);
    } else {
      gaveUp = true;
      push(runs, 'delete', midA);
      push(runs, 'insert', midB);
    }
  }
  push(runs, 'equal', suffix);
  return { runs, gaveUp };
}

function defaultMaxEdits(total: number): number {
  return Math.min(MAX_EDITS_CEILING, Math.max(MAX_EDITS_FLOOR, Math.floor(WORK_BUDGET / total)));
}

/** Appends a run, merging it into the last one of the same op; empty runs are dropped. */
function push(runs: DiffRun[], op: DiffRunOp, count: number): void {
  if (count <= 0) return;
  const last = runs[runs.length - 1];
  if (last && last.op === op) last.count += count;
  else runs.push({ op, count });
}

/**
 * The shortest edit script of a[aStart, aStart+n) → b[bStart, bStart+m), or null when it needs
 * more than maxEdits edits. Runs are normalised: deletes before inserts between equal runs.
 */
function myers(
  a: ArrayLike<number>,
  aStart: number,
  n: number,
  b: ArrayLike<number>,
  bStart: number,
  m: number,
  maxEdits: number,
): DiffRun[] | null {
  const offset = maxEdits + 1;
  const v = new Int32Array(2 * maxEdits + 3);
  // trace[d] holds V[k] for k in [-d, d] as it stood after step d (index k + d).
  const trace: Int32Array[] = [];
  for (let d = 0; d <= maxEdits; d++) {
    for (let k = -d; k <= d; k += 2) {
      let x: number;
      if (k === -d || (k !== d && (v[offset + k - 1] ?? 0) < (v[offset + k + 1] ?? 0))) x = v[offset + k + 1] ?? 0;
      else x = (v[offset + k - 1] ?? 0) + 1;
      let y = x - k;
      while (x < n && y < m && a[aStart + x] === b[bStart + y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        trace.push(v.slice(offset - d, offset + d + 1));
        return backtrack(trace, n, m);
      }
    }
    trace.push(v.slice(offset - d, offset + d + 1));
  }
  return null;
}

function backtrack(trace: Int32Array[], n: number, m: number): DiffRun[] {
  // Collected backwards, one op per item, then reversed and grouped.
  const ops: DiffRunOp[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d > 0; d--) {
    const previous = trace[d - 1] as Int32Array;
    const at = (k: number): number => previous[k + d - 1] ?? 0;
    const k = x - y;
    const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push('equal');
      x--;
      y--;
    }
    ops.push(prevK === k + 1 ? 'insert' : 'delete');
    x = prevX;
    y = prevY;
  }
  for (; x > 0; x--) ops.push('equal');

  const runs: DiffRun[] = [];
  let deletes = 0;
  let inserts = 0;
  for (let i = ops.length - 1; i >= 0; i--) {
    const op = ops[i];
    if (op === 'delete') deletes++;
    else if (op === 'insert') inserts++;
    else {
      push(runs, 'delete', deletes);
      push(runs, 'insert', inserts);
      deletes = 0;
      inserts = 0;
      push(runs, 'equal', 1);
    }
  }
  push(runs, 'delete', deletes);
  push(runs, 'insert', inserts);
  return runs;
}
