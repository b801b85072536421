// Runs in: renderer. The windowed list of the library (or the trash), or what to say when it is
// empty. It renders when the rows or their count change, not while a question is out (an empty
// list keeps saying so until an answer has rows); each row is memoised, so an answer that repeats
// a row leaves it alone.
import type { ReactNode } from 'react';
import type { ArticleSummary } from '../../../common/article';
import { useRenderProbe } from '../../kit/use-render-probe';
import { useStores } from '../../stores/stores-context';
import { useT } from '../../i18n/use-t';
import { emptyListMessage } from './library-count';
import { VirtualList } from './virtual-list';

export const ROW_HEIGHT = 64;

export interface LibraryListProps {
  trashed: boolean;
  /** Keep it stable (useCallback): a new function renders every row again. */
  renderItem(item: ArticleSummary): ReactNode;
  onNearEnd(until: number): void;
}

const getKey = (item: ArticleSummary): string => item.id;

export function LibraryList({ trashed, renderItem, onNearEnd }: LibraryListProps) {
  useRenderProbe('LibraryList');
  const t = useT();
  const { library } = useStores();
  const items = library((s) => s.items);
  const matched = library((s) => s.matched);
  // Empty once an answer said so; it stays said while a newer question is out (no flicker per key).
  // While the library is still read at start, no rows yet is not an empty library.
  const empty = library((s) => s.items.length === 0 && (s.answered !== null || !s.loading) && s.reading === null);
  const emptyTitle = library((s) => emptyListMessage({ trashed, filter: s.answered ?? s.filter, libraryTotal: s.total }).title);
  const emptyHint = library((s) => emptyListMessage({ trashed, filter: s.answered ?? s.filter, libraryTotal: s.total }).hint);
  if (empty) {
    return (
      <div className="empty">
        <h2 className="empty-title">{t(emptyTitle)}</h2>
        {emptyHint ? <p className="empty-hint">{t(emptyHint)}</p> : null}
      </div>
    );
  }
  return (
    <VirtualList
      items={items}
      rowHeight={ROW_HEIGHT}
      label={trashed ? t('trash.listLabel') : t('library.listLabel')}
      getKey={getKey}
      count={matched}
      onNearEnd={onNearEnd}
      renderItem={renderItem}
    />
  );
}
