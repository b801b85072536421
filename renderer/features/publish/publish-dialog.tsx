// Runs in: renderer. "Publish article": target, what to do, the live checklist, then the job's progress to the live URL.
import { useEffect, useId, useRef, useState } from 'react';
import { articleFigures } from '../../../common/publish/article-figures';
import { canPublish, publishChecklist, type ChecklistItem, type ChecklistMedia } from '../../../common/publish/publish-checklist';
import type { OutboxJob, PublicationRecord, PublishOptions } from '../../../common/publish/publish-job';
import { lastPublicationTarget } from '../../../common/publish/last-publication-target';
import { defaultPublishStatus, publishOutcome } from '../../../common/publish/publish-outcome';
import type { PublishStatus } from '../../../common/publish/publish-target-config';
import { ModalDialog } from '../../kit/modal-dialog';
import { useStores } from '../../stores/stores-context';
import { isApiError } from '../../api/api-error';
import { formatError } from '../../api/format-error';
import { useI18nStore } from '../../i18n/i18n-store';
import { useT } from '../../i18n/use-t';
import { instantFromZonedInput, zonedInputValue } from '../../../common/time/zoned-time';
import { useNewsroomTimeZone } from '../metadata/use-newsroom-time-zone';
import { TargetsDialog } from '../targets/targets-dialog';
import { formatZonedTime } from './checklist-text';
import { ChecklistView } from './checklist-view';
import { goToArticleField } from './go-to-article-field';
import { isPollingJob } from './job-state';
import { JobView } from './job-view';
import { newerJob } from '../../stores/newer-job';
import { JOB_POLL_MS, useJobUpdates } from './use-job-updates';
import './publish.css';
import { targetDisplayName } from '../targets/target-display-name';
import { reviewNoticeKey } from '../../stores/review-notice-key';
import { formatMoment } from '../../i18n/format-moment';

export interface PublishDialogProps {
  onClose(): void;
  /** How often the job is polled while the outbox works on it and the event stream is down. @default 400 */
  pollIntervalMs?: number;
  /** The target to offer first (the WordPress review hub, whose pending post approval publishes). */
  preferredTargetId?: string;
  /** "Approve and publish": the services approve the story once the checklist passed, as the job is queued. */
  approveFirst?: boolean;
  /** Called once the job is queued (the review panel shows the new status). */
  onStarted?(): void;
}

const STATUS_CHOICES: PublishStatus[] = ['published', 'scheduled', 'draft', 'submitted'];

type Phase = 'form' | 'starting' | 'job';

/** Width of each photo in the body, or undefined until known; photos the library lacks are left out. */
function useMediaWidths(mediaIds: string[]): Map<string, ChecklistMedia> | undefined {
  const { api } = useStores();
  const [media, setMedia] = useState<Map<string, ChecklistMedia> | undefined>(undefined);
  const key = mediaIds.join(' ');
  useEffect(() => {
    if (!key) return;
    let live = true;
    const ids = key.split(' ');
    void Promise.all(
      ids.map((id) =>
        api.call('media.info', { id }).then(
          (info) => [id, { width: info.width }] as const,
          // Only "not found" means missing; any other failure leaves the width unknown.
          (error: unknown) => (isApiError(error) && error.code === 'not-found' ? null : ([id, { width: null }] as const)),
        ),
      ),
    ).then((entries) => {
      if (live) setMedia(new Map(entries.filter((entry) => entry !== null)));
    });
    return () => {
      live = false;
    };
  }, [api, key]);
  return media;
}

