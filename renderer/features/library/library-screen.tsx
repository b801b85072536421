// Runs in: renderer. The library (or the trash): filters, a windowed list of articles and their actions.
import { useCallback, useState } from 'react';
import type { ArticleSummary } from '../../../common/article';
import { ConfirmDialog } from '../../kit/confirm-dialog';
import { useStores } from '../../stores/stores-context';
import { formatError } from '../../api/format-error';
import { useI18nStore } from '../../i18n/i18n-store';
import { useT } from '../../i18n/use-t';
import { ArticleRow } from './article-row';
import { emptyListMessage, indexingLabel, libraryCountLabel } from './library-count';
import { LibraryFilters } from './library-filters';
import { ProblemsAlert } from './problems-alert';
import { TrashedRow } from './trashed-row';
import { useLibraryEvents } from './use-library-events';
import { VirtualList } from './virtual-list';

export const ROW_HEIGHT = 64;

export interface LibraryScreenProps {
  trashed: boolean;
  onCommand(command: 'article.new'): void;
}

export function LibraryScreen({ trashed, onCommand }: LibraryScreenProps) {
  const t = useT();
  const locale = useI18nStore((s) => s.locale);
  const { library, article, ui } = useStores();
  const items = library((s) => s.items);
  const total = library((s) => s.total);
  const matched = library((s) => s.matched);
  const indexing = library((s) => s.indexing);
  const filter = library((s) => s.filter);
  const loading = library((s) => s.loading);
  const error = library((s) => s.error);
  const [purging, setPurging] = useState<ArticleSummary | null>(null);
  useLibraryEvents();

  const guard = (work: () => Promise<unknown>): void => {
    work().catch((err: unknown) => ui.getState().showError(err));
  };
  const handleOpen = (id: string): void =>
    guard(async () => {
      await article.getState().open(id);
      ui.getState().setView('article');
    });
  const handleDuplicate = (id: string): void =>
    guard(async () => {
      const copy = await library.getState().duplicate(id);
      ui.getState().showInfo(t('library.duplicated', { headline: copy.headline.trim() || t('library.untitled') }));
    });
  const handleTrash = (item: ArticleSummary): void =>
    guard(async () => {
      await library.getState().trash(item.id);
      ui.getState().showInfo(t('library.trashed', { headline: item.headline.trim() || t('library.untitled') }));
    });
  const handleNearEnd = useCallback((until: number): void => {
    library.getState().loadMore(until).catch((err: unknown) => ui.getState().showError(err));
  }, [library, ui]);
  const handleRestore = (id: string): void => guard(() => library.getState().restore(id));
  const handlePurge = (item: ArticleSummary): void => {
    setPurging(null);
    guard(() => library.getState().purge(item.id));
  };

  const listError = error ? formatError(error) : null;
  const stillIndexing = trashed ? null : indexingLabel(filter, indexing, locale);
  const empty = emptyListMessage({ trashed, filter, libraryTotal: total });
  return (
    <section className="library" aria-labelledby="library-title">
      <div className="library-header">
        <h1 id="library-title">{trashed ? t('trash.title') : t('library.title')}</h1>
        {trashed ? null : (
          <button type="button" className="primary" onClick={() => onCommand('article.new')}>
            {t('library.new')}
          </button>
        )}
      </div>
      {trashed ? null : <ProblemsAlert />}
      <LibraryFilters />
      {listError ? (
        <div className="notice notice-error" role="alert">
          <strong>{listError.message}</strong> <span className="notice-detail">{listError.detail}</span>
          <button type="button" onClick={() => guard(() => library.getState().refresh())}>
            {t('app.retry')}
          </button>
        </div>
      ) : null}
      <p className="list-count" aria-live="polite" aria-busy={loading}>
        {libraryCountLabel({ trashed, filter, shown: matched, libraryTotal: total }, locale)}
      </p>
      {stillIndexing ? (
        <p className="list-indexing" role="status">
          {stillIndexing}
        </p>
      ) : null}
      {items.length === 0 && !loading ? (
        <div className="empty">
          <h2 className="empty-title">{t(empty.title)}</h2>
          {empty.hint ? <p className="empty-hint">{t(empty.hint)}</p> : null}
        </div>
      ) : (
        <VirtualList
          items={items}
          rowHeight={ROW_HEIGHT}
          label={trashed ? t('trash.listLabel') : t('library.listLabel')}
          getKey={(item) => item.id}
          count={matched}
          onNearEnd={handleNearEnd}
          renderItem={(item) =>
            trashed ? (
              <TrashedRow item={item} onRestore={handleRestore} onPurge={setPurging} />
            ) : (
              <ArticleRow item={item} onOpen={handleOpen} onDuplicate={handleDuplicate} onTrash={handleTrash} />
            )
          }
        />
      )}
      {purging ? (
        <ConfirmDialog
          title={t('trash.confirmTitle')}
          message={t('trash.confirmMessage', { headline: purging.headline.trim() || t('library.untitled') })}
          confirmLabel={t('trash.purge')}
          danger
          onConfirm={() => handlePurge(purging)}
          onCancel={() => setPurging(null)}
        />
      ) : null}
    </section>
  );
}
