// Runs in: renderer. One library row: headline, status, section, tags, bylines, last change, actions.
import { memo } from 'react';
import type { ArticleSummary } from '../../../common/article';
import { useRenderProbe } from '../../kit/use-render-probe';
import { useI18nStore } from '../../i18n/i18n-store';
import { useT } from '../../i18n/use-t';
import { StatusBadge } from '../status/status-badge';
import { formatUpdated } from './format-updated';

export interface ArticleRowProps {
  item: ArticleSummary;
  onOpen(id: string): void;
  onDuplicate(id: string): void;
  onTrash(item: ArticleSummary): void;
}

/** Memoised: a row whose summary and actions are the same objects is not rendered again. */
export const ArticleRow = memo(function ArticleRow({ item, onOpen, onDuplicate, onTrash }: ArticleRowProps) {
  useRenderProbe('ArticleRow');
  const t = useT();
  const locale = useI18nStore((s) => s.locale);
  const title = item.headline.trim() || t('library.untitled');
  return (
    <div className="article-row">
      <div className="article-row-main">
        <span className={`row-title ${item.headline.trim() ? '' : 'untitled'}`} onDoubleClick={() => onOpen(item.id)}>
          {title}
        </span>
        <div className="row-meta">
          <StatusBadge status={item.status} />
          {item.section ? <span className="row-section">{item.section}</span> : null}
          {item.bylines.length > 0 ? <span className="row-bylines">{item.bylines.join(', ')}</span> : null}
          {item.tags.length > 0 ? <span className="row-tags">{item.tags.map((tag) => `#${tag}`).join(' ')}</span> : null}
          <time dateTime={item.updatedAt} title={item.updatedAt}>
            {formatUpdated(item.updatedAt, locale)}
          </time>
        </div>
      </div>
      <div className="row-actions">
        <button type="button" aria-label={t('library.openNamed', { headline: title })} onClick={() => onOpen(item.id)}>
          {t('library.open')}
        </button>
        <button type="button" aria-label={t('library.duplicateNamed', { headline: title })} onClick={() => onDuplicate(item.id)}>
          {t('library.duplicate')}
        </button>
        <button type="button" className="danger" aria-label={t('library.trashNamed', { headline: title })} onClick={() => onTrash(item)}>
          {t('library.trash')}
        </button>
      </div>
    </div>
  );
});
