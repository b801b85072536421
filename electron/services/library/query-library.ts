// Runs in: services. Filters and orders the library list: by trash, status, section and tag,
// then by search relevance when there is a query, else by last change; then one page of it. The snapshot holds what
// every query needs (lookup by id, sections, tags) and is rebuilt only when the library changes.
import type { ArticleSummary } from '../../../common/article';
import type { ListFilter, ListResult } from '../../../common/contract';

export interface LibrarySnapshot {
  /** Newest change first. */
  summaries: readonly ArticleSummary[];
  byId: ReadonlyMap<string, ArticleSummary>;
  sections: string[];
  tags: string[];
  live: number;
}

export function librarySnapshot(summaries: readonly ArticleSummary[]): LibrarySnapshot {
  const live = summaries.filter((s) => s.trashedAt === null);
  return {
    summaries,
    byId: new Map(summaries.map((s) => [s.id, s])),
    sections: uniqueSorted(live.map((s) => s.section)),
    tags: uniqueSorted(live.flatMap((s) => s.tags)),
    live: live.length,
  };
}

/** `searchHits` are ids in relevance order, or null when the filter has no query. */
export function queryLibrary(snapshot: LibrarySnapshot, filter: ListFilter, searchHits: readonly string[] | null): Omit<ListResult, 'indexing'> {
  const tag = filter.tag?.toLocaleLowerCase() ?? null;
  const matches = (s: ArticleSummary) =>
    (filter.trashed ? s.trashedAt !== null : s.trashedAt === null) &&
    (filter.status === null || s.status === filter.status) &&
    (filter.section === null || s.section === filter.section) &&
    (tag === null || s.tags.some((t) => t.toLocaleLowerCase() === tag));

  let items: ArticleSummary[];
  if (searchHits) {
    items = [];
    for (const id of searchHits) {
      const s = snapshot.byId.get(id);
      if (s && matches(s)) items.push(s);
    }
  } else {
    items = snapshot.summaries.filter(matches);
    if (filter.trashed) items.sort((a, b) => ((a.trashedAt ?? '') < (b.trashedAt ?? '') ? 1 : (a.trashedAt ?? '') > (b.trashedAt ?? '') ? -1 : 0));
  }
  const page = filter.offset === 0 && filter.limit === null ? items : items.slice(filter.offset, filter.limit === null ? undefined : filter.offset + filter.limit);
  return { items: page, matched: items.length, sections: snapshot.sections, tags: snapshot.tags, total: snapshot.live };
}

function uniqueSorted(values: string[]): string[] {
  return [...new Set(values.filter((v) => v.trim().length > 0))].sort((a, b) => a.localeCompare(b));
}
