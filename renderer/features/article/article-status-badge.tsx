// Runs in: renderer. The open story's status in the article header; the review sync and every
// workflow action keep it current (review.articleChanged), so it agrees with the library and queue.
import { useStores } from '../../stores/stores-context';
import { useT } from '../../i18n/use-t';
import { StatusBadge } from '../status/status-badge';

export function ArticleStatusBadge() {
  const t = useT();
  const { article } = useStores();
  const status = article((s) => s.article?.status ?? null);
  if (!status) return null;
  return (
    <span className="article-status">
      <span className="visually-hidden">{t('article.statusPrefix')} </span>
      <StatusBadge status={status} />
    </span>
  );
}
