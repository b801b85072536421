// Runs in: main, services, host and renderer. The word-level difference of two runs of marked
// text: tokens (words, single CJK characters, punctuation) are aligned with a Myers diff, and
// text kept in both versions is split further wherever its marks changed.
import { AppError } from '../app-error';
import type { DiffSegment, DiffSegmentOp } from './diff-model';
import { styleKeyOf, type InlineRun } from './diff-body-blocks';
import { diffSequences } from './diff-sequences';
import { diffTokens } from './diff-tokens';

export interface InlineDiff {
  segments: DiffSegment[];
  insertedChars: number;
  deletedChars: number;
  /** The texts differed too much to align and were given as one delete + one insert. */
  gaveUp: boolean;
}

export function diffInline(before: readonly InlineRun[], after: readonly InlineRun[]): InlineDiff {
  const textA = joinRuns(before);
  const textB = joinRuns(after);
  const tokensA = diffTokens(textA);
  const tokensB = diffTokens(textB);
  // Tokens are compared without their trailing spaces, so "Steady " still matches "Steady" when a
  // comma was typed after it; a changed space is then reported on its own.
  const ids = new Map<string, number>();
  const idsOf = (tokens: string[]): Int32Array => {
    const out = new Int32Array(tokens.length);
    tokens.forEach((token, i) => {
      const core = coreOf(token);
      let id = ids.get(core);
      if (id === undefined) {
        id = ids.size;
        ids.set(core, id);
      }
      out[i] = id;
    });
    return out;
  };
  const { runs, gaveUp } = diffSequences(idsOf(tokensA), idsOf(tokensB));
  const offsetsA = tokenOffsets(tokensA);
  const offsetsB = tokenOffsets(tokensB);

  const builder = new SegmentBuilder();
  const sideA = new RunCursor(before);
  const sideB = new RunCursor(after);
  let ta = 0;
  let tb = 0;
  for (const run of runs) {
    if (run.op === 'equal') {
      const fromA = offsetsA[ta] ?? 0;
      const toA = offsetsA[ta + run.count] ?? 0;
      const fromB = offsetsB[tb] ?? 0;
      const toB = offsetsB[tb + run.count] ?? 0;
      if (textA.slice(fromA, toA) === textB.slice(fromB, toB)) {
        emitEqual(builder, sideA, fromA, toA, sideB, fromB);
      } else {
        // Some matched tokens differ in their trailing spaces: go token by token.
        for (let k = 0; k < run.count; k++) {
          const tokenA = tokensA[ta + k] ?? '';
          const tokenB = tokensB[tb + k] ?? '';
          const startA = offsetsA[ta + k] ?? 0;
          const startB = offsetsB[tb + k] ?? 0;
          const core = coreOf(tokenA).length;
          if (tokenA === tokenB) {
            emitEqual(builder, sideA, startA, startA + tokenA.length, sideB, startB);
            continue;
          }
          emitEqual(builder, sideA, startA, startA + core, sideB, startB);
          emitSide(builder, 'delete', sideA, startA + core, startA + tokenA.length);
          emitSide(builder, 'insert', sideB, startB + core, startB + tokenB.length);
        }
      }
      ta += run.count;
      tb += run.count;
    } else if (run.op === 'delete') {
      emitSide(builder, 'delete', sideA, offsetsA[ta] ?? 0, offsetsA[ta + run.count] ?? 0);
      ta += run.count;
    } else {
      emitSide(builder, 'insert', sideB, offsetsB[tb] ?? 0, offsetsB[tb + run.count] ?? 0);
      tb += run.count;
    }
  }
  const segments = builder.segments;
  return { segments, insertedChars: countChars(segments, 'insert'), deletedChars: countChars(segments, 'delete'), gaveUp };
}

