// Runs in: renderer. The article's review panel: status, workflow actions, what changed, comments
// and history. Loads when the article opens; comment highlights follow the comment list.
import { useEffect, useRef } from 'react';
import { pollWhileDown } from '../../api/poll-while-down';
import { useStores } from '../../stores/stores-context';
import { useLocale, useT } from '../../i18n/use-t';
import type { MessageKey } from '../../i18n/messages/catalogues';
import { sameActorName } from '../../../common/workflow/newsroom-profile';
import { formatRecordedError } from '../../api/format-error';
import { DESK, type PendingSyncInfo, type ReviewState } from '../../../common/workflow/review-contract';
import { CommentList } from './comment-list';
import { HistoryList } from './history-list';
import { WorkflowActions } from './workflow-actions';
import { formatMoment } from '../../i18n/format-moment';

const PENDING_REFRESH_MS = 15_000;

export function ReviewPanel() {
  const t = useT();
  const { review, article, ui, outbox, events } = useStores();
  const id = article((s) => s.article?.id ?? null);
  // A finished publishing job moves the article on in the workflow (published, scheduled).
  const finishedJobs = outbox((s) => s.jobs.filter((j) => j.articleId === id && j.state === 'done').length);
  const editorKey = article((s) => s.editorKey);
  const state = review((s) => (s.state && s.state.articleId === id ? s.state : null));
  // After an action the buttons change under the cursor: focus goes to the new status, which is read out.
  const statusRef = useRef<HTMLParagraphElement>(null);
  // Saved revisions move on as the person writes (once per save, not per keystroke).
  const savedRevision = article((s) => s.article?.revision ?? 0);

  useEffect(() => {
    if (id) void review.getState().load(id);
  }, [id, review, finishedJobs]);

  // While something waits for the hub, follow the background sync (sent, or held back as a conflict):
  // `review.articleChanged` brings it; polled only while the event stream is down.
  const waitingToSend = state?.pendingSync != null;
  useEffect(() => {
    if (!id || !waitingToSend) return;
    return pollWhileDown(events, () => void review.getState().load(id), PENDING_REFRESH_MS);
  }, [id, waitingToSend, review, events]);

  // Mark the commented text; again whenever the editor is remounted (reload, restore).
  useEffect(() => {
    const handle = article.getState().getEditorHandle();
    if (!state || !handle?.showComments) return;
    handle.showComments(state.comments.flatMap((c) => (c.anchor ? [{ id: c.id, from: c.anchor.from, to: c.anchor.to, resolved: c.resolved }] : [])));
  }, [state, editorKey, article]);

  if (!state) return <section className="review-panel" aria-label={t('review.panel')} aria-busy="true" />;
  return (
    <section className="review-panel" aria-label={t('review.panel')}>
      <p className="review-status" ref={statusRef} tabIndex={-1}>
        <strong>{t('review.status', { status: t(`article.status.${state.status}` as MessageKey) })}</strong>
      </p>
      {state.owner ? <p>{t('review.owner', { name: state.owner })}</p> : null}
      <LatestDecision state={state} />
      <p className="hint">
        {state.hub ? t('review.inHub', { to: sameActorName(state.hub.submittedTo, DESK) ? t('queue.desk') : state.hub.submittedTo }) : t('review.notInHub')}
      </p>
      {state.pendingSync ? <PendingSyncNotice articleId={state.articleId} pending={state.pendingSync} /> : null}
      {state.canSendChanges && state.hub && !state.pendingSync && savedRevision > state.hub.localRevision ? <UnsentChanges /> : null}
      {state.hub || state.pendingSync?.conflict ? (
        <button type="button" onClick={() => void review.getState().openFromHub(state.articleId)} aria-describedby={`${state.articleId}-refresh-hint`}>
          {t('review.refreshFromHub')}
        </button>
      ) : null}
      {state.hub || state.pendingSync?.conflict ? (
        <p className="hint" id={`${state.articleId}-refresh-hint`}>
          {t('review.refreshFromHubHint')}
        </p>
      ) : null}
      {state.profile ? (
        <WorkflowActions state={state} onDone={() => statusRef.current?.focus()} />
      ) : (
        <p className="hint">
          {t('review.noProfile')}{' '}
          <button type="button" className="link-button" onClick={() => ui.getState().openDialog('settings')}>
            {t('review.openSettings')}
          </button>
        </p>
      )}
      <DiffButtons bases={state.diffBases} />
      <CommentList comments={state.comments} canComment={state.profile !== null} hubKeepsComments={state.hub?.keepsComments ?? true} />
      <HistoryList events={state.history} />
    </section>
  );
}

