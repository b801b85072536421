// Runs in: renderer. The workflow buttons the user's role allows now. Actions that need a note
// (request changes, spike, correct) or a recipient (submit) ask for it inline before they run.
import { useEffect, useId, useState } from 'react';
import type { WorkflowAction } from '../../../common/workflow/workflow-event';
import { sameActorName } from '../../../common/workflow/newsroom-profile';
import { DESK, type ReviewState } from '../../../common/workflow/review-contract';
import { useStores } from '../../stores/stores-context';
import { useT } from '../../i18n/use-t';
import type { MessageKey } from '../../i18n/messages/catalogues';
import { PublishDialog } from '../publish/publish-dialog';
import { reviewNoticeKey } from '../../stores/review-notice-key';
import { TextArea } from '../../kit/text-area';

type Pending = 'submit' | 'request-changes' | 'spike' | 'correct';
const NEEDS_INPUT = new Set<WorkflowAction>(['submit', 'request-changes', 'spike', 'correct']);

export function WorkflowActions({ state, onDone }: { state: ReviewState; onDone?(): void }) {
  const t = useT();
  const { review, ui, settings } = useStores();
  const hubSetting = settings((s) => s.settings.reviewHub);
  // Approving a story in the WordPress hub publishes its pending post: offer that site first.
  const hubTarget = state.hub?.kind === 'wordpress' && hubSetting.kind === 'wordpress' ? hubSetting.targetId : undefined;
  const busy = review((s) => s.busy);
  const [pending, setPending] = useState<Pending | null>(null);
  const [publishing, setPublishing] = useState<'publish' | 'approve-and-publish' | null>(null);
  // Set when the form was asked for from the toolbar: focus then moves into it.
  const [fromOutside, setFromOutside] = useState(false);
  const allowed = new Set(state.allowedActions);
  // An editor does not resubmit a reporter's story they just returned (the services would let them,
  // on the reporter's behalf, but it is not a choice to offer next to Approve).
  if (state.profile?.role === 'editor' && state.owner && !sameActorName(state.owner, state.profile.name)) allowed.delete('submit');
  const requested = review((s) => s.requested);
  // Opened from the toolbar: show the form now (state adjusted while rendering), then clear the request.
  if (requested !== null && allowed.has(requested) && NEEDS_INPUT.has(requested) && (pending !== requested || !fromOutside)) {
    setPending(requested as Pending);
    setFromOutside(true);
  }
  useEffect(() => {
    if (requested !== null) review.getState().requestAction(null);
  }, [requested, review]);
  // One primary action at a time: while a note form is open, its confirm button is the primary one.
  const primary = pending === null ? 'primary' : undefined;
  const actionButton = (action: WorkflowAction) =>
    NEEDS_INPUT.has(action) ? (
      <button key={action} type="button" className={action === 'spike' ? 'danger' : undefined} disabled={busy} aria-expanded={pending === action} onClick={() => {
          setPending(action as Pending);
          setFromOutside(false);
        }}>
        {label(action)}
      </button>
    ) : (
      <button key={action} type="button" disabled={busy} onClick={() => void run(action)}>
        {label(action)}
      </button>
    );

  const run = async (action: WorkflowAction, input: { note?: string; to?: string } = {}): Promise<boolean> => {
    const ok = await review.getState().act(action, input);
    if (ok) {
      setPending(null);
      // The buttons that were here may be gone: move focus somewhere meaningful after React renders.
      setTimeout(() => onDone?.(), 0);
      const done = DONE_MESSAGES[action];
      if (done) ui.getState().showInfo(t(done), undefined, { key: reviewNoticeKey(state.articleId) });
    }
    return ok;
  };

  const label = (action: WorkflowAction): string =>
    action === 'submit' && state.status === 'changes_requested' ? t('review.action.resubmit') : t(`review.action.${action}` as MessageKey);

  return (
    <div className="review-actions" role="group" aria-label={t('review.actions')}>
      <div className="review-actions-row">
        {[...allowed].filter((a) => a !== 'schedule' && a !== 'publish' && a !== 'spike').map(actionButton)}
        {allowed.has('approve') ? (
          <button type="button" className={primary} disabled={busy} onClick={() => setPublishing('approve-and-publish')}>
            {t('review.action.approve-publish')}
          </button>
        ) : null}
        {allowed.has('publish') ? (
          <button type="button" className={primary} disabled={busy} onClick={() => setPublishing('publish')}>
            {t('review.action.publish')}
          </button>
        ) : null}
      </div>
      {/* Killing the story sits apart, below a rule, away from the buttons that move it on. */}
      {allowed.has('spike') ? <div className="review-actions-danger">{actionButton('spike')}</div> : null}
      {pending ? (
        <ActionForm
          key={`form-${pending}`}
          action={pending}
          state={state}
          label={label(pending)}
          busy={busy}
          focusFirst={fromOutside}
          onRun={run}
          onCancel={() => setPending(null)}
        />
      ) : null}
      {publishing ? (
        <PublishDialog
          onClose={() => setPublishing(null)}
          preferredTargetId={hubTarget}
          // The services approve only once the checklist passed, as the job is queued: one step.
          approveFirst={publishing === 'approve-and-publish'}
          onStarted={() => {
            void review.getState().load(state.articleId);
            void review.getState().pollWaiting();
          }}
        />
      ) : null}
    </div>
  );
}

