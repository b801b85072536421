// Runs in: main, services, host and renderer. The editorial state machine: which workflow action
// moves an article from which status to which, and who may take it.
//
// Transitions (from → to):
//   submit           draft | changes_requested → submitted
//   request-changes  submitted → changes_requested               (note required)
//   approve          submitted → approved
//   schedule         approved | scheduled → scheduled            (future scheduledAt required;
//                                                                  from scheduled it reschedules)
//   publish          approved | scheduled → published
//   spike            draft | submitted | changes_requested | approved | scheduled → spiked
//                                                                 (note required: the reason)
//   correct          published | corrected → corrected           (note required: the correction)
//   reopen           spiked → draft                              (brings a killed story back)
//
// Roles:
//   editor    may take every action above, on anyone's article.
//   reporter  may submit (and resubmit) only their own article, and spike only their own draft.
//             Once a story is with the desk, killing it, reviewing it, publishing it, correcting
//             it and reopening a spiked story are editors' decisions.
//   "Own" means the article's owner (the name on its first submission, see ownerOf in
//   workflow-history) is the actor's name; an article never submitted has no owner yet and is the
//   local user's own draft. Names are self-declared in the profile: this is a newsroom courtesy,
//   not a security boundary.
//
// Checks run in this order, so the error says the most useful thing:
//   malformed actor/id/time → 'invalid-input'; action impossible from this status → 'conflict'
//   (someone else probably moved the article first); role or ownership forbids it →
//   'permission-denied'; missing note or schedule in the past → 'invalid-input'.
import type { ArticleStatus } from '../article';
import { AppError } from '../app-error';
import { newsroomProfileSchema, sameActorName, type NewsroomProfile, type NewsroomRole } from './newsroom-profile';
import {
  MAX_NOTE_LENGTH,
  WORKFLOW_ACTIONS,
  workflowEventIdSchema,
  workflowEventSchema,
  type WorkflowAction,
  type WorkflowEvent,
} from './workflow-event';

interface TransitionRule {
  from: readonly ArticleStatus[];
  to: ArticleStatus;
  noteRequired: boolean;
  /** Statuses from which a reporter may take the action on their own article; empty: editors only. */
  reporterFrom: readonly ArticleStatus[];
  /** Used in messages: "Only editors can <phrase>." */
  phrase: string;
  /** Why the action is impossible from another status. */
  onlyFrom: string;
}

const BEFORE_PUBLICATION: readonly ArticleStatus[] = ['draft', 'submitted', 'changes_requested', 'approved', 'scheduled'];

export const WORKFLOW_RULES: Readonly<Record<WorkflowAction, TransitionRule>> = {
  submit: {
    from: ['draft', 'changes_requested'],
    to: 'submitted',
    noteRequired: false,
    reporterFrom: ['draft', 'changes_requested'],
    phrase: 'submit articles',
    onlyFrom: 'Only a draft or an article returned for changes can be submitted.',
  },
  'request-changes': {
    from: ['submitted'],
    to: 'changes_requested',
    noteRequired: true,
    reporterFrom: [],
    phrase: 'request changes',
    onlyFrom: 'Changes can be requested only on a submitted article.',
  },
  approve: {
    from: ['submitted'],
    to: 'approved',
    noteRequired: false,
    reporterFrom: [],
    phrase: 'approve articles',
    onlyFrom: 'Only a submitted article can be approved.',
  },
  schedule: {
    from: ['approved', 'scheduled'],
    to: 'scheduled',
    noteRequired: false,
    reporterFrom: [],
    phrase: 'schedule articles',
    onlyFrom: 'Only an approved or already scheduled article can be scheduled.',
  },
  publish: {
    from: ['approved', 'scheduled'],
    to: 'published',
    noteRequired: false,
    reporterFrom: [],
    phrase: 'publish articles',
    onlyFrom: 'Only an approved or scheduled article can be published.',
  },
  spike: {
    from: BEFORE_PUBLICATION,
    to: 'spiked',
    noteRequired: true,
    reporterFrom: ['draft'],
    phrase: 'spike articles',
    onlyFrom: 'Only an unpublished article can be spiked; a published one is corrected instead.',
  },
  correct: {
    from: ['published', 'corrected'],
    to: 'corrected',
    noteRequired: true,
    reporterFrom: [],
    phrase: 'correct published articles',
    onlyFrom: 'Only a published article can be corrected.',
  },
  reopen: {
    from: ['spiked'],
    to: 'draft',
    noteRequired: false,
    reporterFrom: [],
    phrase: 'reopen spiked articles',
    onlyFrom: 'Only a spiked article can be reopened.',
  },
};

