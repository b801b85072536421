// Runs in: services. The library's entries by id, and their summaries kept in list order (newest
// change first, then by id), so listing never sorts the whole library again: a save moves one
// summary by binary search. Only a bulk load (the start) sorts, once, on the first list after it,
// and not even then when it came in list order (the summaries cache is written in that order).
import type { ArticleSummary } from '../../../common/article';
import type { IndexEntry } from './library-index-cache';

export class LibraryEntries {
  private readonly byId = new Map<string, IndexEntry>();
  /** Newest change first; null until the first list after a bulk load. */
  private order: ArticleSummary[] | null = [];

  get size(): number {
    return this.byId.size;
  }

  get(id: string): IndexEntry | undefined {
    return this.byId.get(id);
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /**
   * Cached entries at the start: the order is rebuilt on the next list, not per entry. An article
   * already known (saved, trashed or read since the start) keeps its newer entry.
   */
  load(entries: Iterable<[string, IndexEntry]>): void {
    for (const [id, entry] of entries) if (!this.byId.has(id)) this.byId.set(id, entry);
    this.order = null;
  }

  set(id: string, entry: IndexEntry): void {
    const old = this.byId.get(id);
    this.byId.set(id, entry);
    if (!this.order) return;
    if (old) this.order.splice(this.indexOf(old.summary), 1);
    this.order.splice(insertionPoint(this.order, entry.summary), 0, entry.summary);
  }

  delete(id: string): boolean {
    const old = this.byId.get(id);
    if (!old) return false;
    this.byId.delete(id);
    if (this.order) this.order.splice(this.indexOf(old.summary), 1);
    return true;
  }

  /** Every summary, newest change first (a copy: callers may keep it). */
  list(): ArticleSummary[] {
    if (!this.order) {
      const summaries = [...this.byId.values()].map((e) => e.summary);
      this.order = inOrder(summaries) ? summaries : summaries.sort(compareSummaries);
    }
    return this.order.slice();
  }

  /** Every entry in list order (how the summaries cache is written, so the next start need not sort). */
  inListOrder(): [string, IndexEntry][] {
    return this.list().map((s) => [s.id, this.byId.get(s.id) as IndexEntry]);
  }

  private indexOf(summary: ArticleSummary): number {
    const at = insertionPoint(this.order ?? [], summary);
    // insertionPoint finds the first place not before `summary`: that is where it sits.
    return this.order?.[at]?.id === summary.id ? at : (this.order ?? []).findIndex((s) => s.id === summary.id);
  }
}

/** Newest change first; ids (unique) break ties so the order is total. */
export function compareSummaries(a: ArticleSummary, b: ArticleSummary): number {
  if (a.updatedAt !== b.updatedAt) return a.updatedAt < b.updatedAt ? 1 : -1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function inOrder(summaries: readonly ArticleSummary[]): boolean {
  for (let i = 1; i < summaries.length; i++) if (compareSummaries(summaries[i - 1] as ArticleSummary, summaries[i] as ArticleSummary) > 0) return false;
  return true;
}

function insertionPoint(order: readonly ArticleSummary[], summary: ArticleSummary): number {
  let low = 0;
  let high = order.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (compareSummaries(order[mid] as ArticleSummary, summary) < 0) low = mid + 1;
    else high = mid;
  }
  return low;
}
