// Runs in: renderer. The publishing queue: every job with its target, state, progress and error; cancel, retry or open one.
import { useEffect, useState } from 'react';
import type { OutboxJob } from '../../../common/publish/publish-job';
import { ModalDialog } from '../../kit/modal-dialog';
import { pollWhileDown } from '../../api/poll-while-down';
import { useStores } from '../../stores/stores-context';
import { formatError } from '../../api/format-error';
import { useI18nStore } from '../../i18n/i18n-store';
import { useT } from '../../i18n/use-t';
import { formatJobError } from './job-error';
import { canCancelJob, jobStateKey } from './job-state';
import { JobProgressBar, JobView } from './job-view';
import './publish.css';
import { targetDisplayName } from '../targets/target-display-name';

export const OUTBOX_PANEL_POLL_MS = 1_000;

export interface OutboxPanelProps {
  onClose(): void;
  /** @default 1000 */
  pollIntervalMs?: number;
}

export function OutboxPanel({ onClose, pollIntervalMs = OUTBOX_PANEL_POLL_MS }: OutboxPanelProps) {
  const t = useT();
  const locale = useI18nStore((s) => s.locale);
  const { outbox, events } = useStores();
  const jobs = outbox((s) => s.jobs);
  const listError = outbox((s) => s.error);
  const [loaded, setLoaded] = useState(false);
  const [openJob, setOpenJob] = useState<string | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);

  useEffect(() => {
    let live = true;
    const poll = (): void => {
      outbox
        .getState()
        .refresh()
        .catch(() => undefined)
        .finally(() => live && setLoaded(true));
    };
    poll();
    // Job events keep the list current; it is polled only while the event stream is down.
    const stopPolling = pollWhileDown(events, poll, pollIntervalMs);
    return () => {
      live = false;
      stopPolling();
    };
  }, [outbox, events, pollIntervalMs]);

  const act = (work: () => Promise<OutboxJob>): void => {
    setActionError(null);
    work().catch((error: unknown) => setActionError(error));
  };
  const when = (iso: string): string => new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));
  const detail = openJob ? jobs.find((j) => j.id === openJob) : undefined;
  const problem = actionError ? formatError(actionError) : listError ? formatError(listError) : null;

  return (
    <ModalDialog title={t('publish.outbox.title')} onClose={onClose} className="outbox-dialog">
      <section className="outbox-panel" aria-label={t('publish.outbox.region')}>
        {problem ? (
          <div className="notice notice-error" role="alert">
            <strong>{problem.message}</strong> <span className="notice-detail">{problem.detail}</span>
          </div>
        ) : null}
        {!loaded && jobs.length === 0 ? <p>{t('app.loading')}</p> : null}
        {loaded && jobs.length === 0 ? <p className="empty">{t('publish.outbox.empty')}</p> : null}
        {jobs.length > 0 ? (
          <ul className="outbox-list" role="list">
            {jobs.map((job) => {
              const headline = job.headline.trim() || t('library.untitled');
              const error = job.lastError && (job.state === 'failed' || job.state === 'waiting') ? formatJobError(job.lastError) : null;
              return (
                <li key={job.id} className={`outbox-job job-${job.state}`} aria-label={t('publish.outbox.jobLabel', { headline, target: targetDisplayName(t, job.targetId, job.targetName) })}>
                  <div className="outbox-job-main">
                    <strong>{headline}</strong>
                    <span className="row-meta">
                      {t('publish.outbox.to', { target: targetDisplayName(t, job.targetId, job.targetName) })} · {t(jobStateKey(job))} · <time dateTime={job.updatedAt}>{when(job.updatedAt)}</time>
                    </span>
                    {error ? (
                      <span className="hint hint-error">
                        {error.message} <span className="notice-detail">{error.detail}</span>
                      </span>
                    ) : null}
                    <JobProgressBar job={job} />
                  </div>
                  <div className="row-actions">
                    <button type="button" aria-label={t('publish.outbox.detailsNamed', { headline })} onClick={() => setOpenJob(job.id === openJob ? null : job.id)}>
                      {t('publish.outbox.details')}
                    </button>
                    {canCancelJob(job) && job.state !== 'conflict' ? (
                      <button type="button" aria-label={t('publish.outbox.cancelNamed', { headline })} onClick={() => act(() => outbox.getState().cancel(job.id))}>
                        {t('publish.cancelJob')}
                      </button>
                    ) : null}
                    {job.state === 'failed' ? (
                      <button type="button" aria-label={t('publish.outbox.retryNamed', { headline })} onClick={() => act(() => outbox.getState().retry(job.id))}>
                        {t('app.retry')}
                      </button>
                    ) : null}
                  </div>
                </li>
              );
            })}
          </ul>
        ) : null}
      </section>
      {detail ? (
        <section className="outbox-detail" aria-label={t('publish.outbox.detailLabel', { headline: detail.headline.trim() || t('library.untitled') })}>
          <JobView job={detail} onJob={(job) => outbox.getState().track(job)} onClose={() => setOpenJob(null)} />
        </section>
      ) : (
        <div className="modal-actions">
          <button type="button" onClick={onClose}>
            {t('app.close')}
          </button>
        </div>
      )}
    </ModalDialog>
  );
}