const DIFF_CHOICES = [
  { base: 'last-seen', has: 'lastSeen', label: 'review.diff.lastSeen' },
  { base: 'submitted', has: 'submitted', label: 'review.diff.submitted' },
  { base: 'previous-submission', has: 'previousSubmission', label: 'review.diff.previousSubmission' },
] as const;

/** "Changes since…": only the comparisons this machine has a version for; none at all for a fresh draft. */
function DiffButtons({ bases }: { bases: ReviewState['diffBases'] }) {
  const t = useT();
  const { review } = useStores();
  const offered = DIFF_CHOICES.filter((choice) => bases[choice.has] !== null);
  if (offered.length === 0) return null;
  return (
    <div className="review-row" role="group" aria-label={t('review.diff.group')}>
      {offered.map((choice) => (
        <button key={choice.base} type="button" onClick={() => void review.getState().showDiff(choice.base)}>
          {t(choice.label)}
        </button>
      ))}
    </div>
  );
}

function PendingSyncNotice({ articleId, pending }: { articleId: string; pending: PendingSyncInfo }) {
  const t = useT();
  const locale = useLocale();
  const { review } = useStores();
  const busy = review((s) => s.busy);
  const lastError = pending.lastError ? formatRecordedError(pending.lastError) : null;
  return (
    <div className={pending.conflict ? 'review-pending conflict' : 'review-pending'}>
      {/* The live region holds only the words, not the button. */}
      <div role={pending.conflict ? 'alert' : 'status'}>
        <p>
          {pending.conflict
            ? t('review.pending.conflict')
            : t(pending.refused ? 'review.pending.refused' : 'review.pending.waiting', { since: formatMoment(pending.since, locale) })}
        </p>
        {lastError ? (
          <p className="hint">
            {lastError.message} <span className="notice-detail">{lastError.detail}</span>
          </p>
        ) : null}
      </div>
      {pending.conflict ? null : (
        <button type="button" disabled={busy} onClick={() => void review.getState().syncNow(articleId)}>
          {t('review.pending.sendNow')}
        </button>
      )}
    </div>
  );
}

/** Edits saved here that the hub has not seen: they go with the next action, or now. */
function UnsentChanges() {
  const t = useT();
  const { review, ui } = useStores();
  const busy = review((s) => s.busy);
  const send = async (): Promise<void> => {
    if ((await review.getState().sendChanges()) && !review.getState().state?.pendingSync) ui.getState().showInfo(t('review.changesSent'));
  };
  return (
    <div className="review-pending">
      <p role="status">{t('review.unsent')}</p>
      <button type="button" disabled={busy} onClick={() => void send()}>
        {t('review.sendChanges')}
      </button>
    </div>
  );
}

/** A story returned or spiked says so first, with who did it and their note (not only at the end of History). */
function LatestDecision({ state }: { state: ReviewState }) {
  const t = useT();
  const locale = useLocale();
  const last = state.history.at(-1);
  if (!last || last.to !== state.status || (last.action !== 'request-changes' && last.action !== 'spike')) return null;
  return (
    <div className="review-decision">
      <p>
        <strong>{t(`review.latest.${last.action}`, { name: last.by.name, at: new Date(last.at).toLocaleString(locale) })}</strong>
      </p>
      {last.note ? <blockquote className="review-note">{last.note}</blockquote> : null}
    </div>
  );
}
