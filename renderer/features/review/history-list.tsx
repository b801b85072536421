// Runs in: renderer. The article's workflow history: who did what, when, with their note.
import type { WorkflowEvent } from '../../../common/workflow/workflow-event';
import type { MessageKey } from '../../i18n/messages/catalogues';
import { useLocale, useT } from '../../i18n/use-t';
import { formatMoment } from '../../i18n/format-moment';

export function HistoryList({ events }: { events: readonly WorkflowEvent[] }) {
  const t = useT();
  const locale = useLocale();
  return (
    <section className="review-history" aria-label={t('review.history')}>
      <h3>{t('review.history')}</h3>
      {events.length === 0 ? <p className="hint">{t('review.history.none')}</p> : null}
      <ol>
        {[...events].reverse().map((e) => (
          <li key={e.id}>
            <span>
              {t('review.history.event', {
                name: e.by.name,
                action: t(`review.event.${e.action}` as MessageKey),
                from: t(`article.status.${e.from}` as MessageKey),
                to: t(`article.status.${e.to}` as MessageKey),
              })}
            </span>{' '}
            <time dateTime={e.at}>{formatMoment(e.at, locale)}</time>
            {e.note ? <blockquote className="review-note">{e.note}</blockquote> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