/** What to confirm after an action; publishing and scheduling confirm themselves in the publish dialog. */
const DONE_MESSAGES: Record<WorkflowAction, MessageKey | null> = {
  submit: 'review.done.submit',
  'request-changes': 'review.done.request-changes',
  approve: 'review.done.approve',
  schedule: null,
  publish: null,
  spike: 'review.done.spike',
  correct: 'review.done.correct',
  reopen: 'review.done.reopen',
};

interface ActionFormProps {
  action: Pending;
  state: ReviewState;
  label: string;
  busy: boolean;
  /** Focus the form's first field (it was opened from elsewhere, so focus is not already here). */
  focusFirst?: boolean;
  onRun(action: WorkflowAction, input: { note?: string; to?: string }): Promise<boolean>;
  onCancel(): void;
}

/** The 'someone else' choice of the Send to list: the name is typed. */
const OTHER = '\u0000other';

function ActionForm({ action, state, label, busy, focusFirst, onRun, onCancel }: ActionFormProps) {
  const t = useT();
  const noteId = useId();
  const toId = useId();
  const [note, setNote] = useState('');
  const otherId = useId();
  // Where it goes: the desk (anyone on duty), an editor who already worked on the story, or someone named.
  const editors = state.history
    .filter((e) => e.by.role === 'editor')
    .map((e) => e.by.name)
    .filter((name, i, all) => all.findIndex((n) => sameActorName(n, name)) === i);
  const previous = state.hub?.submittedTo ?? DESK;
  const known = sameActorName(previous, DESK) ? DESK : editors.find((name) => sameActorName(name, previous));
  const [choice, setChoice] = useState(known ?? OTHER);
  const [other, setOther] = useState(known ? '' : previous);
  const to = choice === OTHER ? other.trim() : choice;
  const required = action !== 'submit';
  const submit = (event: React.FormEvent): void => {
    event.preventDefault();
    if (busy || (required && note.trim() === '') || (action === 'submit' && choice === OTHER && other.trim() === '')) return;
    void onRun(action, { note: note.trim() || undefined, ...(action === 'submit' ? { to: to || DESK } : {}) });
  };
  return (
    <form
      className="review-action-form"
      onSubmit={submit}
      onKeyDown={(event) => {
        // While an input method composes (pinyin), Escape and Enter belong to it.
        if (event.nativeEvent.isComposing || event.keyCode === 229) return;
        // Escape cancels; Ctrl+Enter (⌘+Enter) confirms from inside the note, as in mail and chat.
        if (event.key === 'Escape') {
          event.preventDefault();
          onCancel();
        } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          event.currentTarget.requestSubmit();
        }
      }}
    >
      {action === 'submit' ? (
        <>
          <label htmlFor={toId}>{t('review.submitTo')}</label>
          <select id={toId} autoFocus={focusFirst} value={choice} onChange={(e) => setChoice(e.target.value)} aria-describedby={`${toId}-hint`}>
            <option value={DESK}>{t('review.submitTo.desk')}</option>
            {editors.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
            <option value={OTHER}>{t('review.submitTo.other')}</option>
          </select>
          {choice === OTHER ? (
            <>
              <label htmlFor={otherId}>{t('review.submitTo.name')}</label>
              <input id={otherId} value={other} maxLength={200} required onChange={(e) => setOther(e.target.value)} />
            </>
          ) : null}
          <p className="hint" id={`${toId}-hint`}>
            {t('review.submitToHint')}
          </p>
        </>
      ) : null}
      <label htmlFor={noteId}>
        {t(`review.note.${action}` as MessageKey)}
        {/* The textarea's required state tells screen readers; this tells everyone else. */}
        {required ? <span aria-hidden="true"> {t('review.required')}</span> : null}
      </label>
      {action === 'spike' && state.profile?.role === 'reporter' ? <p className="hint">{t('review.spikeCannotUndo')}</p> : null}
      {/* The form opens because the person asked for this action: the note is where they type next. */}
      <TextArea id={noteId} value={note} rows={3} maxLength={5000} required={required} autoFocus={action !== 'submit'} onChange={(e) => setNote(e.target.value)} />
      <div className="review-form-actions">
        <button type="button" onClick={onCancel}>
          {t('review.cancel')}
        </button>
        <button type="submit" className={action === 'spike' ? 'danger' : 'primary'} disabled={busy || (required && note.trim() === '')}>
          {t('review.confirm', { action: label })}
        </button>
      </div>
    </form>
  );
}
