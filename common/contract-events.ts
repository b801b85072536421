// Runs in: every process (pure). The events the services push to the renderer, beside the
// request/response contract: each name has a zod schema, and every transport validates an event
// against it before handing it on. The renderer re-fetches what an event names (or uses the job
// it carries) instead of polling.
import { z } from 'zod';
import { articleIdSchema } from './article';
import { JOB_STATES, jobIdSchema, type OutboxJob } from './publish/publish-job';

/** The fields of a job the renderer relies on; the rest travels as the services sent it. */
const outboxJobShape = z
  .object({
    id: jobIdSchema,
    articleId: articleIdSchema,
    state: z.enum(JOB_STATES),
    progress: z.object({ step: z.string().max(100), mediaDone: z.number().int().min(0), mediaTotal: z.number().int().min(0) }),
  })
  .passthrough();
const outboxJobSchema = z.custom<OutboxJob>((value) => outboxJobShape.safeParse(value).success, 'an outbox job');

/** At most this many ids in one library event; a larger change is announced without ids. */
export const MAX_EVENT_IDS = 500;

export const eventSchemas = {
  /** A publishing job's state or progress changed (every checkpoint of the outbox). */
  'job.changed': z.object({ job: outboxJobSchema }).strict(),
  /** A job was queued or changed state: the outbox list and its badge are stale. */
  'outbox.changed': z.object({ jobId: jobIdSchema, state: z.enum(JOB_STATES) }).strict(),
  /** What waits for this person in the review hub changed (the hub sync, or a local action). */
  'review.queueChanged': z.object({ waiting: z.number().int().min(0).max(1_000_000) }).strict(),
  /** One article's review record (status, comments, history, pending sync) changed. */
  'review.articleChanged': z.object({ articleId: articleIdSchema }).strict(),
  /** Articles were saved, created, trashed, restored or purged. */
  'library.changed': z
    .object({ kind: z.enum(['saved', 'created', 'trashed', 'restored', 'purged', 'indexed']), ids: z.array(articleIdSchema).max(MAX_EVENT_IDS) })
    .strict(),
  /** The settings were updated. */
  'settings.changed': z.object({}).strict(),
  /** Reserved for live co-editing: a document's body changed elsewhere. Nothing emits it yet. */
  'document.updated': z.object({ articleId: articleIdSchema, revision: z.number().int().min(0) }).strict(),
  /**
   * Sent by the transport, not the services: the services process restarted, so events may have
   * been missed and whatever the screen shows must be fetched again once.
   */
  'app.resync': z.object({}).strict(),
} as const;

export type EventName = keyof typeof eventSchemas;
export type EventPayload<K extends EventName> = z.output<(typeof eventSchemas)[K]>;
export type DatelineEvent = { [K in EventName]: { name: K; payload: EventPayload<K> } }[EventName];

export const EVENT_NAMES = Object.keys(eventSchemas) as EventName[];

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(eventSchemas, value);
}

/** The event if its name is known and its payload matches the schema; null otherwise. */
export function parseDatelineEvent(value: unknown): DatelineEvent | null {
  if (typeof value !== 'object' || value === null) return null;
  const { name, payload } = value as { name?: unknown; payload?: unknown };
  if (!isEventName(name)) return null;
  const parsed = eventSchemas[name].safeParse(payload);
  return parsed.success ? ({ name, payload: parsed.data } as DatelineEvent) : null;
}

/** Builds an event with its payload checked at compile time. */
export function datelineEvent<K extends EventName>(name: K, payload: EventPayload<K>): DatelineEvent {
  return { name, payload } as DatelineEvent;
}
