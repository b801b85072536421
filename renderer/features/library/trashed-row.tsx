// Runs in: renderer. One trash row: headline, when it was trashed, Restore and Delete permanently.
import { memo } from 'react';
import type { ArticleSummary } from '../../../common/article';
import { useRenderProbe } from '../../kit/use-render-probe';
import { useI18nStore } from '../../i18n/i18n-store';
import { useT } from '../../i18n/use-t';
import { formatUpdated } from './format-updated';

export interface TrashedRowProps {
  item: ArticleSummary;
  onRestore(id: string): void;
  onPurge(item: ArticleSummary): void;
}

/** Memoised: a row whose summary and actions are the same objects is not rendered again. */
export const TrashedRow = memo(function TrashedRow({ item, onRestore, onPurge }: TrashedRowProps) {
  useRenderProbe('TrashedRow');
  const t = useT();
  const locale = useI18nStore((s) => s.locale);
  const title = item.headline.trim() || t('library.untitled');
  const trashedAt = item.trashedAt ?? item.updatedAt;
  return (
    <div className="article-row">
      <div className="article-row-main">
        <span className={`row-title ${item.headline.trim() ? '' : 'untitled'}`}>{title}</span>
        <div className="row-meta">
          <span className={`status-badge status-${item.status}`}>{t(`article.status.${item.status}`)}</span>
          {item.section ? <span className="row-section">{item.section}</span> : null}
          <span>
            {t('trash.trashedAt')} <time dateTime={trashedAt}>{formatUpdated(trashedAt, locale)}</time>
          </span>
        </div>
      </div>
      <div className="row-actions">
        <button type="button" aria-label={t('trash.restoreNamed', { headline: title })} onClick={() => onRestore(item.id)}>
          {t('trash.restore')}
        </button>
        <button type="button" className="danger" aria-label={t('trash.purgeNamed', { headline: title })} onClick={() => onPurge(item)}>
          {t('trash.purge')}
        </button>
      </div>
    </div>
  );
});
