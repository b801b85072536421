// Runs in: renderer. The one way a story's status is shown: the library row, the article header
// and the review queue all use it, so the same status reads the same everywhere.
import type { ArticleStatus } from '../../../common/article';
import { useT } from '../../i18n/use-t';

export function StatusBadge({ status }: { status: ArticleStatus }) {
  const t = useT();
  return (
    <span className={`status-badge status-${status}`} data-status={status}>
      {t(`article.status.${status}`)}
    </span>
  );
}
