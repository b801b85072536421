// Runs in: renderer (and services). Text statistics of a document, recounting only the top-level
// blocks an edit replaced: ProseMirror nodes are immutable, so an unchanged block is the same object.
import { readingMinutes, textStats, type TextStats } from './text-stats';

/** The part of a ProseMirror block node the cache reads. */
export interface StatsBlock {
  readonly textContent: string;
  /** ProseMirror's Node.textBetween: lets nested blocks and hard breaks separate words. */
  textBetween?(from: number, to: number, blockSeparator?: string, leafText?: string): string;
  readonly content?: { readonly size: number };
}

/** The part of a ProseMirror document node the cache reads. */
export interface StatsDocument {
  forEach(callback: (child: StatsBlock) => void): void;
}

export class BlockStatsCache {
  private readonly perBlock = new WeakMap<object, TextStats>();

  constructor(private readonly count: (text: string) => TextStats = textStats) {}

  /** Totals over the document's top-level blocks; unchanged blocks come from the cache. */
  statsOf(doc: StatsDocument): TextStats {
    let words = 0;
    let cjkChars = 0;
    doc.forEach((block) => {
      const stats = this.blockStats(block);
      words += stats.words;
      cjkChars += stats.cjkChars;
    });
    return { words, cjkChars, readingMinutes: readingMinutes(words, cjkChars) };
  }

  private blockStats(block: StatsBlock): TextStats {
    const cached = this.perBlock.get(block);
    if (cached) return cached;
    const stats = this.count(blockText(block));
    this.perBlock.set(block, stats);
    return stats;
  }
}

function blockText(block: StatsBlock): string {
  if (typeof block.textBetween === 'function' && block.content) {
    return block.textBetween(0, block.content.size, '\n', '\n');
  }
  return block.textContent;
}
