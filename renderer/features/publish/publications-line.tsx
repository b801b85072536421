// Runs in: renderer. Under the article toolbar: where this article went live, when, and its address.
import { useEffect } from 'react';
import type { PublicationRecord } from '../../../common/publish/publish-job';
import { useStores } from '../../stores/stores-context';
import { useI18nStore } from '../../i18n/i18n-store';
import { useT } from '../../i18n/use-t';
import { PublishedLink } from './published-link';
import { targetDisplayName } from '../targets/target-display-name';
import { formatMoment } from '../../i18n/format-moment';

const NONE: PublicationRecord[] = [];

export function PublicationsLine() {
  const t = useT();
  const locale = useI18nStore((s) => s.locale);
  const { article, outbox, targets } = useStores();
  const articleId = article((s) => s.article?.id ?? null);
  const records = outbox((s) => (articleId ? (s.publications[articleId] ?? NONE) : NONE));
  const targetList = targets((s) => s.targets);

  useEffect(() => {
    if (!articleId) return;
    // Quiet on failure: the line is a convenience, the outbox shows real problems.
    outbox.getState().loadPublications(articleId).catch(() => undefined);
  }, [outbox, articleId]);

  useEffect(() => {
    if (records.length > 0 && targets.getState().targets === null) targets.getState().load().catch(() => undefined);
  }, [records.length, targets]);

  if (records.length === 0) return null;
  const targetName = (record: PublicationRecord): string => {
    const config = targetList?.find((v) => v.config.id === record.targetId)?.config;
    return config ? targetDisplayName(t, config.id, config.name) : record.targetId;
  };
  const when = (iso: string): string => formatMoment(iso, locale);

  return (
    <ul className="publications-line" aria-label={t('publish.publications.label')}>
      {records.map((record) => (
        <li key={record.targetId}>
          {t(`publish.publications.${record.status}`, { target: targetName(record) })} · <time dateTime={record.publishedAt}>{when(record.publishedAt)}</time> ·{' '}
          <PublishedLink url={record.url} compact />
        </li>
      ))}
    </ul>
  );
}
