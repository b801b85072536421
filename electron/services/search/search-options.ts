// Runs in: services. The one MiniSearch configuration of the search index: how fields are
// tokenized and boosted. A snapshot, a bulk build and per-save updates all use it.
import type { Options } from 'minisearch';
import { tokenize } from '../../../common/search/search-tokenizer';
import type { SearchDoc } from './search-doc';

export const SEARCH_OPTIONS: Options<SearchDoc> = {
  idField: 'id',
  fields: ['headline', 'subheadline', 'summary', 'body', 'tags', 'bylines'],
  tokenize: (text) => tokenize(text),
  processTerm: (term) => term.toLowerCase(),
  searchOptions: { boost: { headline: 3, tags: 2, bylines: 2, subheadline: 1.5, summary: 1.5 } },
};