/** How messages name each status: "the article is <words>". */
export const STATUS_WORDS: Readonly<Record<ArticleStatus, string>> = {
  draft: 'a draft',
  submitted: 'submitted for review',
  changes_requested: 'returned for changes',
  approved: 'approved',
  scheduled: 'scheduled',
  published: 'published',
  spiked: 'spiked',
  corrected: 'published with a correction',
};

export interface WorkflowSubject {
  status: ArticleStatus;
  /** Name of the reporter the article belongs to (ownerOf(history)); null or absent: never submitted. */
  owner?: string | null;
}

export interface TransitionInput {
  /** The new event's id, made by the caller (e.g. a ULID). */
  id: string;
  /** Now, ISO 8601 with offset. */
  at: string;
  note?: string;
  /** Required for `schedule`: when the article goes live, after `at`. */
  scheduledAt?: string;
  /** The article revision the action is taken on. */
  revision?: number;
}

export interface TransitionResult {
  status: ArticleStatus;
  event: WorkflowEvent;
}

/**
 * The actions `role` may take on an article in `status`, in WORKFLOW_ACTIONS order.
 * `isOwn` says whether the article is the user's own (true for a draft never submitted).
 */
export function allowedActions(status: ArticleStatus, role: NewsroomRole, isOwn = true): WorkflowAction[] {
  return WORKFLOW_ACTIONS.filter((action) => {
    const rule = WORKFLOW_RULES[action];
    if (!rule.from.includes(status)) return false;
    return role === 'editor' || (isOwn && rule.reporterFrom.includes(status));
  });
}

/** Whether `actor` owns the article: true when it has no owner yet (a local draft). */
export function isOwnArticle(subject: WorkflowSubject, actor: NewsroomProfile): boolean {
  return subject.owner == null || subject.owner.trim() === '' || sameActorName(subject.owner, actor.name);
}

/** Applies `action` for `actor`, returning the new status and the event to append to the history. */
export function transition(subject: WorkflowSubject, action: WorkflowAction, actor: NewsroomProfile, input: TransitionInput): TransitionResult {
  const rule = (WORKFLOW_RULES as Partial<Record<string, TransitionRule>>)[action];
  if (!rule) throw new AppError('invalid-input', `"${String(action)}" is not a workflow action.`, { kind: 'workflow-unknown-action' });
  const by = parseActor(actor);
  const at = parseTime(input.at, 'The time of the action');
  if (!workflowEventIdSchema.safeParse(input.id).success) {
    throw new AppError('invalid-input', 'The workflow event needs an id of letters, digits, ".", "_", ":" or "-".', { kind: 'workflow-event-id' });
  }
  if (input.revision !== undefined && !(Number.isInteger(input.revision) && input.revision >= 0)) {
    throw new AppError('invalid-input', 'The article revision must be a whole number, zero or more.', { kind: 'workflow-revision' });
  }

  const from = subject.status;
  if (!rule.from.includes(from)) {
    throw new AppError('conflict', `Cannot ${verbOf(action)}: the article is ${STATUS_WORDS[from]}. ${rule.onlyFrom}`, { kind: 'workflow-wrong-status', action, status: from });
  }
  assertPermitted(rule, action, subject, by);

  const note = normalizedNote(input.note);
  if (rule.noteRequired && note === null) {
    throw new AppError('invalid-input', noteMissingMessage(action), { kind: 'note-required', action, field: 'note' });
  }
  const scheduledAt = action === 'schedule' ? futureSchedule(input.scheduledAt, at) : noSchedule(input.scheduledAt, action);

  const event = workflowEventSchema.parse({
    id: input.id,
    action,
    from,
    to: rule.to,
    by,
    at: input.at,
    note,
    scheduledAt,
    revision: input.revision ?? null,
  });
  return { status: rule.to, event };
}

