// Runs in: main, services, host and renderer. An article's workflow history (kept with the article,
// e.g. articles/<id>/history.json, and carried through the hubs): the schema and pure queries
// the review queue, the diff view and the ownership rule need.
import { z } from 'zod';
import type { ArticleStatus } from '../article';
import { AppError } from '../app-error';
import { sameActorName } from './newsroom-profile';
import { STATUS_WORDS } from './workflow-machine';
import { workflowEventSchema, type WorkflowAction, type WorkflowEvent } from './workflow-event';

export const MAX_HISTORY_EVENTS = 10_000;

export const workflowHistorySchema = z.object({
  schemaVersion: z.literal(1),
  /** Oldest first. */
  events: z.array(workflowEventSchema).max(MAX_HISTORY_EVENTS),
});
export type WorkflowHistory = z.infer<typeof workflowHistorySchema>;

export function emptyHistory(): WorkflowHistory {
  return { schemaVersion: 1, events: [] };
}

/**
 * The history with `event` appended. Appending an event already present (same id, same content)
 * changes nothing, so a retried write is harmless; an event that does not start where the history
 * ends means someone else moved the article first.
 */
export function appendEvent(history: WorkflowHistory, event: WorkflowEvent): WorkflowHistory {
  const existing = history.events.find((e) => e.id === event.id);
  if (existing) {
    if (JSON.stringify(existing) === JSON.stringify(event)) return history;
    throw new AppError('conflict', `Another workflow event already has the id ${event.id}.`, { kind: 'duplicate-id', id: event.id });
  }
  const last = history.events.at(-1);
  if (last && last.to !== event.from) {
    throw new AppError(
      'conflict',
      `The article is already ${STATUS_WORDS[last.to]} (by ${last.by.name} at ${last.at}); reload it before acting on it.`,
      { kind: 'workflow-stale', expected: event.from, actual: last.to, by: last.by.name },
    );
  }
  if (history.events.length >= MAX_HISTORY_EVENTS) {
    throw new AppError('invalid-input', `The article's history is full (${MAX_HISTORY_EVENTS} events).`, { kind: 'history-full', max: MAX_HISTORY_EVENTS });
  }
  return { ...history, events: [...history.events, event] };
}

/** The status the history leaves the article in; `fallback` when nothing happened yet. */
export function currentStatusOf(history: WorkflowHistory, fallback: ArticleStatus = 'draft'): ArticleStatus {
  return history.events.at(-1)?.to ?? fallback;
}

/** The most recent event of `action`, or null. */
export function lastEventOf(history: WorkflowHistory, action: WorkflowAction): WorkflowEvent | null {
  return history.events.findLast((e) => e.action === action) ?? null;
}

/** Every submission, oldest first: the diff view compares a resubmission with the one before. */
export function submissionsOf(history: WorkflowHistory): WorkflowEvent[] {
  return history.events.filter((e) => e.action === 'submit');
}

/** When the article was last submitted (the review queue shows its age), or null. */
export function submittedAt(history: WorkflowHistory): string | null {
  return lastEventOf(history, 'submit')?.at ?? null;
}

/** Whose article it is: the name on its first submission, or null if it was never submitted. */
export function ownerOf(history: WorkflowHistory): string | null {
  return history.events.find((e) => e.action === 'submit')?.by.name ?? null;
}

/**
 * The last event `name` took part in: what that person last saw. Its `revision` is the base of the
 * "changed since you last saw it" diff.
 */
export function lastSeenBy(history: WorkflowHistory, name: string): WorkflowEvent | null {
  return history.events.findLast((e) => sameActorName(e.by.name, name)) ?? null;
}
