// Runs in: services. What the search index indexes of an article and how much each field weighs:
// one place for the index, its snapshots and the benchmark's baseline.
import type { SearchDoc } from './search-doc';

export const SEARCH_FIELDS = ['headline', 'subheadline', 'summary', 'body', 'tags', 'bylines'] as const satisfies readonly (keyof SearchDoc)[];
export type SearchField = (typeof SEARCH_FIELDS)[number];

/** A match in the headline counts three times one in the body. */
export const FIELD_BOOSTS: Readonly<Record<SearchField, number>> = { headline: 3, subheadline: 1.5, summary: 1.5, body: 1, tags: 2, bylines: 2 };
