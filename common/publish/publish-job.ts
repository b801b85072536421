// Runs in: services and renderer. A publishing job in the outbox, and the record of what went
// live where. Jobs are persisted before any network call so they survive restarts.
import { z } from 'zod';
import type { AppErrorCode } from '../app-error';
import type { AppErrorDetails } from '../errors/app-error-details';
import { publishStatusSchema, targetIdSchema, type PublishStatus, type TargetKind } from './publish-target-config';

export const publishOptionsSchema = z.object({
  /** publish now, future (scheduled at `scheduledAt`), draft, or pending (submitted for review). */
  status: publishStatusSchema,
  /** ISO 8601 with offset; required when status is "future". */
  scheduledAt: z.iso.datetime({ offset: true }).nullable().default(null),
  /** Checklist warnings the user chose to override (their ids). Blockers cannot be overridden. */
  overriddenWarnings: z.array(z.string().max(100)).max(50).default([]),
});
export type PublishOptions = z.infer<typeof publishOptionsSchema>;

export const JOB_STATES = [
  /** Persisted, waiting for its turn. */
  'queued',
  /** Being sent now. */
  'running',
  /** The backend could not be reached (offline, DNS, timeout, 5xx): retried automatically. */
  'waiting',
  /** The post was changed on the server since the last publish: a person must choose. */
  'conflict',
  /** Stopped on an error that retrying cannot fix (401, 403, 404, 413, bad response). */
  'failed',
  'cancelled',
  'done',
] as const;
export type JobState = (typeof JOB_STATES)[number];

export interface JobProgress {
  /** e.g. "upload-media", "create-post", "set-status", "verify". */
  step: string;
  /** Photos uploaded so far and in all, for the progress bar. */
  mediaDone: number;
  mediaTotal: number;
}

export interface JobError {
  code: AppErrorCode;
  message: string;
  /** HTTP status when the backend answered. */
  status?: number;
  /** With remote-forbidden: the statuses the account may set (["draft", "pending"]: it may only submit for review). */
  allowedStatuses?: PublishStatus[];
  /** What the renderer words the failure from (the English message is for the log). */
  details?: AppErrorDetails;
}

/** Both sides of a conflict, for the person to compare. */
export interface ConflictDetails {
  remote: { title: string; excerpt: string; contentHtml: string; modified: string; url: string };
  local: { title: string; excerpt: string; contentHtml: string };
  /** The server's modified time this copy recorded at its last publish; '' when it never published this post. */
  recordedModified: string;
  /** Who wrote the post last, when the server says (e.g. another copy of the library that publishes the same article). */
  lastPublisher?: LastPublisher;
}

/** The Dateline publish that last wrote a post, as the post itself records it. */
export interface LastPublisher {
  /** The outbox job that wrote it. */
  jobId: string;
  /** The computer it was sent from (its host name), when known. */
  host: string | null;
  /** Whether that job is this copy's own last publish of the article. */
  thisCopy: boolean;
}

export interface OutboxJob {
  id: string;
  articleId: string;
  targetId: string;
  targetKind: TargetKind;
  targetName: string;
  /** The article's headline at enqueue time, for the queue list. */
  headline: string;
  /** The article revision that was published. */
  articleRevision: number;
  options: PublishOptions;
  state: JobState;
  createdAt: string;
  updatedAt: string;
  attempts: number;
  /** When a waiting job is next tried. */
  nextAttemptAt: string | null;
  progress: JobProgress;
  lastError: JobError | null;
  conflict: ConflictDetails | null;
  /** Set when done. */
  result: PublicationRecord | null;
  /** Set when the job ended without sending anything (see JobSkip). */
  skipped: JobSkip | null;
  /** Set when Retry replaced the job's copy of the article with the newer saved version. */
  resnapshot: JobResnapshot | null;
}

/**
 * Why a job ended without sending:
 * - `overtaken` (state `cancelled`): a newer version of the article was published to the same target,
 *   or a newer job for it is in the outbox; sending this one would bring back an older version.
 * - `unchanged` (state `done`): the target already holds exactly this version with this status.
 */
export interface JobSkip {
  reason: 'overtaken' | 'unchanged';
  /** The revision that overtook this job, or the one already on the target. */
  articleRevision: number;
  /** The newer job, when a queued job (not a finished publish) overtook this one. */
  jobId: string | null;
}

export interface JobResnapshot {
  /** The revision the job was first queued with. */
  fromRevision: number;
  at: string;
}

/**
 * Something a target did otherwise than the article asked, told to the person with the result:
 * - `author-not-on-site`: no staff user of the site answers to this byline (Ghost keeps its default author);
 * - `excerpt-shortened`: the site takes at most `maxChars` characters of summary;
 * - `pending-as-draft`: the site has no review status, so the story waits there as a draft.
 */
export const publishRemarkSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('author-not-on-site'), name: z.string().max(200) }),
  z.object({ kind: z.literal('excerpt-shortened'), maxChars: z.number().int().positive() }),
  z.object({ kind: z.literal('pending-as-draft') }),
]);
export type PublishRemark = z.infer<typeof publishRemarkSchema>;

/** What went live where: one per article and target, kept with the article. */
export interface PublicationRecord {
  targetId: string;
  targetKind: TargetKind;
  /** e.g. the WordPress post id, the webhook's idempotency key, the folder path. */
  remoteId: string;
  url: string;
  status: PublishStatus;
  /** sha256 of what was sent, so an unchanged article is not sent again. */
  contentHash: string;
  /** The server's modified time after our publish (WordPress modified_gmt), for conflict checks. */
  remoteModified: string;
  publishedAt: string;
  articleRevision: number;
  /**
   * sha256 of what the server held right after our publish (WordPress: title, content, excerpt,
   * status and featured photo as context=edit returns them): a change made in the same second as
   * our publish leaves the modified time alone but not this. Absent in records written before it.
   */
  remoteFingerprint?: string;
  /** The outbox job that made this publish; absent in older records. */
  jobId?: string;
  /** What the target did otherwise than asked (see PublishRemark); absent when nothing. */
  remarks?: PublishRemark[];
}

export const jobIdSchema = z.string().regex(/^[0-9a-z]{10,40}$/, 'a job id');
export const publishStartSchema = z.object({
  articleId: z.string().regex(/^[0-9a-z]{10,40}$/),
  targetId: targetIdSchema,
  options: publishOptionsSchema,
  /** "Approve and publish": the story is approved once the checklist passed, right before the job is queued. */
  approveFirst: z.boolean().optional(),
});
