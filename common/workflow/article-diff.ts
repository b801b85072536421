// Runs in: main, services, host and renderer. What changed between two versions of an article:
// the headline, summary and details that differ, and the body as blocks marked same, inserted,
// deleted or changed (with word-level, CJK character-level, insertions and deletions inside).
// Blocks are aligned with a Myers diff on their content, so a 100,000-word article with a few
// edits is compared in linear time; a wholesale rewrite degrades to whole blocks, never a hang.
import type { Article } from '../article';
import { diffBodyBlocks, plainRuns, shapeKey, type BodyBlock } from './diff-body-blocks';
import { diffFields } from './diff-fields';
import { countChars, diffInline, wholeSegments } from './diff-inline';
import type { ArticleDiff, DiffBlock, DiffBlockShape, DiffFigure } from './diff-model';
import { pairBlocks } from './diff-pair-blocks';
import { diffSequences } from './diff-sequences';

export * from './diff-model';
export { formatByline } from './diff-fields';

/** A stretch of the body where blocks were deleted and/or inserted, between unchanged ones. */
interface Hunk {
  deleted: BodyBlock[];
  inserted: BodyBlock[];
}

export function diffArticles(before: Article, after: Article): ArticleDiff {
  const blocksA = diffBodyBlocks(before.body);
  const blocksB = diffBodyBlocks(after.body);
  const ids = new Map<string, number>();
  const idsOf = (blocks: BodyBlock[]): Int32Array =>
    Int32Array.from(blocks, (block) => {
      let id = ids.get(block.key);
      if (id === undefined) {
        id = ids.size;
        ids.set(block.key, id);
      }
      return id;
    });
  const { runs, gaveUp } = diffSequences(idsOf(blocksA), idsOf(blocksB));

  // The body as unchanged blocks and hunks, in order.
  const parts: (BodyBlock | Hunk)[] = [];
  let ia = 0;
  let ib = 0;
  for (const run of runs) {
    if (run.op === 'equal') {
      for (let k = 0; k < run.count; k++) parts.push(blocksB[ib + k] as BodyBlock);
      ia += run.count;
      ib += run.count;
      continue;
    }
    let hunk = parts[parts.length - 1];
    if (!hunk || !isHunk(hunk)) {
      hunk = { deleted: [], inserted: [] };
      parts.push(hunk);
    }
    if (run.op === 'delete') {
      hunk.deleted.push(...blocksA.slice(ia, ia + run.count));
      ia += run.count;
    } else {
      hunk.inserted.push(...blocksB.slice(ib, ib + run.count));
      ib += run.count;
    }
  }

  // A block deleted in one place and inserted unchanged in another was moved.
  const deletedKeys = new Set<string>();
  const insertedKeys = new Set<string>();
  for (const part of parts) {
    if (!isHunk(part)) continue;
    for (const block of part.deleted) deletedKeys.add(block.key);
    for (const block of part.inserted) insertedKeys.add(block.key);
  }
  const moved = (block: BodyBlock): boolean => deletedKeys.has(block.key) && insertedKeys.has(block.key);

  const blocks: DiffBlock[] = [];
  let coarse = gaveUp;
  for (const part of parts) {
    if (!isHunk(part)) {
      blocks.push(wholeBlock(part, 'same', false));
      continue;
    }
    // After giving up on a wholesale rewrite nothing is paired: the blocks no longer line up.
    const pairs = gaveUp ? [] : pairBlocks(part.deleted, part.inserted, (block) => !moved(block));
    let nextDeleted = 0;
    let nextInserted = 0;
    const flush = (deletedEnd: number, insertedEnd: number): void => {
      for (; nextDeleted < deletedEnd; nextDeleted++) {
        const block = part.deleted[nextDeleted] as BodyBlock;
        blocks.push(wholeBlock(block, 'delete', moved(block)));
      }
      for (; nextInserted < insertedEnd; nextInserted++) {
        const block = part.inserted[nextInserted] as BodyBlock;
        blocks.push(wholeBlock(block, 'insert', moved(block)));
      }
    };
    for (const pair of pairs) {
      flush(pair.deleted, pair.inserted);
      const changed = changedBlock(part.deleted[pair.deleted] as BodyBlock, part.inserted[pair.inserted] as BodyBlock);
      coarse ||= changed.gaveUp;
      blocks.push(changed.block);
      nextDeleted++;
      nextInserted++;
    }
    flush(part.deleted.length, part.inserted.length);
  }

  let insertedChars = 0;
  let deletedChars = 0;
  let changedBlocks = 0;
  for (const block of blocks) {
    if (block.op === 'same') continue;
    changedBlocks++;
    for (const segments of [block.segments, block.figure?.alt ?? [], block.figure?.credit ?? []]) {
      insertedChars += countChars(segments, 'insert');
      deletedChars += countChars(segments, 'delete');
    }
  }
  const fields = diffFields(before, after);
  return {
    fields,
    blocks,
    stats: { insertedChars, deletedChars, changedBlocks, unchanged: fields.length === 0 && changedBlocks === 0, coarse },
  };
}

function isHunk(part: BodyBlock | Hunk): part is Hunk {
  return 'deleted' in part;
}

function shapeOf(block: BodyBlock): DiffBlockShape {
  const shape: DiffBlockShape = { kind: block.kind, containers: [...block.containers] };
  if (block.level !== undefined) shape.level = block.level;
  if (block.listItemStart) {
    shape.listItemStart = true;
    if (block.ordinal !== undefined) shape.ordinal = block.ordinal;
  }
  return shape;
}

function wholeBlock(block: BodyBlock, op: 'same' | 'insert' | 'delete', isMoved: boolean): DiffBlock {
  const segmentOp = op === 'same' ? 'equal' : op;
  const out: DiffBlock = { op, ...shapeOf(block), segments: wholeSegments(block.runs, segmentOp) };
  if (block.figure) {
    out.figure = {
      mediaId: block.figure.mediaId,
      lead: block.figure.lead,
      alt: wholeSegments(plainRuns(block.figure.alt), segmentOp),
      credit: wholeSegments(plainRuns(block.figure.credit), segmentOp),
    };
  }
  if (isMoved) out.moved = true;
  return out;
}

function changedBlock(a: BodyBlock, b: BodyBlock): { block: DiffBlock; gaveUp: boolean } {
  const text = diffInline(a.runs, b.runs);
  let gaveUp = text.gaveUp;
  const block: DiffBlock = { op: 'change', ...shapeOf(b), segments: text.segments };
  if (shapeKey(a) !== shapeKey(b)) block.shapeBefore = shapeOf(a);
  if (a.figure && b.figure) {
    const alt = diffInline(plainRuns(a.figure.alt), plainRuns(b.figure.alt));
    const credit = diffInline(plainRuns(a.figure.credit), plainRuns(b.figure.credit));
    gaveUp ||= alt.gaveUp || credit.gaveUp;
    const figure: DiffFigure = { mediaId: b.figure.mediaId, lead: b.figure.lead, alt: alt.segments, credit: credit.segments };
    if (a.figure.lead !== b.figure.lead) figure.leadBefore = a.figure.lead;
    block.figure = figure;
  }
  return { block, gaveUp };
}
