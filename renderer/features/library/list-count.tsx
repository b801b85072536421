// Runs in: renderer. The line above the list: how many articles the list on screen holds (of how
// many, when narrowed), busy while a newer question is out; and, while the search index catches
// up, how many it may still miss; while the library is still read at start, how far that is. Both speak of the answer on screen, never of words not yet answered.
import { useRenderProbe } from '../../kit/use-render-probe';
import { useI18nStore } from '../../i18n/i18n-store';
import { useStores } from '../../stores/stores-context';
import { indexingLabel, libraryCountLabel, readingLabel } from './library-count';

export function ListCount({ trashed }: { trashed: boolean }) {
  useRenderProbe('ListCount');
  const locale = useI18nStore((s) => s.locale);
  const { library } = useStores();
  const label = library((s) => libraryCountLabel({ trashed, filter: s.answered ?? s.filter, shown: s.matched, libraryTotal: s.total }, locale));
  const loading = library((s) => s.loading);
  const stillIndexing = library((s) => (trashed ? null : indexingLabel(s.answered ?? s.filter, s.indexing, locale)));
  const stillReading = library((s) => (trashed ? null : readingLabel(s.reading, locale)));
  return (
    <>
      <p className="list-count" aria-live="polite" aria-busy={loading}>
        {label}
      </p>
      {stillReading ? (
        <p className="list-reading" role="status">
          {stillReading}
        </p>
      ) : null}
      {stillIndexing ? (
        <p className="list-indexing" role="status">
          {stillIndexing}
        </p>
      ) : null}
    </>
  );
}
