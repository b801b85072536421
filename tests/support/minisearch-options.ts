// Runs in: tests and benchmarks (node). The search index as it was MiniSearch's: the same fields,
// boosts and tokenizer, for checking that the index of our own ranks alike and for same-run
// baselines. Queries go in as the app's query terms, each term one MiniSearch query.
import MiniSearch, { type Options, type Query } from 'minisearch';
import { searchQueryTerms } from '../../common/search/search-query-terms';
import { tokenize } from '../../common/search/search-tokenizer';
import type { SearchDoc } from '../../electron/services/search/search-doc';
import { FIELD_BOOSTS, SEARCH_FIELDS } from '../../electron/services/search/search-options';

export const MINISEARCH_OPTIONS: Options<SearchDoc> = {
  idField: 'id',
  fields: [...SEARCH_FIELDS],
  tokenize: (text) => tokenize(text),
  processTerm: (term) => term.toLowerCase(),
  searchOptions: { boost: { ...FIELD_BOOSTS } },
};

/** Ids and scores, best first, as the app asked MiniSearch before the index was its own. */
export function miniSearchScored(mini: MiniSearch<SearchDoc>, query: string): { id: string; score: number }[] {
  const terms = searchQueryTerms(query);
  if (terms.length === 0) return [];
  const tree: Query = {
    combineWith: 'AND',
    queries: terms.map((t) => ({ queries: [t.term], prefix: t.prefix, fuzzy: false, tokenize: (s: string) => [s] })),
  };
  return mini.search(tree).map((r) => ({ id: String(r.id), score: r.score }));
}
