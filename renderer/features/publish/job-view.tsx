// Runs in: renderer. One publishing job as it goes: progress, waiting for the network, failure, conflict, or the live URL.
import { useEffect, useRef, useState } from 'react';
import type { OutboxJob } from '../../../common/publish/publish-job';
import type { PublishStatus } from '../../../common/publish/publish-target-config';
import { useStores } from '../../stores/stores-context';
import { formatError } from '../../api/format-error';
import { useI18nStore } from '../../i18n/i18n-store';
import type { MessageKey } from '../../i18n/messages/catalogues';
import { useT } from '../../i18n/use-t';
import { ConflictView } from './conflict-view';
import { formatJobError } from './job-error';
import { canCancelJob, jobStateKey } from './job-state';
import { PublishedLink } from './published-link';
import { PublishRemarks } from './publish-remarks';
import { targetDisplayName } from '../targets/target-display-name';

const STEP_KEYS: Record<string, MessageKey> = {
  'upload-media': 'publish.step.upload-media',
  'create-post': 'publish.step.create-post',
  'set-status': 'publish.step.set-status',
  verify: 'publish.step.verify',
  'write-files': 'publish.step.write-files',
  send: 'publish.step.send',
  prepare: 'publish.step.prepare',
  done: 'publish.step.done',
};

export const DONE_KEYS: Record<PublishStatus, MessageKey> = {
  published: 'publish.done.publish',
  scheduled: 'publish.done.future',
  draft: 'publish.done.draft',
  submitted: 'publish.done.pending',
};

export interface JobViewProps {
  job: OutboxJob;
  /** Receives the job after a cancel, retry or conflict resolution. */
  onJob(job: OutboxJob): void;
  onClose(): void;
  /** False when the screen offers a better next step as its one primary action. @default true */
  retryIsPrimary?: boolean;
}

export function JobProgressBar({ job }: { job: OutboxJob }) {
  const t = useT();
  const { mediaDone, mediaTotal, step } = job.progress;
  if (mediaTotal <= 0) return null;
  const label =
    step === 'upload-media' && mediaDone < mediaTotal
      ? t('publish.progress.uploading', { n: mediaDone + 1, total: mediaTotal })
      : t('publish.progress.uploaded', { n: mediaDone, total: mediaTotal });
  return (
    <div className="job-progress">
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={mediaTotal}
        aria-valuenow={mediaDone}
        aria-valuetext={label}
        className="progress-track"
      >
        <div className="progress-fill" style={{ width: `${Math.round((mediaDone / mediaTotal) * 100)}%` }} />
      </div>
      <span className="hint">{label}</span>
    </div>
  );
}

export function JobView({ job, onJob, onClose, retryIsPrimary = true }: JobViewProps) {
  const t = useT();
  const locale = useI18nStore((s) => s.locale);
  const { outbox } = useStores();
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<unknown>(null);
  const when = (iso: string | null): string => {
    const time = iso ? Date.parse(iso) : Number.NaN;
    return Number.isNaN(time) ? '' : new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' }).format(time);
  };

  const act = (work: () => Promise<OutboxJob>): void => {
    setBusy(true);
    setActionError(null);
    work()
      .then(onJob, (error: unknown) => setActionError(error))
      .finally(() => setBusy(false));
  };
  const handleCancel = (): void => act(() => outbox.getState().cancel(job.id));
  const handleRetry = (): void => act(() => outbox.getState().retry(job.id));

  const stepKey = STEP_KEYS[job.progress.step];
  const lastError = job.lastError ? formatJobError(job.lastError) : null;
  const problem = actionError ? formatError(actionError) : null;
  const status = job.result?.status ?? job.options.status;

  // The form's Publish button went with the form: the keyboard comes here, not to the page.
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = container.current;
    if (el && !el.contains(document.activeElement)) el.focus();
  }, [job.id]);

  return (
    <div ref={container} tabIndex={-1} className={`job-view job-${job.state}`}>
      <p className="job-state" role="status" aria-live="polite">
        <strong>{job.state === 'done' ? t(DONE_KEYS[status], { when: when(job.options.scheduledAt), target: targetDisplayName(t, job.targetId, job.targetName) }) : t(jobStateKey(job))}</strong>
        {job.state === 'running' || job.state === 'queued' ? (
          <span className="job-step"> {stepKey ? t(stepKey) : job.progress.step}</span>
        ) : null}
      </p>
      {job.state === 'running' || job.state === 'queued' || job.state === 'waiting' ? <JobProgressBar job={job} /> : null}

      {job.resnapshot ? <p className="hint job-resnapshot">{t('publish.resnapshot.explain', { revision: job.articleRevision, from: job.resnapshot.fromRevision })}</p> : null}

      {job.state === 'waiting' ? (
        <div className="job-waiting">
          <p>{t('publish.waiting.explain')}</p>
          {job.nextAttemptAt ? <p>{t('publish.waiting.next', { when: when(job.nextAttemptAt) })}</p> : null}
          {lastError ? (
            <p className="hint">
              {lastError.message} <span className="notice-detail">{lastError.detail}</span>
            </p>
          ) : null}
        </div>
      ) : null}

      {job.state === 'failed' && lastError ? (
        <div className="notice notice-error" role="alert">
          <strong>{lastError.message}</strong> <span className="notice-detail">{lastError.detail}</span>
        </div>
      ) : null}

      {job.state === 'conflict' && job.conflict ? (
        <ConflictView
          conflict={job.conflict}
          busy={busy}
          onOverwrite={() => act(() => outbox.getState().resolveConflict(job.id, 'overwrite'))}
          onKeepServer={() => act(() => outbox.getState().resolveConflict(job.id, 'cancel'))}
        />
      ) : null}

      {job.state === 'cancelled' && job.skipped?.reason === 'overtaken' ? (
        <p className="job-overtaken">
          {t(job.skipped.jobId ? 'publish.overtaken.queued' : 'publish.overtaken.published', { revision: job.skipped.articleRevision, own: job.articleRevision, target: targetDisplayName(t, job.targetId, job.targetName) })}
        </p>
      ) : job.state === 'cancelled' ? (
        <p>{t('publish.cancelled.explain')}</p>
      ) : null}

      {job.state === 'done' && job.skipped?.reason === 'unchanged' ? (
        <p className="job-unchanged">{t('publish.unchanged.explain', { revision: job.articleRevision, target: targetDisplayName(t, job.targetId, job.targetName) })}</p>
      ) : null}

      {job.state === 'done' && job.result ? (
        <p className="job-url">
          <PublishedLink url={job.result.url} />
        </p>
      ) : null}
      {job.state === 'done' && job.result?.remarks ? <PublishRemarks remarks={job.result.remarks} target={targetDisplayName(t, job.targetId, job.targetName)} /> : null}

      {problem ? (
        <div className="notice notice-error" role="alert">
          <strong>{problem.message}</strong> <span className="notice-detail">{problem.detail}</span>
        </div>
      ) : null}

      <div className="modal-actions">
        {canCancelJob(job) && job.state !== 'conflict' ? (
          <button type="button" disabled={busy} onClick={handleCancel}>
            {t('publish.cancelJob')}
          </button>
        ) : null}
        {job.state === 'failed' ? (
          <button type="button" className={retryIsPrimary ? 'primary' : undefined} disabled={busy} onClick={handleRetry}>
            {t('app.retry')}
          </button>
        ) : null}
        <button type="button" onClick={onClose}>
          {t('app.close')}
        </button>
      </div>
    </div>
  );
}
