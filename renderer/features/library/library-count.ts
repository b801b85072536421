// Runs in: renderer. What the library (or trash) says above its list: how many it shows, and what
// to say when it shows none.
import type { ListFilter } from '../../../common/contract';
import { translate, type Locale } from '../../i18n/i18n-store';
import { numberFormat } from '../../i18n/number-format';
import type { MessageKey } from '../../i18n/messages/catalogues';

export interface LibraryCountInput {
  trashed: boolean;
  filter: Omit<ListFilter, 'offset' | 'limit'>;
  /** Articles matching the search and the filters, over all pages (not only the loaded ones). */
  shown: number;
  /** Articles in the library (outside the trash), whatever the filter. */
  libraryTotal: number;
}

/** True when a search or a filter narrows the list. */
export function isFiltered(filter: LibraryCountInput['filter']): boolean {
  return filter.query.trim() !== '' || filter.status !== null || filter.section !== null || filter.tag !== null;
}

export function libraryCountLabel({ trashed, filter, shown, libraryTotal }: LibraryCountInput, locale: Locale): string {
  const number = numberFormat(locale);
  const count = number.format(shown);
  if (trashed) {
    if (isFiltered(filter)) return translate(locale, shown === 1 ? 'trash.countFilteredOne' : 'trash.countFiltered', { count });
    return translate(locale, shown === 1 ? 'trash.countOne' : 'trash.count', { count });
  }
  if (isFiltered(filter)) return translate(locale, 'library.countFiltered', { count, total: number.format(libraryTotal) });
  return translate(locale, shown === 1 ? 'library.countOne' : 'library.count', { count });
}

/** The empty list's title and hint: an empty library says how to start, a narrowed one that nothing matches. */
export function emptyListMessage({ trashed, filter, libraryTotal }: Omit<LibraryCountInput, 'shown'>): { title: MessageKey; hint: MessageKey | null } {
  if (isFiltered(filter)) return { title: 'library.noMatch', hint: 'library.noMatchHint' };
  if (trashed) return { title: 'trash.empty', hint: null };
  return libraryTotal === 0 ? { title: 'library.emptyTitle', hint: 'library.emptyHint' } : { title: 'library.noMatch', hint: null };
}

/** Said while the services still read the library at start (no or an outdated summaries cache). */
export function readingLabel(reading: { done: number; total: number } | null, locale: Locale): string | null {
  if (reading === null || reading.done >= reading.total) return null;
  const number = numberFormat(locale);
  return translate(locale, 'library.reading', { done: number.format(reading.done), total: number.format(reading.total) });
}

/** Said while the search index catches up: a search may miss these articles for now. Null when it need not be said. */
export function indexingLabel(filter: LibraryCountInput['filter'], indexing: number, locale: Locale): string | null {
  if (indexing <= 0 || filter.query.trim() === '') return null;
  return translate(locale, indexing === 1 ? 'library.indexingOne' : 'library.indexing', { count: numberFormat(locale).format(indexing) });
}
