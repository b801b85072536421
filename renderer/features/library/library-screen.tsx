// Runs in: renderer. The library (or the trash): filters, a windowed list of articles and their
// actions. The screen itself reads nothing that changes as a search is typed: the search box, the
// count line and the list each read their own part of the store, and the row actions are stable.
import { useCallback, useState } from 'react';
import type { ArticleSummary } from '../../../common/article';
import { ConfirmDialog } from '../../kit/confirm-dialog';
import { useRenderProbe } from '../../kit/use-render-probe';
import { useStores } from '../../stores/stores-context';
import { formatError } from '../../api/format-error';
import { useT } from '../../i18n/use-t';
import { ArticleRow } from './article-row';
import { LibraryFilters } from './library-filters';
import { LibraryList } from './library-list';
import { ListCount } from './list-count';
import { ProblemsAlert } from './problems-alert';
import { TrashedRow } from './trashed-row';
import { useLibraryEvents } from './use-library-events';

/** The notice of the latest article moved to the trash: a newer one replaces it. */
const TRASHED_NOTICE_KEY = 'library-trashed';

export { ROW_HEIGHT } from './library-list';

export interface LibraryScreenProps {
  trashed: boolean;
  onCommand(command: 'article.new'): void;
}

export function LibraryScreen({ trashed, onCommand }: LibraryScreenProps) {
  useRenderProbe('LibraryScreen');
  const t = useT();
  const { library, article, ui } = useStores();
  const error = library((s) => s.error);
  const [purging, setPurging] = useState<ArticleSummary | null>(null);
  useLibraryEvents();

  const guard = useCallback(
    (work: () => Promise<unknown>): void => {
      work().catch((err: unknown) => ui.getState().showError(err));
    },
    [ui],
  );
  const handleOpen = useCallback(
    (id: string): void =>
      guard(async () => {
        await article.getState().open(id);
        ui.getState().setView('article');
      }),
    [guard, article, ui],
  );
  const handleDuplicate = useCallback(
    (id: string): void =>
      guard(async () => {
        const copy = await library.getState().duplicate(id);
        ui.getState().showInfo(t('library.duplicated', { headline: copy.headline.trim() || t('library.untitled') }));
      }),
    [guard, library, ui, t],
  );
  const handleTrash = useCallback(
    (item: ArticleSummary): void =>
      guard(async () => {
        await library.getState().trash(item.id);
        // One notice for the latest trash (the others are in the Trash), with the way back.
        const notice = ui.getState().notify({
          kind: 'info',
          key: TRASHED_NOTICE_KEY,
          message: t('library.trashed', { headline: item.headline.trim() || t('library.untitled') }),
          action: {
            label: t('library.undoTrash'),
            run: () => {
              ui.getState().dismiss(notice);
              guard(() => library.getState().restore(item.id));
            },
          },
        });
      }),
    [guard, library, ui, t],
  );
  const handleNearEnd = useCallback(
    (until: number): void => {
      library.getState().loadMore(until).catch((err: unknown) => ui.getState().showError(err));
    },
    [library, ui],
  );
  const handleRestore = useCallback((id: string): void => guard(() => library.getState().restore(id)), [guard, library]);
  const handlePurge = (item: ArticleSummary): void => {
    setPurging(null);
    guard(() => library.getState().purge(item.id));
  };
  const renderItem = useCallback(
    (item: ArticleSummary) =>
      trashed ? (
        <TrashedRow item={item} onRestore={handleRestore} onPurge={setPurging} />
      ) : (
        <ArticleRow item={item} onOpen={handleOpen} onDuplicate={handleDuplicate} onTrash={handleTrash} />
      ),
    [trashed, handleRestore, handleOpen, handleDuplicate, handleTrash, setPurging],
  );

  const listError = error ? formatError(error) : null;
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
      <ListCount trashed={trashed} />
      <LibraryList trashed={trashed} renderItem={renderItem} onNearEnd={handleNearEnd} />
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
