// Runs in: services. Filters and orders the library list: by trash, status, section and tag,
// then by search relevance when there is a query, else by last change.
import type { ArticleSummary } from '../../../common/article';
import type { ListFilter, ListResult } from '../../../common/contract';

/** `searchHits` are ids in relevance order, or null when the filter has no query. */
export function queryLibrary(summaries: readonly ArticleSummary[], filter: ListFilter, searchHits: readonly string[] | null): ListResult {
  const live = summaries.filter((s) => s.trashedAt === null);
  const sections = uniqueSorted(live.map((s) => s.section));
  const tags = uniqueSorted(live.flatMap((s) => s.tags));
  const tag = filter.tag?.toLocaleLowerCase() ?? null;

  const matches = (s: ArticleSummary) =>
    (filter.trashed ? s.trashedAt !== null : s.trashedAt === null) &&
    (filter.status === null || s.status === filter.status) &&
    (filter.section === null || s.section === filter.section) &&
    (tag === null || s.tags.some((t) => t.toLocaleLowerCase() === tag));

  let items: ArticleSummary[];
  if (searchHits) {
    const byId = new Map(summaries.map((s) => [s.id, s]));
    items = [];
    for (const id of searchHits) {
      const s = byId.get(id);
      if (s && matches(s)) items.push(s);
    }
  } else {
    items = summaries.filter(matches);
    const key = filter.trashed ? (s: ArticleSummary) => s.trashedAt ?? '' : (s: ArticleSummary) => s.updatedAt;
    items.sort((a, b) => (key(a) < key(b) ? 1 : key(a) > key(b) ? -1 : 0));
  }
  return { items, sections, tags, total: live.length };
}

function uniqueSorted(values: string[]): string[] {
  return [...new Set(values.filter((v) => v.trim().length > 0))].sort((a, b) => a.localeCompare(b));
}
