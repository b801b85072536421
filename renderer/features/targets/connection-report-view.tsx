// Runs in: renderer. What "Test connection" found: the site, the account, what it may do, or the specific error.
import type { ConnectionReport } from '../../../common/publish/publish-target-config';
import { formatError } from '../../api/format-error';
import { useT } from '../../i18n/use-t';

export interface ConnectionReportViewProps {
  targetName: string;
  report: ConnectionReport | null;
  error: unknown;
}

export function ConnectionReportView({ targetName, report, error }: ConnectionReportViewProps) {
  const t = useT();
  const label = t('targets.report.label', { name: targetName });
  if (error) {
    // A test is tried once: its failure says what to check, not that Dateline will try again.
    const problem = formatError(error, { oneOff: true });
    return (
      <section className="connection-report" aria-label={label}>
        <div className="notice notice-error" role="alert">
          <strong>{problem.message}</strong> <span className="notice-detail">{problem.detail}</span>
        </div>
      </section>
    );
  }
  if (!report) return null;
  const yesNo = (value: boolean): string => (value ? t('targets.report.yes') : t('targets.report.no'));
  // The most common surprise gets its own translated line: a contributor cannot publish.
  const onlyReview = !report.allowedStatuses.includes('published') && report.allowedStatuses.includes('submitted');
  return (
    <section className="connection-report" aria-label={label}>
      <p role="status">
        <strong>{report.ok ? t('targets.report.ok') : t('targets.report.notOk')}</strong>
      </p>
      <dl className="app-info">
        <dt>{t('targets.report.site')}</dt>
        <dd>{report.siteName || '—'}</dd>
        <dt>{t('targets.report.account')}</dt>
        <dd>{report.account || '—'}</dd>
        <dt>{t('targets.report.roles')}</dt>
        <dd>{report.roles.length > 0 ? report.roles.join(', ') : '—'}</dd>
        <dt>{t('targets.report.statuses')}</dt>
        <dd>{report.allowedStatuses.length > 0 ? report.allowedStatuses.map((s) => t(`publish.status.${s}`)).join(', ') : t('targets.report.none')}</dd>
        <dt>{t('targets.report.media')}</dt>
        <dd>{yesNo(report.canUploadMedia)}</dd>
        <dt>{t('targets.report.terms')}</dt>
        <dd>
          {t('targets.report.termsValue', { tags: yesNo(report.canCreateTags), categories: yesNo(report.canCreateCategories) })}
        </dd>
      </dl>
      {onlyReview || report.notes.length > 0 ? (
        <ul className="report-notes">
          {onlyReview ? <li>{t('targets.report.onlyReview')}</li> : null}
          {report.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