function assertPermitted(rule: TransitionRule, action: WorkflowAction, subject: WorkflowSubject, actor: NewsroomProfile): void {
  if (actor.role === 'editor') return;
  if (rule.reporterFrom.length === 0) {
    throw new AppError('permission-denied', `Only editors can ${rule.phrase}.`, { kind: 'editors-only', action, role: actor.role });
  }
  if (!rule.reporterFrom.includes(subject.status)) {
    throw new AppError(
      'permission-denied',
      `Reporters can ${verbOf(action)} an article only while it is ${rule.reporterFrom.map((s) => STATUS_WORDS[s]).join(' or ')}; once the desk has it, that is an editor's decision.`,
      { kind: 'reporter-status', action, role: actor.role, status: subject.status },
    );
  }
  if (!isOwnArticle(subject, actor)) {
    throw new AppError('permission-denied', `This article belongs to ${subject.owner ?? ''}: reporters can ${verbOf(action)} only their own articles.`, {
      kind: 'reporter-owner',
      action,
      role: actor.role,
      owner: subject.owner ?? null,
    });
  }
}

function parseActor(actor: NewsroomProfile): NewsroomProfile {
  const parsed = newsroomProfileSchema.safeParse(actor);
  if (!parsed.success) {
    throw new AppError('invalid-input', 'Set your name and role (reporter or editor) in your newsroom profile first.', { kind: 'profile-missing' });
  }
  return parsed.data;
}

function parseTime(value: string | undefined, what: string): number {
  const ms = typeof value === 'string' && workflowEventSchema.shape.at.safeParse(value).success ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms)) throw new AppError('invalid-input', `${what} must be an ISO 8601 date and time with an offset.`, { kind: 'workflow-time' });
  return ms;
}

function normalizedNote(note: string | undefined): string | null {
  const trimmed = (note ?? '').trim();
  if (trimmed.length > MAX_NOTE_LENGTH) {
    throw new AppError('invalid-input', `The note is too long: at most ${MAX_NOTE_LENGTH} characters.`, { kind: 'note-too-long', max: MAX_NOTE_LENGTH, field: 'note' });
  }
  return trimmed === '' ? null : trimmed;
}

function futureSchedule(scheduledAt: string | undefined, atMs: number): string {
  if (scheduledAt === undefined || scheduledAt.trim() === '') {
    throw new AppError('invalid-input', 'Choose when the article should be published.', { kind: 'schedule-missing', field: 'scheduledAt' });
  }
  const ms = parseTime(scheduledAt, 'The publication time');
  if (ms <= atMs) {
    throw new AppError('invalid-input', 'The publication time is in the past: choose a time in the future, or publish now.', {
      kind: 'schedule-in-past',
      field: 'scheduledAt',
    });
  }
  return scheduledAt;
}

function noSchedule(scheduledAt: string | undefined, action: WorkflowAction): null {
  if (scheduledAt !== undefined) {
    throw new AppError('invalid-input', `A publication time applies only when scheduling, not to ${verbOf(action)}.`, { kind: 'schedule-not-applicable', action, field: 'scheduledAt' });
  }
  return null;
}

function verbOf(action: WorkflowAction): string {
  return action === 'request-changes' ? 'request changes' : action;
}

function noteMissingMessage(action: WorkflowAction): string {
  if (action === 'request-changes') return 'Say what needs to change: a note is required when requesting changes.';
  if (action === 'spike') return 'Say why the article is spiked: a note is required.';
  return 'Describe the correction: a note is required, and readers will see it.';
}