export function PublishDialog({ onClose, pollIntervalMs = JOB_POLL_MS, preferredTargetId, approveFirst, onStarted }: PublishDialogProps) {
  const t = useT();
  const ids = { target: useId(), schedule: useId(), statusLegend: useId() };
  const { api, article, targets, outbox, settings, ui } = useStores();
  // Approving and publishing goes live or is scheduled; a reporter in a newsroom sends the story to
  // the desk from the Review tab, so here they may only hand a copy over without it going live.
  const role = settings((s) => s.settings.role);
  const [choices] = useState<PublishStatus[]>(() => (approveFirst ? ['published', 'scheduled'] : role === 'reporter' ? ['draft', 'submitted'] : STATUS_CHOICES));
  const current = article((s) => s.article);
  const targetList = targets((s) => s.targets);
  const targetsError = targets((s) => s.error);
  // The body lives in the editor; the modal dialog keeps it from changing while open.
  const [body] = useState(() => article.getState().getEditorHandle()?.getBody() ?? article.getState().article?.body ?? null);
  const [chosenTarget, setChosenTarget] = useState<string | null>(null);
  // A story planned for later opens on scheduling at that time; a past or missing plan, on the first choice.
  const [status, setStatus] = useState<PublishStatus>(() => defaultPublishStatus(choices, article.getState().article?.meta.plannedAt ?? null, new Date()));
  const locale = useI18nStore((s) => s.locale);
  const zone = useNewsroomTimeZone(article.getState().article?.meta.plannedTimeZone ?? null);
  const [scheduleLocal, setScheduleLocal] = useState(() => zonedInputValue(article.getState().article?.meta.plannedAt ?? null, zone));
  const [overridden, setOverridden] = useState<ReadonlySet<string>>(new Set());
  // A story whose planned time has passed goes out dated now unless the person keeps its original date.
  const [keepOriginalDate, setKeepOriginalDate] = useState(false);
  const [phase, setPhase] = useState<Phase>('form');
  const [job, setJob] = useState<OutboxJob | null>(null);
  const [startError, setStartError] = useState<unknown>(null);
  const [serverItems, setServerItems] = useState<ChecklistItem[]>([]);
  const [now, setNow] = useState(() => new Date());
  const [managingTargets, setManagingTargets] = useState(false);
  const scheduleRef = useRef<HTMLInputElement>(null);
  const media = useMediaWidths(body ? [...new Set(articleFigures({ body }).map((f) => f.mediaId))] : []);

  useEffect(() => {
    targets.getState().load().catch(() => undefined);
  }, [targets]);

  // The target this story last went to is offered first (publication records).
  const articleId = current?.id ?? null;
  const records = outbox((s) => (articleId ? s.publications[articleId] : undefined));
  const lastTargetId = records ? lastPublicationTarget(records) : null;
  useEffect(() => {
    if (articleId) outbox.getState().loadPublications(articleId).catch(() => undefined);
  }, [articleId, outbox]);

  // "Scheduled time is in the future" must stay true while the dialog sits open.
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 30_000);
    return () => clearInterval(timer);
  }, []);

  const handleJob = (next: OutboxJob): void => {
    setJob((shown) => (shown?.id === next.id ? newerJob(shown, next) : next));
    outbox.getState().track(next);
    // Done: this dialog says what happened now; a toast about the story's status before it
    // ("Status now: Approved", from the approval that went first) is out of date.
    if (next.state === 'done') ui.getState().dismissKey(reviewNoticeKey(next.articleId));
  };
  useJobUpdates(job, handleJob, pollIntervalMs);

  const selected =
    targetList?.find((v) => v.config.id === chosenTarget) ??
    targetList?.find((v) => v.config.id === preferredTargetId) ??
    targetList?.find((v) => v.config.id === lastTargetId) ??
    targetList?.find((v) => v.isDefault) ??
    targetList?.[0] ??
    null;
  // Publishing again to where the story already is updates that copy: say so, with when it went out.
  const publishedThere = selected ? latestRecordFor(records ?? [], selected.config.id) : null;
  const checked = current && body ? { ...current, body } : current;
  const plannedAt = current?.meta.plannedAt ?? null;
  const pastPlannedAt = plannedAt && Date.parse(plannedAt) < now.getTime() ? plannedAt : null;
  const baseOptions: PublishOptions = {
    status,
    scheduledAt: status === 'scheduled' ? instantFromZonedInput(scheduleLocal, zone) : null,
    overriddenWarnings: [],
    ...(status === 'published' && keepOriginalDate && pastPlannedAt ? { backdateTo: pastPlannedAt } : {}),
  };
  const localItems = checked && selected ? publishChecklist(checked, selected.config, baseOptions, now, media) : [];
  const items = [...localItems, ...serverItems.filter((s) => !localItems.some((l) => l.id === s.id))];
  const overriddenWarnings = items.filter((i) => i.level === 'warning' && overridden.has(i.id)).map((i) => i.id);
  const options: PublishOptions = { ...baseOptions, overriddenWarnings };
  const ready = phase === 'form' && selected !== null && checked !== null && canPublish(items, overriddenWarnings);

  // Changing what is published makes the services' last verdict stale.
  const changed = (): void => {
    setServerItems([]);
    setStartError(null);
  };

  const handleOverride = (id: string, accepted: boolean): void => {
    setOverridden((prev) => {
      const next = new Set(prev);
      if (accepted) next.add(id);
      else next.delete(id);
      return next;
    });
  };

  const handleGoToField = (item: ChecklistItem): void => {
    if (item.field === 'scheduledAt' && scheduleRef.current) {
      scheduleRef.current.focus();
      return;
    }
    const editor = article.getState().getEditorHandle();
    onClose();
    // After the dialog is gone (and has handed focus back), move focus to the field.
    setTimeout(() => goToArticleField(item, t, editor, document.querySelector('.article-screen') ?? document), 0);
  };

  const handlePublish = async (): Promise<void> => {
    if (!ready || !selected || !current) return;
    setPhase('starting');
    changed();
    // Publishing sends the saved article: save pending edits first, and stop if that fails.
    try {
      await article.getState().flush();
    } catch (error) {
      setStartError(error);
      setPhase('form');
      return;
    }
    const saved = article.getState();
    if (saved.saveState === 'error' || saved.saveState === 'conflict') {
      setStartError(saved.saveError ?? new Error(t('publish.notSaved')));
      setPhase('form');
      return;
    }
    try {
      handleJob(await api.call('publish.start', { articleId: current.id, targetId: selected.config.id, options, ...(approveFirst ? { approveFirst: true } : {}) }));
      onStarted?.();
      setPhase('job');
    } catch (error) {
      const failure = isApiError(error) ? error.failure : null;
      if (failure?.code === 'checklist-blocked') setServerItems(failure.details?.items ?? []);
      setStartError(error);
      setPhase('form');
    }
  };

  // The account may only submit for review (a contributor asked to publish): offer exactly that.
  const handleSubmitForReview = async (): Promise<void> => {
    if (!job) return;
    setStartError(null);
    try {
      handleJob(
        await api.call('publish.start', {
          articleId: job.articleId,
          targetId: job.targetId,
          options: { status: 'submitted', scheduledAt: null, overriddenWarnings: job.options.overriddenWarnings },
        }),
      );
    } catch (error) {
      setStartError(error);
    }
  };

  // The button says what it will do: publish, schedule, save a draft or submit a copy.
  const actionLabel = approveFirst
    ? t(status === 'scheduled' ? 'review.action.approve-schedule' : 'review.action.approve-publish')
    : status === 'published'
      ? t('publish.publish')
      : t(`publish.action.${status}`);
  const title = approveFirst ? t('review.action.approve-publish') : role === 'reporter' ? t('publish.sendCopyTitle') : t('publish.title');
  const problem = startError ? formatError(startError) : null;
  const listProblem = targetsError && !targetList ? formatError(targetsError) : null;

  return (
    <ModalDialog title={title} onClose={onClose} className="publish-dialog">
      {phase === 'job' && job ? (
        <>
          <JobView job={job} onJob={handleJob} onClose={onClose} retryIsPrimary={!offersReview(job)} />
          {isPollingJob(job) ? <p className="hint">{t('publish.continuesInOutbox')}</p> : null}
          {offersReview(job) ? (
            <div className="publish-review-offer">
              <p>{t('publish.reviewOnly.explain', { target: targetDisplayName(t, job.targetId, job.targetName) })}</p>
              <button type="button" className="primary" onClick={() => void handleSubmitForReview()}>
                {t('publish.reviewOnly.submit')}
              </button>
            </div>
          ) : null}
          {problem ? (
            <div className="notice notice-error" role="alert">
              <strong>{problem.message}</strong> <span className="notice-detail">{problem.detail}</span>
            </div>
          ) : null}
        </>
      ) : (
        <>
          {listProblem ? (
            <div className="notice notice-error" role="alert">
              <strong>{listProblem.message}</strong> <span className="notice-detail">{listProblem.detail}</span>
            </div>
          ) : null}
          {targetList === null && !listProblem ? <p>{t('app.loading')}</p> : null}
          {targetList !== null && targetList.length === 0 ? (
            <p className="empty">
              {t('publish.noTargets')}{' '}
              <button type="button" onClick={() => setManagingTargets(true)}>
                {t('targets.open')}
              </button>
            </p>
          ) : null}
          {targetList && targetList.length > 0 ? (
            <div className="form-grid">
              <label htmlFor={ids.target}>{t('publish.target')}</label>
              <select
                id={ids.target}
                value={selected?.config.id ?? ''}
                disabled={phase !== 'form'}
                onChange={(e) => {
                  setChosenTarget(e.target.value);
                  changed();
                }}
              >
                {targetList.map((view) => (
                  <option key={view.config.id} value={view.config.id}>
                    {view.isDefault
                      ? t('publish.targetOptionDefault', { name: targetDisplayName(t, view.config.id, view.config.name), kind: t(`targets.kind.${view.config.kind}`) })
                      : t('publish.targetOption', { name: targetDisplayName(t, view.config.id, view.config.name), kind: t(`targets.kind.${view.config.kind}`) })}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          {selected && publishedThere ? (
            <p className="hint" role="note">
              {t('publish.updatesCopy', { target: targetDisplayName(t, selected.config.id, selected.config.name), when: formatMoment(publishedThere.publishedAt, locale) })}
            </p>
          ) : null}
          <fieldset className="publish-status" disabled={phase !== 'form'}>
            <legend id={ids.statusLegend}>{t('publish.whatToDo')}</legend>
            {role === 'reporter' && !approveFirst ? <p className="hint">{t('publish.reporterHint')}</p> : null}
            <div role="radiogroup" aria-labelledby={ids.statusLegend}>
              {choices.map((choice) => (
                <label key={choice} className="radio-row">
                  <input
                    type="radio"
                    name="publish-status"
                    value={choice}
                    checked={status === choice}
                    onChange={() => {
                      setStatus(choice);
                      changed();
                    }}
                  />
                  {t(`publish.status.${choice}`)}
                </label>
              ))}
            </div>
            {status === 'published' && pastPlannedAt ? (
              <div className="radio-row" role="radiogroup" aria-label={t('publish.dateChoice')}>
                <label>
                  <input type="radio" name={`${ids.schedule}-date`} checked={!keepOriginalDate} onChange={() => { setKeepOriginalDate(false); changed(); }} />
                  {t('publish.date.now')}
                </label>
                <label>
                  <input type="radio" name={`${ids.schedule}-date`} checked={keepOriginalDate} onChange={() => { setKeepOriginalDate(true); changed(); }} />
                  {t('publish.date.keepOriginal', { plannedAt: formatZonedTime(pastPlannedAt, locale, zone) })}
                </label>
              </div>
            ) : null}
            {status === 'scheduled' ? (
              <div className="field">
                <label htmlFor={ids.schedule}>{t('publish.scheduleAt')}</label>
                <input
                  id={ids.schedule}
                  ref={scheduleRef}
                  type="datetime-local"
                  step={1}
                  aria-describedby={`${ids.schedule}-zone`}
                  value={scheduleLocal}
                  onChange={(e) => {
                    setScheduleLocal(e.target.value);
                    changed();
                  }}
                />
                <span id={`${ids.schedule}-zone`} className="hint time-zone-name">
                  {zone}
                </span>
              </div>
            ) : null}
          </fieldset>
          {selected ? <ChecklistView
              items={items}
              overridden={overridden}
              onOverride={handleOverride}
              onGoToField={handleGoToField}
              outcome={publishOutcome(baseOptions, now)}
            /> : null}
          {problem ? (
            <div className="notice notice-error" role="alert">
              <strong>{problem.message}</strong> <span className="notice-detail">{problem.detail}</span>
            </div>
          ) : null}
          {phase === 'starting' ? (
            <p role="status" className="hint">
              {t('publish.starting')}
            </p>
          ) : null}
          <div className="modal-actions">
            <button type="button" onClick={onClose}>
              {t('app.cancel')}
            </button>
            <button type="button" className="primary" disabled={!ready} onClick={() => void handlePublish()}>
              {actionLabel}
            </button>
          </div>
        </>
      )}
      {managingTargets ? <TargetsDialog onClose={() => setManagingTargets(false)} /> : null}
    </ModalDialog>
  );
}

/** A job refused because its account may only submit for review (it asked to publish or schedule). */
function offersReview(job: OutboxJob): boolean {
  const error = job.lastError;
  return (
    job.state === 'failed' &&
    (job.options.status === 'published' || job.options.status === 'scheduled') &&
    error?.code === 'remote-forbidden' &&
    (error.allowedStatuses ?? []).includes('submitted')
  );
}

/** The newest record of a publication of this story to `targetId`, if it went there. */
function latestRecordFor(records: readonly PublicationRecord[], targetId: string): PublicationRecord | null {
  let latest: PublicationRecord | null = null;
  for (const record of records) if (record.targetId === targetId && (!latest || record.publishedAt > latest.publishedAt)) latest = record;
  return latest;
}
