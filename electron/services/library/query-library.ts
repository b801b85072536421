// Runs in: services. Filters and orders the library list: by trash, status, section and tag,
// then by search relevance when there is a query, else by last change; then one page of it. The snapshot holds what
// every query needs (lookup by id, sections, tags) and is rebuilt only when the library changes.
import type { ArticleSummary } from '../../../common/article';
import type { ListFilter, ListResult } from '../../../common/contract';
import type { SearchPage } from '../search/search-page';

export interface LibrarySnapshot {
  /** Newest change first. */
  summaries: readonly ArticleSummary[];
  byId: ReadonlyMap<string, ArticleSummary>;
  sections: string[];
  tags: string[];
  live: number;
  /** Lists already filtered for a filter without words (keyed by the filter): the next page is a slice. */
  filtered: Map<string, readonly ArticleSummary[]>;
  /** Ids of the trashed articles: what a search of the plain list leaves out. */
  trashedIds: string[];
}

/** More trashed articles than this and a search sends every match to be filtered here instead. */
const MAX_EXCLUDED = 5000;

/** Filters without words kept per snapshot (status × section × tag × trash choices are few at a time). */
const KEPT_FILTERS = 16;

export function librarySnapshot(summaries: readonly ArticleSummary[]): LibrarySnapshot {
  const live = summaries.filter((s) => s.trashedAt === null);
  return {
    summaries,
    byId: new Map(summaries.map((s) => [s.id, s])),
    sections: uniqueSorted(live.map((s) => s.section)),
    tags: uniqueSorted(live.flatMap((s) => s.tags)),
    live: live.length,
    filtered: new Map(),
    trashedIds: summaries.filter((s) => s.trashedAt !== null).map((s) => s.id),
  };
}

/**
 * What a search may ask of the index for this filter instead of every match: the ids up to the end
 * of the page, the trashed left out. Null when the filter chooses a status, desk or tag (only the
 * summaries know those), shows the trash or every match, or too many articles are trashed.
 */
export function searchPageFor(snapshot: LibrarySnapshot, filter: ListFilter): SearchPage | null {
  const plain = !filter.trashed && filter.status === null && filter.section === null && filter.tag === null;
  if (!plain || filter.limit === null || snapshot.trashedIds.length > MAX_EXCLUDED) return null;
  return { limit: filter.offset + filter.limit, exclude: snapshot.trashedIds };
}

/**
 * `searchHits` are ids in relevance order, or null when the filter has no query. With `searchTotal`
 * they are only the first ids a `searchPageFor` page asked for, and `searchTotal` counts every match.
 */
export function queryLibrary(snapshot: LibrarySnapshot, filter: ListFilter, searchHits: readonly string[] | null, searchTotal?: number): Omit<ListResult, 'indexing'> {
  const tag = filter.tag?.toLocaleLowerCase() ?? null;
  const matches = (s: ArticleSummary) =>
    (filter.trashed ? s.trashedAt !== null : s.trashedAt === null) &&
    (filter.status === null || s.status === filter.status) &&
    (filter.section === null || s.section === filter.section) &&
    (tag === null || s.tags.some((t) => t.toLocaleLowerCase() === tag));

  let items: readonly ArticleSummary[];
  if (searchHits) {
    const found: ArticleSummary[] = [];
    for (const id of searchHits) {
      const s = snapshot.byId.get(id);
      if (s && matches(s)) found.push(s);
    }
    items = found;
  } else {
    // At 100k articles filtering every summary costs more than the rest of a list request: once per snapshot.
    const key = JSON.stringify([filter.trashed, filter.status, filter.section, tag]);
    let kept = snapshot.filtered.get(key);
    if (!kept) {
      const list = snapshot.summaries.filter(matches);
      if (filter.trashed) list.sort((a, b) => ((a.trashedAt ?? '') < (b.trashedAt ?? '') ? 1 : (a.trashedAt ?? '') > (b.trashedAt ?? '') ? -1 : 0));
      if (snapshot.filtered.size >= KEPT_FILTERS) snapshot.filtered.clear();
      snapshot.filtered.set(key, list);
      kept = list;
    }
    items = kept;
  }
  // A copy even of every item: the kept list must not be handed out.
  const page = items.slice(filter.offset, filter.limit === null ? undefined : filter.offset + filter.limit);
  return { items: page, matched: searchHits && searchTotal !== undefined ? searchTotal : items.length, sections: snapshot.sections, tags: snapshot.tags, total: snapshot.live };
}

function uniqueSorted(values: string[]): string[] {
  return [...new Set(values.filter((v) => v.trim().length > 0))].sort((a, b) => a.localeCompare(b));
}