/** Runs as segments all of one op: an unchanged, wholly inserted or wholly deleted block. */
export function wholeSegments(runs: readonly InlineRun[], op: 'equal' | 'insert' | 'delete'): DiffSegment[] {
  const builder = new SegmentBuilder();
  for (const run of runs) builder.add(op, run.text, run);
  return builder.segments;
}

/** Unicode characters (code points) in the segments of one op. */
export function countChars(segments: readonly DiffSegment[], op: DiffSegmentOp): number {
  let count = 0;
  for (const segment of segments) if (segment.op === op) count += codePoints(segment.text);
  return count;
}

function codePoints(text: string): number {
  let count = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xdc00 && code <= 0xdfff) count--;
  }
  return count;
}

/** A token without its trailing spaces (a token of spaces only stays as it is). */
function coreOf(token: string): string {
  return token.replace(/[^\S\n]+$/, '') || token;
}

function joinRuns(runs: readonly InlineRun[]): string {
  return runs.map((run) => run.text).join('');
}

function tokenOffsets(tokens: string[]): number[] {
  const offsets = [0];
  let at = 0;
  for (const token of tokens) {
    at += token.length;
    offsets.push(at);
  }
  return offsets;
}

/** Walks one side's runs forwards: the run holding a character offset, and where it ends. */
class RunCursor {
  private index = 0;
  private start = 0;

  constructor(private readonly runs: readonly InlineRun[]) {}

  /** The run containing `offset` and the offset where it ends (offsets only ever increase). */
  at(offset: number): { run: InlineRun; end: number } {
    let run = this.runs[this.index];
    while (run && this.start + run.text.length <= offset) {
      this.start += run.text.length;
      this.index++;
      run = this.runs[this.index];
    }
    if (!run) throw new AppError('internal', `Comparing the two versions failed: text offset ${offset} is past the end of the text.`, { kind: 'diff-failed' });
    return { run, end: this.start + run.text.length };
  }

  text(from: number, to: number): string {
    const { run } = this.at(from);
    return run.text.slice(from - this.start, to - this.start);
  }
}

function emitSide(builder: SegmentBuilder, op: 'insert' | 'delete', side: RunCursor, from: number, to: number): void {
  let at = from;
  while (at < to) {
    const { run, end } = side.at(at);
    const stop = Math.min(end, to);
    builder.add(op, side.text(at, stop), run);
    at = stop;
  }
}

/** Text kept in both: equal where the marks match, `format` where they differ. */
function emitEqual(builder: SegmentBuilder, sideA: RunCursor, fromA: number, toA: number, sideB: RunCursor, fromB: number): void {
  let a = fromA;
  let b = fromB;
  while (a < toA) {
    const inA = sideA.at(a);
    const inB = sideB.at(b);
    const length = Math.min(inA.end - a, inB.end - b, toA - a);
    const text = sideB.text(b, b + length);
    if (inA.run.markKey === inB.run.markKey) builder.add('equal', text, inB.run);
    else builder.add('format', text, inB.run, inA.run);
    a += length;
    b += length;
  }
}

/** Collects segments, merging each into the previous one when op and marks are the same. */
class SegmentBuilder {
  readonly segments: DiffSegment[] = [];
  private lastKey = '';

  add(op: DiffSegmentOp, text: string, style: InlineRun, styleBefore?: InlineRun): void {
    if (text === '') return;
    const key = `${op}\u0000${styleKeyOf(style)}\u0000${styleBefore?.markKey ?? ''}`;
    const last = this.segments[this.segments.length - 1];
    if (last && key === this.lastKey) {
      last.text += text;
      return;
    }
    const segment: DiffSegment = { op, text };
    if (style.marks.length > 0) segment.marks = [...style.marks];
    if (style.href !== undefined) segment.href = style.href;
    if (style.pending) segment.pending = { ...style.pending };
    if (styleBefore) {
      segment.marksBefore = [...styleBefore.marks];
      if (styleBefore.href !== undefined) segment.hrefBefore = styleBefore.href;
    }
    this.segments.push(segment);
    this.lastKey = key;
  }
}
